# %% setup
from sqlalchemy import Computed, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(server_default="new")
    name_length: Mapped[int] = mapped_column(Computed("length(name)", persisted=True))


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
session = Session(engine)

# %% insert
users = [User(name="alice"), User(name="bob"), User(name="carol")]
session.add_all(users)
session.flush()
print([inspect(user).expired_attributes for user in users])
print([(user.id, user.status, user.name_length) for user in users])

# %% update
users[0].name = "alice liddell"
session.flush()
print(inspect(users[0]).expired_attributes)
session.close()
