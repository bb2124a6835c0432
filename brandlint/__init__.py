"""brandlint: keep every draft on the company's master messaging."""

__version__ = "0.1.0"
