"""SQL echo: printed without timestamps under doctest, highlighted as SQL on the page."""

import logging
import sys

from pygments.lexer import RegexLexer, inherit, using
from pygments.lexers.sql import SqlLexer
from pygments.token import Comment, Generic, Keyword, Name, Text

# A statement the engine logs is followed by its parameters on a line of its own
# ("[generated in 0.0001s] ('alice',)", written "[...] ('alice',)" on a page);
# BEGIN (implicit), COMMIT and ROLLBACK are logged alone.
KEYWORDS = "SELECT INSERT UPDATE DELETE CREATE DROP ALTER PRAGMA WITH SAVEPOINT RELEASE PREPARE SET"
STATEMENT = rf"(?=(?:{'|'.join(KEYWORDS.split())}|ROLLBACK TO)\b)"


class PlaceholderSqlLexer(SqlLexer):
    """SQL whose psycopg/pyformat placeholders (``%(name)s``) are one token each: a wrapped
    output line never breaks inside one (snippet.css)."""

    tokens = {"root": [(r"%\(\w+\)s", Name.Variable), inherit]}


class SqlEchoLexer(RegexLexer):
    name = "SQL echo"
    aliases = ["sql-echo"]

    tokens = {
        "root": [
            (r"(?:BEGIN \(implicit\)|COMMIT|ROLLBACK)\s*?\n", Keyword),
            (STATEMENT, Text, "statement"),
            (r"\[[^\n]*\n?", Comment),
            (r"[^\n]*\n", Generic.Output),
            (r".+", Generic.Output),
        ],
        "statement": [
            (r"\[[^\n]*\n?", Comment, "#pop"),
            (r"[^\n]*\n", using(PlaceholderSqlLexer)),
            (r".+", using(PlaceholderSqlLexer)),
        ],
    }


class EchoToStdout(logging.Handler):
    """Write each record, message only, to whatever sys.stdout is when it is emitted."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stdout.write(self.format(record) + "\n")


def capture_echo() -> None:
    """Make ``echo=True`` print plain SQL into doctest's captured stdout.

    SQLAlchemy adds its own timestamped handler only when the engine logger has
    none, so this must run before the snippet creates an engine.
    """
    engine_logger = logging.getLogger("sqlalchemy.engine.Engine")
    if not any(isinstance(h, EchoToStdout) for h in engine_logger.handlers):
        engine_logger.addHandler(EchoToStdout())
        engine_logger.propagate = False


def setup(app):
    app.add_lexer("sql-echo", SqlEchoLexer)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
