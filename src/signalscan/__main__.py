from signalscan.cli import main

main()
