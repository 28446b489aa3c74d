"""Ctrl-C for long commands: raised as usual, and also noted where the command's loop looks.

Python raises KeyboardInterrupt wherever the main thread happens to be. When that is a finaliser
(`__del__`, a weakref callback, run by the garbage collector at any moment) the exception is printed
as "ignored" and lost, and the command runs on to its end. Noting the signal in an event as well
lets the loop stop at its next article even then.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def ctrl_c_noted() -> Iterator[threading.Event]:
    """An event set by Ctrl-C (SIGINT) while the block runs; the signal still raises KeyboardInterrupt."""
    pressed = threading.Event()
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is signal.SIG_IGN:
        yield pressed  # signals reach the main thread only; an ignored Ctrl-C stays ignored
        return

    def note(signum: int, frame: FrameType | None) -> None:
        pressed.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, note)
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)
