# %% setup
from sqlalchemy import ForeignKey, String, create_engine, event, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    joinedload,
    mapped_column,
    relationship,
    sessionmaker,
    with_loader_criteria,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    deleted: Mapped[bool] = mapped_column(default=False)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    old = Address(email="old@example.com", deleted=True)
    session.add(User(name="alice", addresses=[Address(email="a@example.com"), old]))
    session.commit()
make_session = sessionmaker(engine)


# %% listener
@event.listens_for(make_session, "do_orm_execute")
def hide_deleted(orm_execute_state):
    if (
        orm_execute_state.is_select
        and not orm_execute_state.is_column_load
        and not orm_execute_state.is_relationship_load
        and not orm_execute_state.execution_options.get("include_deleted", False)
    ):
        orm_execute_state.statement = orm_execute_state.statement.options(
            with_loader_criteria(Address, Address.deleted == False)  # noqa: E712
        )


# %% select
session = make_session()
print(session.scalars(select(Address.email)).all())

# %% lazy-load
alice = session.get(User, 1)
print([a.email for a in alice.addresses])
session.close()

# %% include-deleted
session = make_session()
stmt = select(User).execution_options(include_deleted=True)
alice = session.scalars(stmt).one()
print([a.email for a in alice.addresses])
session.close()

# %% naive
event.remove(make_session, "do_orm_execute", hide_deleted)


@event.listens_for(make_session, "do_orm_execute")
def hide_deleted_naive(orm_execute_state):
    if orm_execute_state.is_select and not orm_execute_state.execution_options.get(
        "include_deleted", False
    ):
        orm_execute_state.statement = orm_execute_state.statement.options(
            with_loader_criteria(Address, Address.deleted == False)  # noqa: E712
        )


session = make_session()
alice = session.get(User, 1)
print([a.email for a in alice.addresses])

# %% naive-refresh
stmt = select(Address).where(Address.email == "old@example.com")
old = session.scalars(stmt.execution_options(include_deleted=True)).one()
session.expire(old)
print(old.email)
session.close()

# %% naive-eager
session = make_session()
stmt = select(User).options(joinedload(User.addresses))
alice = session.scalars(stmt.execution_options(include_deleted=True)).unique().one()
print(len(alice.addresses))
session.expire(alice)
print(alice.name, len(alice.addresses))
session.close()
