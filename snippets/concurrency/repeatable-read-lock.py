# %% setup
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
    session.add(User(name="alice", balance=100))
    session.commit()

# %% b-snapshot
session_b = Session(engine.execution_options(isolation_level="REPEATABLE READ"))
print(session_b.scalar(select(User.balance)))

# %% a-updates
with Session(engine) as session_a:
    alice_a = session_a.scalars(select(User).where(User.name == "alice")).one()
    alice_a.balance = 150
    session_a.commit()

# %% b-locks
stmt = select(User).where(User.name == "alice").with_for_update()
try:
    session_b.scalars(stmt).one()
except OperationalError as exc:
    print(type(exc).__name__, exc.orig.sqlstate, exc.orig.diag.message_primary)
session_b.rollback()

# %% b-retries
alice_b = session_b.scalars(stmt).one()
print(alice_b.balance)
session_b.commit()
session_b.close()
