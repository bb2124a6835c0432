from brandlint.client import main

main()
