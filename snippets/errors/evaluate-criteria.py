# %% setup
from sqlalchemy import ForeignKey, String, create_engine, select, update
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="alice"), User(name="bob")])
    session.flush()
    session.add(Address(email="alice@example.com", user_id=1))
    session.commit()

# %% reproduce
stmt = update(User).where(User.id.in_(select(Address.user_id))).values(name="alice (有邮箱)")
with Session(engine) as session:
    alice = session.get(User, 1)
    try:
        session.execute(stmt, execution_options={"synchronize_session": "evaluate"})
    except InvalidRequestError as exc:
        print(type(exc).__name__, exc)

# %% fix
with Session(engine) as session:
    alice = session.get(User, 1)
    session.execute(stmt, execution_options={"synchronize_session": "fetch"})
    print(alice.name)
    session.rollback()

# %% fix-auto
with Session(engine) as session:
    alice = session.get(User, 1)
    session.execute(stmt)
    print(alice.name)
