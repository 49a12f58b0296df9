# %% setup
from sqlalchemy import create_engine
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    visits: Mapped[int] = mapped_column(default=0)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
alice = User(name="alice", visits=1)
session.add(alice)
session.flush()

# %% upsert
stmt = insert(User).values([{"name": "alice", "visits": 1}, {"name": "bob", "visits": 1}])
stmt = stmt.on_conflict_do_update(
    index_elements=[User.name], set_={"visits": User.visits + stmt.excluded.visits}
)
users = session.scalars(stmt.returning(User)).all()
print([(user.name, user.visits) for user in users])
print(users[0] is alice)

# %% populate_existing
users = session.scalars(stmt.returning(User), execution_options={"populate_existing": True}).all()
print([(user.name, user.visits) for user in users])

# %% do_nothing
stmt = insert(User).values(name="alice").on_conflict_do_nothing()
print(session.scalars(stmt.returning(User.id)).all())
session.close()
