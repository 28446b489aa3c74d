"""`python -m capgraph`: the same as the `capgraph` command."""

from capgraph.cli import run

run()
