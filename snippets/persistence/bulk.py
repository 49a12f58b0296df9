# %% setup
from sqlalchemy import ForeignKey, create_engine, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    visits: Mapped[int] = mapped_column(default=0)
    addresses: Mapped[list["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

# %% add_all
users = [User(name="alice", addresses=[Address(email="alice@example.com")]), User(name="bob")]
session.add_all(users)
session.flush()
print(len(session.identity_map))

# %% bulk_insert
session.execute(insert(User), [{"name": "carol"}, {"name": "dave"}])
print(len(session.identity_map))

# %% bulk_insert_keys
session.execute(insert(User), [{"name": "erin"}, {"name": "frank", "visits": 5}])

# %% bulk_insert_returning
more = session.scalars(insert(User).returning(User), [{"name": "gina"}, {"name": "hank"}]).all()
print([(user.id, user.name) for user in more], len(session.identity_map))

# %% bulk_relationship
session.execute(insert(User), [{"name": "ivy", "addresses": [Address(email="ivy@example.com")]}])
print(session.scalars(select(Address.email)).all())

# %% bulk_update
session.execute(update(User), [{"id": 1, "visits": 10}, {"id": 3, "visits": 30}])
print(users[0].visits)
print(session.scalars(select(User.visits).order_by(User.id)).all())
session.close()
