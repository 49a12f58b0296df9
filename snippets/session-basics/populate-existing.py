# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect, select, update
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
    session.add(User(name="alice"))
    session.commit()

# %% behind-the-back
session = Session(engine)
alice = session.get(User, 1)
users = User.__table__
session.execute(update(users).where(users.c.id == 1).values(name="Alice"))
print(alice.name)

# %% query-keeps-state
again = session.scalars(select(User).where(User.id == 1)).one()
print(again is alice, alice.name)

# %% populate-existing
stmt = select(User).where(User.id == 1).execution_options(populate_existing=True)
session.scalars(stmt).one()
print(alice.name)

# %% expire-on-commit
session.commit()
print(sorted(inspect(alice).expired_attributes))
print(alice.name)
session.close()
