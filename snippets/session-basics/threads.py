# %% setup
import tempfile
import threading

from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, object_session, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/demo.db", echo=True)
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(engine)
with SessionLocal.begin() as session:
    session.add(User(name="alice"))

# %% object-crosses
session = SessionLocal()
alice = session.get(User, 1)
session.expire(alice)


def report():
    print(threading.current_thread().name, object_session(alice) is session)
    print(alice.name)


worker = threading.Thread(target=report, name="worker")
worker.start()
worker.join()
session.close()


# %% pass-the-id
def rename(user_id):
    with SessionLocal.begin() as own:
        own.get(User, user_id).name = "Alice"


worker = threading.Thread(target=rename, args=(alice.id,))
worker.start()
worker.join()
engine.dispose()
tmp.cleanup()
