# %% setup
from sqlalchemy import String, create_engine, select, text, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% flush
session = Session(engine)
alice = User(name="alice")
session.add(alice)
session.flush()
print(alice.id, alice in session.new)

# %% autoflush-query
session.add(User(name="bob"))
print(session.scalars(select(User.name)).all())

# %% autoflush-text
session.add(User(name="carol"))
print(session.execute(text("SELECT count(*) FROM user_account")).scalar())

# %% no-autoflush
with session.no_autoflush:
    session.add(User(name="dave"))
    print(session.scalars(select(User.name)).all())
print(session.scalars(select(User.name)).all())
session.rollback()

# %% autoflush-core
users = User.__table__
session.add(User(name="dave"))
session.execute(update(users).where(users.c.name == "dave").values(name="Dave"))
session.add(User(name="erin"))
print(session.connection().execute(select(users.c.name)).scalars().all())
print([user.name for user in session.new])
session.rollback()

# %% autoflush-false
session = Session(engine, autoflush=False)
session.add(User(name="erin"))
print(session.scalars(select(User.name)).all())
session.commit()
session.close()

# %% dirty-vs-modified
session = Session(engine)
erin = session.get(User, 1)
erin.name = "erin"
print(erin in session.dirty, session.is_modified(erin))
session.flush()
erin.name = "Erin"
print(erin in session.dirty, session.is_modified(erin))
session.commit()

# %% more-triggers
session.add(User(name="frank"))
savepoint = session.begin_nested()
session.add(User(name="grace"))
same = session.merge(User(id=1, name="Erin"))
print(same is erin)
savepoint.rollback()
session.rollback()
session.close()

# %% load-triggers
session = Session(engine)
erin = session.get(User, 1)
session.expire(erin, ["name"])
session.add(User(name="frank"))
print(session.get(User, 99))
session.add(User(name="grace"))
print(erin.name)
session.rollback()
session.close()
