# %% setup
from sqlalchemy import Column, ForeignKey, String, Table, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


membership = Table(
    "membership",
    Base.metadata,
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", ForeignKey("user_group.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    groups: Mapped[list["Group"]] = relationship(
        secondary=membership, back_populates="members", passive_deletes=True
    )


class Group(Base):
    __tablename__ = "user_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    members: Mapped[list[User]] = relationship(
        secondary=membership, back_populates="groups", passive_deletes=True
    )


engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def enable_sqlite_foreign_keys(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


Base.metadata.create_all(engine)
with Session(engine) as session:
    admins = Group(name="admins")
    session.add_all([User(name="alice", groups=[admins]), User(name="bob", groups=[admins])])
    session.commit()

# %% delete-user
with Session(engine) as session:
    session.delete(session.get(User, 1))
    session.commit()
    print(session.execute(select(membership)).all())
    print(session.scalars(select(Group.name)).all())
