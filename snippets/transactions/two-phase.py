# %% setup
from sqlalchemy import ForeignKey, create_engine, event, select, text
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


URL = "postgresql+psycopg://scott:tiger@localhost/test"
users_engine = create_engine(URL, echo=True)
mail_engine = create_engine(URL, echo=True)
Base.metadata.drop_all(users_engine)
Base.metadata.create_all(users_engine)
with Session(users_engine) as session:
    session.add(User(id=1, name="alice"))
    session.commit()


def show(name):
    return lambda conn, xid, *args: print(">>", name)


for engine in (users_engine, mail_engine):
    for name in ("prepare_twophase", "commit_twophase"):
        event.listen(engine, name, show(name))

# %% max_prepared
with users_engine.connect() as conn:
    setting = "SELECT setting, boot_val FROM pg_settings WHERE name = 'max_prepared_transactions'"
    print(conn.execute(text(setting)).one())

# %% twophase
session = Session(binds={User: users_engine, Address: mail_engine}, twophase=True)
session.add(Address(email="alice@example.com", user_id=1))
alice = session.get(User, 1)
alice.name = "Alice"
session.flush()

# %% prepare
session.prepare()
with users_engine.connect() as conn:
    print(conn.scalars(text("SELECT gid FROM pg_prepared_xacts")).all())

# %% commit
session.commit()
session.close()
with Session(users_engine) as check:
    print(check.scalars(select(User.name)).all(), check.scalars(select(Address.email)).all())
users_engine.dispose()
mail_engine.dispose()
