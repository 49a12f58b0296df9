"""Debian's Chromium for the browser tests: how to start it, what a page may request and did."""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The two screens the browser tests look at (CSS px): a phone and a desktop.
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1400, "height": 1000}}
LOCAL = re.compile(r"^(?!(https?|wss?)://127\.0\.0\.1[:/]|data:|blob:|about:)")


def missing_browser() -> str:
    """Why the browser tests cannot run here ("" if they can)."""
    install = "apt-get install chromium fonts-wqy-microhei to run these tests"
    if not Path(CHROMIUM).exists():
        return f"no {CHROMIUM}: {install}"
    if not shutil.which("fc-list"):  # fontconfig's tools: chromium only recommends them
        return ""
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    if not fonts.stdout.strip():  # Chinese would render as boxes in the screenshot
        return f"no Chinese font (fc-list :lang=zh): {install}"
    return ""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


@dataclass
class Visit:
    """What one page did while it loaded, and what it showed."""

    outside: list[str] = field(default_factory=list)  # requests that left 127.0.0.1
    errors: list[str] = field(default_factory=list)  # console errors, uncaught exceptions
    phone_overflow: str = ""  # how far the page scrolls sideways at 375 px wide, and why
    copied: list[tuple[str, str, str]] = field(default_factory=list)  # (snippet, cell, text)
    clicked: str = ""  # what a mouse click on the page's first copy button copied

    def refuse(self, route) -> None:
        self.outside.append(route.request.url)
        route.abort()

    def console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def uncaught(self, error) -> None:
        self.errors.append(str(error))
