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

# %% both-read
session_a = Session(engine)
session_b = Session(engine)
alice_a = session_a.scalars(select(User).where(User.name == "alice")).one()
alice_b = session_b.scalars(select(User).where(User.name == "alice")).one()
print(alice_a.balance, alice_b.balance)

# %% a-deposits
alice_a.balance = alice_a.balance + 50
session_a.commit()

# %% b-withdraws
alice_b.balance = alice_b.balance - 30
session_b.commit()

# %% result
with Session(engine) as session:
    print(session.scalars(select(User.balance)).one())
session_a.close()
session_b.close()
