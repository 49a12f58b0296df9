# %% setup
from sqlalchemy import FetchedValue, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.types import UserDefinedType


class XID(UserDefinedType):
    cache_ok = True

    def get_col_spec(self):
        return "XID"


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    balance: Mapped[int]
    xmin: Mapped[str] = mapped_column(XID, system=True, server_default=FetchedValue())

    __mapper_args__ = {"version_id_col": xmin, "version_id_generator": False}


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

# %% insert
with Session(engine) as session:
    session.add(User(name="alice", balance=100))
    session.commit()

# %% both-read
session_a = Session(engine)
session_b = Session(engine)
alice_a = session_a.scalars(select(User).where(User.name == "alice")).one()
alice_b = session_b.scalars(select(User).where(User.name == "alice")).one()
print(alice_a.xmin == alice_b.xmin, type(alice_a.xmin).__name__)

# %% a-wins
alice_a.balance = alice_a.balance + 50
session_a.commit()

# %% b-loses
alice_b.balance = alice_b.balance - 30
try:
    session_b.commit()
except StaleDataError as exc:
    print(type(exc).__name__, exc)
session_b.rollback()
session_a.close()
session_b.close()

# %% same-transaction
with Session(engine) as session:
    alice = session.scalars(select(User).where(User.name == "alice")).one()
    before = alice.xmin
    alice.balance += 1
    session.flush()
    first = alice.xmin
    alice.balance += 1
    session.flush()
    xid = session.scalar(text("SELECT pg_current_xact_id()::text"))
    print(first != before, first == alice.xmin == xid)
    session.commit()

# %% savepoint-xid
with Session(engine) as session:
    alice = session.scalars(select(User).where(User.name == "alice")).one()
    alice.balance += 1
    session.flush()
    top = alice.xmin
    with session.begin_nested():
        alice.balance += 1
        session.flush()
        inside = alice.xmin
    print(top == session.scalar(text("SELECT pg_current_xact_id()::text")), inside != top)
    session.commit()

# %% read-only-xid
with Session(engine) as session:
    alice = session.scalars(select(User).where(User.name == "alice")).one()
    print(session.scalar(text("SELECT pg_current_xact_id_if_assigned()")))
