# %% setup
from sqlalchemy import Select, create_engine, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


leader = create_engine("sqlite://", echo=True)
follower = create_engine("sqlite://", echo=True)
for engine in (leader, follower):
    Base.metadata.create_all(engine)
with follower.begin() as conn:
    conn.execute(insert(User), [{"name": "bob"}])

# %% routing


class RoutingSession(Session):
    def get_bind(self, mapper=None, *, clause=None, **kw):
        if isinstance(clause, Select):
            return follower
        return leader


session = RoutingSession()

# %% write
alice = User(name="alice")
session.add(alice)
session.flush()

# %% read
print(session.scalars(select(User.name)).all())

# %% dml
session.execute(update(User).where(User.name == "alice").values(name="alice liddell"))
session.commit()
with leader.connect() as conn:
    print(conn.scalars(select(User.name)).all())

# %% expired
print(alice.name)
session.close()
