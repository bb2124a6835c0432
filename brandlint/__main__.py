"""`python -m brandlint`: the same as the `brandlint` command."""

from brandlint.cli import main

main()
