"""SQL echo highlighted as SQL on the page (echolog.py prints it without timestamps)."""

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


def setup(app):
    app.add_lexer("sql-echo", SqlEchoLexer)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
