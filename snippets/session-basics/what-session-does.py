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
with Session(engine) as session:
    session.add_all([User(name="alice"), User(name="bob")])
    session.commit()

# %% identity-map
session = Session(engine)
alice = session.scalars(select(User).where(User.name == "alice")).one()
same = session.scalars(select(User).where(User.id == 1)).one()
print(alice is same)

# %% unit-of-work
alice.name = "alice2"
session.add(User(name="carol"))
print([u.name for u in session.dirty], [u.name for u in session.new])
session.commit()
session.close()
