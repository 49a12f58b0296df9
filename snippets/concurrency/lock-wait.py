# %% setup
import threading
import time

from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    balance: Mapped[int]


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice", balance=100))
    session.commit()

# %% a-locks
session_a = Session(engine)
session_b = Session(engine)
alice_a = session_a.scalars(select(User).where(User.name == "alice").with_for_update()).one()


# %% b-waits
def b_withdraws():
    alice_b = session_b.scalars(select(User).where(User.name == "alice").with_for_update()).one()
    print("B 读到", alice_b.balance)
    alice_b.balance = alice_b.balance - 30
    session_b.commit()


thread_b = threading.Thread(target=b_withdraws)
thread_b.start()
watcher = engine.raw_connection()
cursor = watcher.cursor()
while not cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0]:
    time.sleep(0.01)
watcher.close()
print("B 在等锁:", thread_b.is_alive())

# %% a-commits
alice_a.balance = alice_a.balance + 50
session_a.commit()
thread_b.join()
session_a.close()
session_b.close()
