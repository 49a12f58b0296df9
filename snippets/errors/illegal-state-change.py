# %% setup
import tempfile
import threading

from sqlalchemy import String, create_engine, event, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db", echo=True)
Base.metadata.create_all(engine)

# %% reproduce
committing = threading.Event()
may_finish = threading.Event()


@event.listens_for(engine, "commit")
def pause_worker_commit(conn):
    if threading.current_thread() is not threading.main_thread():
        committing.set()
        may_finish.wait(timeout=10)


shared = Session(engine)
shared.add(User(name="alice"))
worker = threading.Thread(target=shared.commit)
worker.start()
committing.wait(timeout=10)
for attempt in (lambda: shared.scalars(select(User)).all(), shared.close):
    try:
        attempt()
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)
may_finish.set()
worker.join()
event.remove(engine, "commit", pause_worker_commit)
shared.close()

# %% fix
quiet = create_engine(engine.url)
make_session = sessionmaker(quiet)


def add_user(name):
    with make_session() as session:
        session.add(User(name=name))
        session.commit()


threads = [threading.Thread(target=add_user, args=(name,)) for name in ("bob", "carol")]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

with Session(engine) as session:
    print(session.scalars(select(User.name).order_by(User.name)).all())
quiet.dispose()
engine.dispose()
tmp.cleanup()
