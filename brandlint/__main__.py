"""`python -m brandlint`: the same as the `brandlint` command."""

from brandlint.launch import main

main()
