from brandlint.cli import main

main()
