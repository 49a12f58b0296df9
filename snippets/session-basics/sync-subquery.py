# %% setup
from sqlalchemy import ForeignKey, String, create_engine, select, update
from sqlalchemy.exc import InvalidRequestError
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
    session.add(User(name="bob"))
    session.commit()

session = Session(engine)
alice, bob = session.scalars(select(User).order_by(User.id)).all()
has_address = User.id.in_(select(Address.user_id))

# %% evaluate-error
stmt = update(User).where(has_address).values(name="有邮箱")
try:
    session.execute(stmt, execution_options={"synchronize_session": "evaluate"})
except InvalidRequestError as exc:
    print(type(exc).__name__, exc)

# %% auto-falls-back
session.execute(stmt)
print(alice.name, bob.name)
session.close()
