# %% setup
from sqlalchemy import ForeignKey, String, create_engine, select
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

# %% add
with Session(engine) as session:
    session.add(User(name="alice", addresses=[Address(email="alice@example.com")]))
    session.commit()

# %% query
with Session(engine) as session:
    alice = session.scalars(select(User).where(User.name == "alice")).one()
    print(alice.addresses[0].email)

# %% implicit
with Session(engine) as session:
    session.begin()
    dbapi_connection = session.connection().connection.dbapi_connection
    print(session.scalars(select(User.name)).all(), dbapi_connection.in_transaction)
    session.add(User(name="bob"))
    session.flush()
    print(dbapi_connection.in_transaction)
