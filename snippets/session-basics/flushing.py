# %% setup
from sqlalchemy import String, create_engine, select, text
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

# %% autoflush-false
session = Session(engine, autoflush=False)
session.add(User(name="erin"))
print(session.scalars(select(User.name)).all())
session.commit()
session.close()
