# %% setup
from sqlalchemy import ForeignKey, String, create_engine, inspect, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
)


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
    session.add_all([User(name="bob"), User(name="carol"), User(name="dave")])
    session.commit()

# %% scalars
session = Session(engine)
users = session.scalars(select(User).order_by(User.id)).all()
print([u.name for u in users])

# %% execute
result = session.execute(select(User.name, Address.email).join(User.addresses))
print(result.all())

# %% add
erin = User(name="erin")
session.add(erin)
session.add_all([User(name="frank"), users[0]])
print(len(session.new), users[0] in session.new)
session.commit()

# %% add-existing
session.close()
print(inspect(erin).detached)
session.add(erin)
print(inspect(erin).persistent, erin.name)

# %% delete
stmt = (
    select(User)
    .where(User.name.in_(["bob", "carol", "dave"]))
    .order_by(User.id)
    .options(selectinload(User.addresses))
)
bob, carol, dave = session.scalars(stmt).all()
session.delete(bob)
print(bob in session.deleted)
session.delete_all([carol, dave])
session.commit()
print(session.scalars(select(User.name)).all())

# %% delete-rollback
session.delete(erin)
session.flush()
print(inspect(erin).deleted)
session.rollback()
print(erin in session, inspect(erin).persistent)

# %% delete-parent
alice = users[0]
session.delete(alice)
try:
    session.flush()
except IntegrityError as exc:
    print(type(exc).__name__, exc.orig)
print(session.is_active)
try:
    session.scalars(select(User)).all()
except PendingRollbackError as exc:
    print(type(exc).__name__, exc)
session.rollback()
print(session.is_active)
session.close()
