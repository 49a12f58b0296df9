# %% setup
import tempfile
import threading

from flask import Flask
from sqlalchemy import create_engine, select
from sqlalchemy.exc import TimeoutError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, scoped_session, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


tmp = tempfile.TemporaryDirectory()
engine = create_engine(
    f"sqlite:///{tmp.name}/app.db", pool_size=1, max_overflow=0, pool_timeout=0.1
)
Base.metadata.create_all(engine)
db_session = scoped_session(sessionmaker(engine))

app = Flask(__name__)


@app.errorhandler(TimeoutError)
def pool_exhausted(exc):
    return str(exc), 503


@app.get("/users")
def list_users():
    return db_session.scalars(select(User.name)).all()


client = app.test_client()

# %% worker_thread
served = threading.Event()
stop = threading.Event()


def worker():
    try:
        print(client.get("/users").status_code)
    finally:
        served.set()
    stop.wait()
    db_session.remove()


thread = threading.Thread(target=worker)
thread.start()
served.wait()
print(engine.pool.checkedout())

# %% timeout
response = client.get("/users")
print(response.status_code, response.text)

# %% remove
stop.set()
thread.join()
print(engine.pool.checkedout())
print(client.get("/users").status_code, engine.pool.checkedout())
db_session.remove()
print(engine.pool.checkedout())
engine.dispose()
tmp.cleanup()
