# %% setup
from sqlalchemy import create_engine
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    visits: Mapped[int] = mapped_column(server_default="0")


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
session = Session(engine)
alice = User(name="alice", visits=1)
session.add(alice)
session.flush()

# %% upsert
stmt = insert(User)
stmt = stmt.on_conflict_do_update(
    index_elements=[User.name], set_={"visits": User.visits + 1}
).returning(User)
rows = [{"name": "alice"}, {"name": "bob"}]
users = session.scalars(stmt, rows).all()
print([(user.name, user.visits) for user in users])

# %% populate_existing
users = session.scalars(stmt, rows, execution_options={"populate_existing": True}).all()
print([(user.name, user.visits) for user in users])
session.close()
