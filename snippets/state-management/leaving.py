# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect
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
    session.add_all([User(name="alice"), User(name="bob"), User(name="ed")])
    session.commit()


def state(obj):
    insp = inspect(obj)
    flags = ["transient", "pending", "persistent", "deleted", "detached"]
    return [flag for flag in flags if getattr(insp, flag)]


# %% deleted
session = Session(engine)
alice = session.get(User, 1)
session.delete(alice)
print(state(alice), alice in session.deleted)
session.flush()
print(state(alice), alice in session.deleted, alice in session)
print(len(session.identity_map))

# %% deleted-commit
session.commit()
print(state(alice), alice in session, inspect(alice).was_deleted)

# %% deleted-kept
with Session(engine, expire_on_commit=False) as keeping:
    ed = keeping.get(User, 3)
    keeping.delete(ed)
    keeping.commit()
    print(state(ed))
print(state(ed))
for obj in (alice, ed):
    with Session(engine) as fresh:
        try:
            fresh.add(obj)
        except InvalidRequestError as exc:
            print(type(exc).__name__, exc)
del keeping
print(state(ed), inspect(ed).was_deleted)

# %% close
bob = session.get(User, 2)
eve = User(name="eve")
session.add(eve)
session.close()
print(state(bob), bob in session, inspect(bob).has_identity)
print(state(eve))

# %% rollback
session.add(bob)
carol = User(name="carol")
session.add(carol)
session.delete(bob)
print(state(bob), state(carol))
session.flush()
print(state(bob), state(carol))
dave = User(name="dave")
session.add(dave)
session.rollback()
print(state(bob), state(carol), state(dave))
session.close()
