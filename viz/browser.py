"""Opening a page in the user's web browser, and knowing when that was not possible."""

from __future__ import annotations

import webbrowser


def open_in_browser(address: str) -> bool:
    """Open `address` (a URL or a file URI); False when no browser could be started (a server, SSH)."""
    try:
        return bool(webbrowser.open(address))
    except webbrowser.Error:
        return False
