"""The SQL echo handler the doctest builder installs: each record as its message alone.

Pure standard library, so that the in-browser runner (docs/_ext/browserrun.py copies this
file next to Pyodide) prints the SQL echo in exactly the shape the page shows.
"""

import logging
import sys


class EchoToStdout(logging.Handler):
    """Write each record, message only, to whatever sys.stdout is when it is emitted."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stdout.write(self.format(record) + "\n")


def capture_echo() -> None:
    """Make ``echo=True`` print plain SQL into whatever captures stdout (doctest, the runner).

    SQLAlchemy adds its own timestamped handler only when the engine logger has
    none, so this must run before the snippet creates an engine.
    """
    engine_logger = logging.getLogger("sqlalchemy.engine.Engine")
    if not any(isinstance(h, EchoToStdout) for h in engine_logger.handlers):
        engine_logger.addHandler(EchoToStdout())
        engine_logger.propagate = False
