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


def deposit(amount):
    with Session(engine) as writer:
        alice = writer.scalars(select(User).where(User.name == "alice")).one()
        alice.balance += amount
        writer.commit()


# %% read_committed
reader = Session(engine)
alice = reader.scalars(select(User).where(User.name == "alice")).one()
print(alice.balance)
deposit(50)
print(reader.scalar(select(User.balance).where(User.name == "alice")))

# %% identity_map
again = reader.scalars(select(User).where(User.name == "alice")).one()
print(again is alice, again.balance)

# %% populate_existing
stmt = select(User).where(User.name == "alice").execution_options(populate_existing=True)
again = reader.scalars(stmt).one()
print(again is alice, again.balance)
reader.close()

# %% repeatable_read
reader = Session(engine.execution_options(isolation_level="REPEATABLE READ"))
alice = reader.scalars(select(User).where(User.name == "alice")).one()
print(alice.balance)
deposit(50)
print(reader.scalar(select(User.balance).where(User.name == "alice")))

# %% next_transaction
reader.commit()
print(reader.scalar(select(User.balance).where(User.name == "alice")))
reader.close()
engine.dispose()
