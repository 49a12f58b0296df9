# %% setup
from sqlalchemy import ForeignKey, String, create_engine, delete, inspect, select, update
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
    session.add_all([User(name="alice"), User(name="bob"), User(name="carol")])
    session.commit()

session = Session(engine)
alice, bob, carol = session.scalars(select(User).order_by(User.id)).all()

# %% auto
session.execute(update(User).where(User.name == "alice").values(name="Alice"))
print(alice.name)

# %% evaluate
stmt = update(User).where(User.name == "bob").values(name="Bob")
session.execute(stmt, execution_options={"synchronize_session": "evaluate"})
print(bob.name)

# %% fetch
stmt = update(User).where(User.name == "carol").values(name="Carol")
session.execute(stmt, execution_options={"synchronize_session": "fetch"})
print(carol.name)

# %% false
stmt = update(User).where(User.id == 1).values(name="ALICE")
session.execute(stmt, execution_options={"synchronize_session": False})
print(alice.name)
session.expire(alice)
print(alice.name)

# %% delete
session.execute(delete(User).where(User.name == "Bob"))
print(bob in session, inspect(bob).deleted, session.get(User, 2))
session.rollback()
print(bob in session, inspect(bob).persistent)
session.close()

# %% fetch-without-returning
engine.dialect.update_returning = False
session = Session(engine)
carol = session.get(User, 3)
stmt = update(User).where(User.name == "carol").values(name="Carol")
session.execute(stmt, execution_options={"synchronize_session": "fetch"})
print(carol.name)
session.close()
