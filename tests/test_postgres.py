"""The throwaway PostgreSQL server and how PostgreSQL snippets reach it, skip or fail.

See docs/_ext/pgserver.py (the server, the libpq environment) and docs/_ext/postgres.py
(doctest: an empty database per snippet, skipped without a server).
"""

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text

import pgserver
from test_bad_input import SHOW_BOTH, Site

URL = "postgresql+psycopg://scott:tiger@localhost/test"  # what the snippets write
PG_SNIPPET = f"""\
# %% setup
from sqlalchemy import create_engine, text

engine = create_engine("{URL}")

# %% create
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE t (x int)"))
    print(conn.scalar(text("SELECT count(*) FROM t")))
"""

KEEP_A_SERVER = """
import time, pgserver
server = pgserver.Server().start()
print(server.pid, server.dir, flush=True)
time.sleep(120)
"""


def shown(name: str) -> str:
    return f"""
.. snippet:: demo/{name}.py
   :cell: setup

.. snippet:: demo/{name}.py
   :cell: create

   0
"""


@pytest.fixture
def installed():
    if pgserver.find_bindir() is None:
        if pgserver.required():
            pytest.fail("REQUIRE_POSTGRES=1, but PostgreSQL is not installed")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")


@pytest.fixture
def no_server(monkeypatch):
    """libpq pointed at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("PGHOSTADDR", "127.0.0.1")
    monkeypatch.setenv("PGPORT", str(port))
    monkeypatch.delenv("SNIPPET_POSTGRES", raising=False)
    monkeypatch.delenv("REQUIRE_POSTGRES", raising=False)


def test_the_snippets_url_reaches_the_throwaway_server(postgres):
    engine = create_engine(URL)
    with engine.connect() as conn:
        port, user = conn.execute(text("SELECT inet_server_port(), current_user")).one()
        prepared = conn.scalar(text("SHOW max_prepared_transactions"))
    engine.dispose()
    assert (port, user) == (postgres.port, "scott")
    assert int(prepared) > 0  # two-phase commit needs it


def test_a_stopped_server_leaves_nothing_behind(installed):
    server = pgserver.Server().start()
    directory, pid, port = server.dir, server.pid, server.port
    server.stop()
    assert not directory.exists(), f"{directory} left behind"
    assert not pgserver.running(pid), f"server (pid {pid}) still running"
    with socket.socket() as again:
        # Nothing listens there any more. SO_REUSEADDR, as servers set it: the server's
        # closed connections may linger in TIME_WAIT, which is not a server left running.
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))


def test_a_killed_test_run_leaves_nothing_behind(installed):
    owner = subprocess.Popen(
        [sys.executable, "-c", KEEP_A_SERVER],
        cwd=Path(pgserver.__file__).parent,
        stdout=subprocess.PIPE,
        text=True,
    )
    pid, directory = owner.stdout.readline().split()
    owner.kill()  # no teardown, no atexit: only the watchdog can clean up
    owner.wait()
    deadline = time.monotonic() + 20
    while (pgserver.running(int(pid)) or Path(directory).exists()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not pgserver.running(int(pid)), f"server (pid {pid}) still running"
    assert not Path(directory).exists(), f"{directory} left behind"


def test_server_that_fails_to_start_says_why(installed, monkeypatch):
    temp = Path(tempfile.mkdtemp(prefix="snippets-postgres-test-"))
    temp.chmod(0o755)  # the server runs as user postgres
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = pgserver.Server(port=taken.getsockname()[1])
        with pytest.raises(pgserver.ServerError) as failure:
            server.start()
    left = list(temp.iterdir())
    shutil.rmtree(temp)
    assert not left, f"left behind: {left}"
    message = str(failure.value)
    assert message.startswith("PostgreSQL did not start (start):"), message
    assert "could not bind IPv4 address" in message, message  # the server log's tail
    assert "Address already in use" in message, message


def test_reset_empties_the_database_and_its_prepared_transactions(postgres):
    with psycopg.connect(pgserver.SNIPPET_DSN) as conn:
        conn.execute("CREATE TABLE t (x int)")
        conn.execute("PREPARE TRANSACTION 'left-over'")
    pgserver.reset()
    with psycopg.connect(pgserver.SNIPPET_DSN) as conn:
        assert conn.execute("SELECT to_regclass('t')").fetchone() == (None,)
        assert conn.execute("SELECT count(*) FROM pg_prepared_xacts").fetchone() == (0,)


def test_no_server_is_a_skip_with_the_reason(no_server, monkeypatch):
    reason = pgserver.unavailable()
    assert reason.startswith("no PostgreSQL server for the PostgreSQL snippets"), reason
    assert "Connection refused" in reason and "REQUIRE_POSTGRES=1" in reason, reason
    monkeypatch.setenv("REQUIRE_POSTGRES", "1")
    assert pgserver.unavailable() is None  # not skipped: the snippets run and fail


def test_a_server_that_never_answers_is_a_skip_not_a_hang(no_server, monkeypatch):
    with socket.socket() as silent:  # accepts connections (in the backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        monkeypatch.setenv("PGPORT", str(silent.getsockname()[1]))
        monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
        try:
            probe = subprocess.run(
                [sys.executable, "-c", "import pgserver; print(pgserver.unavailable())"],
                cwd=Path(pgserver.__file__).parent,
                capture_output=True,
                text=True,
                timeout=20,
            )
        except subprocess.TimeoutExpired:
            pytest.fail("probing a server that never answers hung (no connect timeout?)")
    assert "timeout expired" in probe.stdout, probe.stdout + probe.stderr


def pg_site(root: Path) -> Site:
    site = Site(root)
    site.snippet("demo/first.py", PG_SNIPPET)
    site.snippet("demo/second.py", PG_SNIPPET)  # the same table: needs an empty database
    # A page with PostgreSQL output names its PostgreSQL (pgversion.py): one more test.
    site.page(SHOW_BOTH + "\n.. postgres-version::\n" + shown("first") + shown("second"))
    return site


def test_doctest_skips_postgres_snippets_without_a_server(no_server, tmp_path):
    build = pg_site(tmp_path).build("doctest")
    assert build.returncode == 0, build.log
    assert "skipping the PostgreSQL snippets: no PostgreSQL server" in build.log, build.log
    assert "2 tests" in build.log, build.log  # hello.py's cells only


def test_doctest_fails_postgres_snippets_without_a_server_if_required(
    no_server, monkeypatch, tmp_path
):
    monkeypatch.setenv("REQUIRE_POSTGRES", "1")
    build = pg_site(tmp_path).build("doctest")
    assert build.returncode != 0
    assert "Connection refused" in build.log, build.log


def test_doctest_gives_each_postgres_snippet_an_empty_database(postgres, tmp_path):
    build = pg_site(tmp_path).build("doctest")
    assert build.returncode == 0, build.log
    assert "7 tests" in build.log and " 0 failures in tests" in build.log, build.log
