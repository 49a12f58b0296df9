"""A throwaway PostgreSQL server for the snippets that need one (tests, doctest, record).

A PostgreSQL snippet keeps the URL a reader would write,
``postgresql+psycopg://scott:tiger@localhost/test``.  libpq takes whatever a URL
leaves out from the environment, so the harness redirects the snippets without
touching their code: PGPORT (the URL names no port), PGHOSTADDR (connect to
127.0.0.1 without resolving "localhost"), PGCONNECT_TIMEOUT (a dead server fails
fast instead of hanging).  SNIPPET_POSTGRES names the data directory of a
throwaway server: only then may the harness wipe the database between snippets.

    python docs/_ext/pgserver.py COMMAND...   # run COMMAND against a throwaway server
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The role and database named by the snippets' URL; `localhost` + libpq's environment.
SNIPPET_DSN = "host=localhost user=scott password=tiger dbname=test"
USES_POSTGRES = re.compile(r"""["']postgresql(?:\+\w+)?://""")  # a URL in the code
HINT = (
    "install PostgreSQL (Debian: apt-get install postgresql) and the tests start a "
    "throwaway server; or run one with role scott (password tiger) owning database test "
    "and export PGPORT (and PGHOSTADDR) for it; REQUIRE_POSTGRES=1 turns this skip into a failure"
)


# Stops the server if the process that started it dies without stopping it (killed tests).
WATCHDOG = """
import os, shutil, signal, sys, time
owner, server, directory = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
while alive(owner) and os.path.isdir(directory):
    time.sleep(0.5)
if os.path.isdir(directory):
    if alive(server):
        os.kill(server, signal.SIGQUIT)
    time.sleep(2)
    shutil.rmtree(directory, ignore_errors=True)
"""


class ServerError(RuntimeError):
    """The throwaway server could not be started; the message ends with its log."""


def needs_postgres(path: Path | str) -> bool:
    """Whether a snippet file names a PostgreSQL URL (it then needs a server)."""
    return bool(USES_POSTGRES.search(Path(path).read_text(encoding="utf-8")))


def required() -> bool:
    return os.environ.get("REQUIRE_POSTGRES", "") not in ("", "0")


def find_bindir() -> Path | None:
    """The newest installed PostgreSQL's bin/ (Debian keeps initdb off PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    initdb = found[-1] if found else shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def unavailable() -> str | None:
    """Why the snippets cannot reach their server; None if they can or REQUIRE_POSTGRES is set."""
    if required():
        return None
    import psycopg

    timeout = int(os.environ.get("PGCONNECT_TIMEOUT") or 3)
    try:
        psycopg.connect(SNIPPET_DSN, connect_timeout=timeout).close()
    except psycopg.Error as exc:
        cause = " ".join(str(exc).split())
        return f"no PostgreSQL server for the PostgreSQL snippets ({cause}); {HINT}"
    return None


def reset() -> None:
    """Give the next snippet an empty database ``test`` (throwaway servers only)."""
    if not os.environ.get("SNIPPET_POSTGRES"):
        return
    import psycopg
    from psycopg import sql

    admin = "host=localhost user=postgres dbname="
    with psycopg.connect(admin + "test", autocommit=True) as conn:
        # A snippet that died between PREPARE and COMMIT PREPARED would keep the database busy.
        for (gid,) in conn.execute("SELECT gid FROM pg_prepared_xacts").fetchall():
            conn.execute(sql.SQL("ROLLBACK PREPARED {}").format(sql.Literal(gid)))
    with psycopg.connect(admin + "postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE test WITH (FORCE)")
        conn.execute("CREATE DATABASE test OWNER scott")


class Server:
    """initdb + pg_ctl into a fresh temporary directory, on 127.0.0.1 and a free port."""

    def __init__(self, bindir: Path | None = None, port: int | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.port = port
        self.dir: Path | None = None
        self.pid: int | None = None
        self.watchdog: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        return {
            "PGHOSTADDR": "127.0.0.1",
            "PGPORT": str(self.port),
            "PGCONNECT_TIMEOUT": "10",
            "SNIPPET_POSTGRES": str(self.dir / "data"),
        }

    def _run(self, program: str, *args: object) -> subprocess.CompletedProcess:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        command = [*as_postgres, str(self.bindir / program), *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    def start(self) -> Server:
        if self.bindir is None:
            raise ServerError(f"PostgreSQL is not installed; {HINT}")
        self.dir = Path(tempfile.mkdtemp(prefix="snippets-postgres-"))
        if os.geteuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.dir, "postgres")
        if self.port is None:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
        data, log = self.dir / "data", self.dir / "server.log"
        init = self._run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                         "--locale=C", "--no-sync")  # fmt: skip
        settings = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off -c max_prepared_transactions=10"
        )
        run = init if init.returncode else self._run(
            "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o", settings, "start"
        )  # fmt: skip
        if run.returncode:
            output = run.stdout + run.stderr + (log.read_text() if log.exists() else "")
            with contextlib.suppress(OSError, ValueError, IndexError):  # started, then failed
                self.pid = int((data / "postmaster.pid").read_text().split()[0])
            self.stop()
            tail = "\n".join(output.strip().splitlines()[-15:])
            raise ServerError(f"PostgreSQL did not start ({run.args[-1]}):\n{tail}")
        self.pid = int((data / "postmaster.pid").read_text().split()[0])
        self.watchdog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, str(os.getpid()), str(self.pid), str(self.dir)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        import psycopg

        dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute("CREATE ROLE scott LOGIN PASSWORD 'tiger'")
                conn.execute("CREATE DATABASE test OWNER scott")
        except psycopg.Error as exc:
            self.stop()
            raise ServerError(f"PostgreSQL started but cannot be set up: {exc}") from exc
        return self

    def stop(self) -> None:
        """Stop the server by its pid and remove its directory."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGQUIT)  # immediate shutdown: nothing to keep
            deadline = time.monotonic() + 30
            while running(self.pid) and time.monotonic() < deadline:
                time.sleep(0.02)
            self.pid = None
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None
        if self.watchdog is not None:
            self.watchdog.wait(10)  # it sees the directory gone and exits
            self.watchdog = None


def running(pid: int) -> bool:
    """Whether a process runs (the server is not our child: a zombie has exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@contextlib.contextmanager
def serving(needed: bool = True):
    """Point libpq at a throwaway server for the block, unless one is configured already."""
    configured = {"PGPORT", "PGHOST", "PGHOSTADDR", "SNIPPET_POSTGRES"} & set(os.environ)
    if not needed or configured or find_bindir() is None:
        yield None
        return
    server = Server().start()
    saved = dict(os.environ)
    os.environ.update(server.env())
    try:
        yield server
    finally:
        os.environ.clear()
        os.environ.update(saved)
        server.stop()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} COMMAND [ARG...]")
    with serving():
        sys.exit(subprocess.run(sys.argv[1:]).returncode)
