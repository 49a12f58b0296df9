# %% setup
import tempfile
import threading

from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db")
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(engine)
with SessionLocal.begin() as session:
    session.add_all([User(name="alice"), User(name="bob")])

# %% per_thread
both_loaded = threading.Barrier(2, timeout=5)
seen = {}


def worker(name):
    with SessionLocal() as session:
        user = session.scalars(select(User).where(User.name == name)).one()
        both_loaded.wait()
        seen[name] = (id(session), user.name, engine.pool.checkedout())
        both_loaded.wait()


threads = [threading.Thread(target=worker, args=(n,)) for n in ["alice", "bob"]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen["alice"][0] != seen["bob"][0])
print(seen["alice"][1:], seen["bob"][1:])
print(engine.pool.checkedout())

# %% shared_session
shared = SessionLocal()
connecting = threading.Event()
go_on = threading.Event()


@event.listens_for(engine, "checkout")
def hold_first_checkout(dbapi_connection, record, proxy):
    if threading.current_thread().name == "first":
        connecting.set()
        go_on.wait()


first = threading.Thread(target=lambda: shared.scalars(select(User)).all(), name="first")
first.start()
connecting.wait(timeout=5)
try:
    shared.scalars(select(User)).all()
except Exception as exc:
    print(type(exc).__name__, exc)
go_on.set()
first.join()
shared.close()
event.remove(engine, "checkout", hold_first_checkout)

# %% shared_object
with SessionLocal() as session:
    alice = session.scalars(select(User).where(User.name == "alice")).one()
    session.commit()
    print(session.in_transaction(), engine.pool.checkedout())
    reader = threading.Thread(target=lambda: print(alice.name))
    reader.start()
    reader.join()
    print(session.in_transaction(), engine.pool.checkedout())
engine.dispose()
tmp.cleanup()
