# %% setup
import threading

from sqlalchemy import create_engine, select
from sqlalchemy.exc import OperationalError
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
    session.add_all([User(name="alice", balance=100), User(name="bob", balance=100)])
    session.commit()

# %% transfer
quiet = create_engine("postgresql+psycopg://scott:tiger@localhost/test")
both_hold_one_row = threading.Barrier(2, timeout=10)
first_attempts_over = threading.Barrier(2, timeout=10)
attempts = []


def lock(session, name):
    return session.scalars(select(User).where(User.name == name).with_for_update()).one()


def transfer(source, target, amount):
    for attempt in range(1, 4):
        with Session(quiet) as session:
            try:
                lock(session, source).balance -= amount
                if attempt == 1:
                    both_hold_one_row.wait()
                lock(session, target).balance += amount
                session.commit()
                outcome = (attempt, "committed")
            except OperationalError as exc:
                session.rollback()
                outcome = (attempt, exc.orig.sqlstate, exc.orig.diag.message_primary)
        attempts.append(outcome)
        if attempt == 1:
            first_attempts_over.wait()
        if outcome[1] == "committed":
            return


# %% run
threads = [
    threading.Thread(target=transfer, args=("alice", "bob", 30)),
    threading.Thread(target=transfer, args=("bob", "alice", 10)),
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
for attempt in sorted(attempts):
    print(*attempt)

# %% result
with Session(engine) as session:
    print(session.execute(select(User.name, User.balance).order_by(User.name)).all())
quiet.dispose()
