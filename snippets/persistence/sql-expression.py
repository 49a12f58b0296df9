# %% setup
from sqlalchemy import create_engine, inspect, null
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    visits: Mapped[int] = mapped_column(default=0)
    nickname: Mapped[str | None] = mapped_column(default="无名")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
alice = User(name="alice")
session.add(alice)
session.flush()

# %% increment
alice.visits = User.visits + 1
session.flush()
print(inspect(alice).expired_attributes)

# %% load
print(alice.visits)

# %% none
bob = User(name="bob", nickname=None)
session.add(bob)
session.flush()
print(bob.nickname)

# %% none_update
bob.nickname = None
session.flush()

# %% null
carol = User(name="carol", nickname=null())
session.add(carol)
session.flush()
print(carol.nickname)
session.close()
