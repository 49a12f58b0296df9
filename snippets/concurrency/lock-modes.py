# %% setup
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


engine = create_engine("postgresql+psycopg://scott:tiger@localhost/test", echo=True)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(id=1, name="alice"))
    session.flush()
    session.add(Address(email="alice@example.com", user_id=1))
    session.commit()


def try_lock(session, stmt):
    try:
        session.execute(stmt).all()
        print("locked")
    except OperationalError as exc:
        print(type(exc).__name__, exc.orig.sqlstate)
    session.rollback()


alice = select(User).where(User.name == "alice")
session_a = Session(engine)
session_b = Session(engine)

# %% share
session_a.execute(alice.with_for_update(read=True)).all()
try_lock(session_b, alice.with_for_update(read=True, nowait=True))
try_lock(session_b, alice.with_for_update(nowait=True))
session_a.rollback()

# %% key-share
session_a.execute(alice.with_for_update(read=True, key_share=True)).all()
try_lock(session_b, alice.with_for_update(key_share=True, nowait=True))
try_lock(session_b, alice.with_for_update(nowait=True))
session_a.rollback()

# %% of
joined = select(Address).join(User).where(User.name == "alice")
session_a.execute(joined.with_for_update(of=Address)).all()
try_lock(session_b, alice.with_for_update(nowait=True))
session_a.rollback()
session_a.close()
session_b.close()
