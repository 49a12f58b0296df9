# %% setup
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

# %% b-reads
session_b = Session(engine)
alice = session_b.scalars(select(User).where(User.name == "alice")).one()
print(alice.balance)

# %% a-updates
with Session(engine) as session_a:
    alice_a = session_a.scalars(select(User).where(User.name == "alice")).one()
    alice_a.balance = 150
    session_a.commit()

# %% b-locks-stale
stmt = select(User, User.balance).where(User.name == "alice").with_for_update()
locked, balance_in_row = session_b.execute(stmt).one()
print(locked is alice, locked.balance, balance_in_row)

# %% b-populate-existing
stmt = select(User).where(User.name == "alice").with_for_update()
locked = session_b.scalars(stmt.execution_options(populate_existing=True)).one()
print(locked is alice, locked.balance)
session_b.commit()

# %% b-rereads
print(alice.balance)

# %% a-updates-again
with Session(engine) as session_a:
    alice_a = session_a.scalars(select(User).where(User.name == "alice")).one()
    alice_a.balance = 200
    session_a.commit()

# %% b-refresh
session_b.refresh(alice, with_for_update=True)
print(alice.balance)
session_b.commit()
session_b.close()

# %% no-expire-reads
session_c = Session(engine, expire_on_commit=False)
alice_c = session_c.scalars(select(User).where(User.name == "alice")).one()
session_c.commit()
print(alice_c.balance)

# %% a-updates-third
with Session(engine) as session_a:
    alice_a = session_a.scalars(select(User).where(User.name == "alice")).one()
    alice_a.balance = 250
    session_a.commit()

# %% no-expire-locks-stale
stmt = select(User, User.balance).where(User.name == "alice").with_for_update()
locked, balance_in_row = session_c.execute(stmt).one()
print(locked is alice_c, locked.balance, balance_in_row)
session_c.commit()

# %% no-expire-get
locked = session_c.get(User, alice_c.id, with_for_update=True)
print(locked is alice_c, locked.balance)
locked = session_c.get(User, alice_c.id, with_for_update=True, populate_existing=True)
print(locked is alice_c, locked.balance)
session_c.commit()
session_c.close()
