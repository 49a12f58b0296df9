# %% setup
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

# %% cache
with Session(engine) as session:
    session.add(User(name="alice"))
    session.flush()
    session.add(User(name="bob"))
    session.commit()

# %% batch
with Session(engine) as session:
    session.add_all([User(name="carol"), User(name="dave")])
    session.commit()

# %% explicit-ids
with Session(engine) as session:
    session.add_all([User(id=10, name="erin"), User(id=11, name="frank")])
    session.commit()

# %% check
with Session(engine) as session:
    print(session.scalars(select(User.name).order_by(User.id)).all())
