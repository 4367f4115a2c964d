"""`python -m styrgraf.api.cli`: the same command line as the `styrgraf` command."""
from styrgraf.api.cli.launch import main

main()
