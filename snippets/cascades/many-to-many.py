# %% setup
from sqlalchemy import Column, ForeignKey, String, Table, create_engine, select
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
    groups: Mapped[list["Group"]] = relationship(secondary=membership, back_populates="members")


class Group(Base):
    __tablename__ = "user_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    members: Mapped[list[User]] = relationship(
        secondary=membership, back_populates="groups", cascade="all, delete"
    )


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    admins, editors = Group(name="admins"), Group(name="editors")
    session.add(User(name="alice", groups=[admins, editors]))
    session.add(User(name="bob", groups=[admins]))
    session.commit()

# %% delete-user
session = Session(engine)
bob = session.scalars(select(User).where(User.name == "bob")).one()
session.delete(bob)
session.flush()
print(session.scalars(select(Group.name)).all())

# %% delete-group
editors = session.scalars(select(Group).where(Group.name == "editors")).one()
session.delete(editors)
session.flush()
print(session.scalars(select(User.name)).all())
print(session.execute(select(membership)).all())
session.rollback()
session.close()
