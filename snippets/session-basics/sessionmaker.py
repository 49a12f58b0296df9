# %% setup
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    sessionmaker,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% factory
Factory = sessionmaker(engine, expire_on_commit=False)
session = Factory()
print(isinstance(Factory, type))
print(isinstance(session, Session), type(session) is Session)
print(type(session) is Factory.class_, issubclass(Factory.class_, Session))
print(session.bind is engine, session.expire_on_commit)
session.close()

# %% begin
with Factory.begin() as session:
    alice = User(name="alice")
    session.add(alice)

# %% configured
print(alice.name, inspect(alice).detached)
with Factory(expire_on_commit=True) as other:
    print(other.expire_on_commit)
