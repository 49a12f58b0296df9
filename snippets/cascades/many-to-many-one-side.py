# %% setup
from sqlalchemy import Column, ForeignKey, String, Table, create_engine, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


membership = Table(
    "membership",
    Base.metadata,
    Column("user_id", ForeignKey("user_account.id"), primary_key=True),
    Column("group_id", ForeignKey("user_group.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class Group(Base):
    __tablename__ = "user_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    members: Mapped[list[User]] = relationship(secondary=membership)


engine = create_engine("sqlite://", echo=True)
strict = create_engine("sqlite://", echo=True)


@event.listens_for(strict, "connect")
def enable_sqlite_foreign_keys(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


for each in (engine, strict):
    Base.metadata.create_all(each)
    with Session(each) as session:
        session.add(Group(name="admins", members=[User(name="alice")]))
        session.commit()

# %% dangling
with Session(engine) as session:
    session.delete(session.get(User, 1))
    session.commit()
    print(session.execute(select(membership)).all())

# %% enforced
with Session(strict) as session:
    session.delete(session.get(User, 1))
    try:
        session.commit()
    except IntegrityError as exc:
        print(type(exc).__name__, exc.orig)
