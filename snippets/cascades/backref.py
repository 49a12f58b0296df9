# %% setup
import warnings

from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="alice", addresses=[Address(email="alice@example.com")]))
    session.commit()

# %% load
session = Session(engine)
alice = session.get(User, 1)
print(len(alice.addresses))

# %% backref
home = Address(email="alice@home.example")
home.user = alice
print(home in alice.addresses)
print(home in session)

# %% backref-flush
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    session.flush()
warning = caught[0].message
print(type(warning).__name__, str(warning).split(",")[0])
print(home in session)

# %% backref-fix
session.add(alice)
print(home in session)
session.flush()

# %% no-cascade-backrefs
try:
    relationship("Address", cascade_backrefs=True)
except ArgumentError as exc:
    print(type(exc).__name__, exc)

# %% many-to-one
bob = User(name="bob")
home.user = bob
print(bob in session)
session.commit()
session.close()
