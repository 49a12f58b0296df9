# %% setup
from sqlalchemy import create_engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


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


def deposit(amount):
    with Session(engine) as writer:
        alice = writer.scalars(select(User).where(User.name == "alice")).one()
        alice.balance += amount
        writer.commit()


# %% conflict
session_b = Session(engine.execution_options(isolation_level="REPEATABLE READ"))
alice_b = session_b.scalars(select(User).where(User.name == "alice")).one()
deposit(50)
alice_b.balance -= 30
try:
    session_b.commit()
except OperationalError as exc:
    print(type(exc).__name__, exc.orig.sqlstate, exc.orig)
    session_b.rollback()
session_b.close()

# %% retry
SerializableSession = sessionmaker(engine.execution_options(isolation_level="SERIALIZABLE"))
for attempt in range(1, 4):
    try:
        with SerializableSession.begin() as session:
            alice = session.scalars(select(User).where(User.name == "alice")).one()
            if attempt == 1:
                deposit(50)
            alice.balance -= 30
    except OperationalError as exc:
        print(f"attempt {attempt}:", exc.orig.sqlstate, exc.orig)
        continue
    print(f"attempt {attempt}: committed")
    break

# %% result
with Session(engine) as session:
    print(session.scalar(select(User.balance)))
engine.dispose()
