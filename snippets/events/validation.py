# %% setup
from sqlalchemy import ForeignKey, String, create_engine, event
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    validates,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))

    @validates("email")
    def check_email(self, key, value):
        if "@" not in value:
            raise ValueError(f"not an email: {value!r}")
        return value.lower()


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)


# %% set-event
@event.listens_for(User.name, "set", retval=True)
def strip_name(target, value, oldvalue, initiator):
    print(">> set", repr(value), oldvalue)
    return value.strip()


alice = User(name="  alice ")
print(repr(alice.name))
alice.name = "Alice"


# %% append-event
@event.listens_for(User.addresses, "append")
def limit_addresses(target, value, initiator):
    if len(target.addresses) >= 2:
        raise ValueError("at most 2 addresses")


alice.addresses.append(Address(email="a@example.com"))
alice.addresses.append(Address(email="b@example.com"))
try:
    alice.addresses.append(Address(email="c@example.com"))
except ValueError as exc:
    print(exc)
print(len(alice.addresses))

# %% validates
print(Address(email="Bob@Example.com").email)
try:
    Address(email="bob")
except ValueError as exc:
    print(exc)

# %% load
with Session(engine) as session:
    session.add(alice)
    session.commit()
    session.expire_all()
    print(alice.name, [a.email for a in alice.addresses])
