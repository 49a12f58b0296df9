# %% setup
from sqlalchemy import Computed, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(server_default="new")
    name_length: Mapped[int] = mapped_column(Computed("length(name)"))


class EagerUser(Base):
    __tablename__ = "eager_user"
    __mapper_args__ = {"eager_defaults": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(server_default="new")
    name_length: Mapped[int] = mapped_column(Computed("length(name)"))


class PlainUser(Base):
    __tablename__ = "plain_user"
    __table_args__ = {"implicit_returning": False}
    __mapper_args__ = {"eager_defaults": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(server_default="new")
    name_length: Mapped[int] = mapped_column(Computed("length(name)"))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

# %% insert
alice = User(name="alice")
session.add(alice)
session.flush()
print(inspect(alice).expired_attributes)

# %% load
print(alice.status, alice.name_length)

# %% update
alice.name = "alice liddell"
session.flush()
print(inspect(alice).expired_attributes)
print(alice.name_length)

# %% eager
bob = EagerUser(name="bob")
session.add(bob)
session.flush()
bob.name = "bobby"
session.flush()
print(inspect(bob).expired_attributes)
print(bob.status, bob.name_length)

# %% no_returning
carol = PlainUser(name="carol")
session.add(carol)
session.flush()
print(inspect(carol).expired_attributes)
session.close()
