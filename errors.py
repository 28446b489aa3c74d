"""Errors the user sees as one clear line (the CLI prints them without a traceback)."""

from __future__ import annotations


class CapgraphError(Exception):
    """A problem the user can act on; str(error) is the one line shown."""

    exit_code: int = 1


class InputError(CapgraphError):
    """A missing path, a folder with nothing readable, a bad parameter."""

    exit_code = 2


class StoreError(CapgraphError):
    """The database could not be started, reached, or answered with an error."""


class BusyError(StoreError):
    """Another capgraph command holds the data directory."""


class StoreLostError(StoreError):
    """The connection to the database went away (no later write can succeed either)."""


class DamagedDataError(StoreError):
    """The data directory's files are damaged: the server refuses them, or articles written are missing."""
