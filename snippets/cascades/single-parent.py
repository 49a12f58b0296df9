# %% setup
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User | None] = relationship(cascade="all, delete-orphan", single_parent=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% second-parent
alice = User(name="alice")
first = Address(email="a@example.com", user=alice)
try:
    Address(email="b@example.com", user=alice)
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% orphan
session = Session(engine)
session.add(first)
session.commit()
first.user = None

# %% orphan-commit
session.commit()
print(session.get(User, 1))
session.close()
