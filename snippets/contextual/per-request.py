# %% setup
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(engine)


# %% business
def register(session: Session, name: str) -> User:
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise ValueError(f"{name} 已被注册")
    user = User(name=name)
    session.add(user)
    return user


def handle_signup(*names: str) -> None:
    with SessionLocal.begin() as session:
        for name in names:
            register(session, name)


# %% request
handle_signup("alice")

# %% failing_request
try:
    handle_signup("bob", "alice")
except ValueError as exc:
    print(exc)
with SessionLocal() as session:
    print(session.scalars(select(User.name)).all())
