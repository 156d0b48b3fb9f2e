from tournage.cli import main

main()
