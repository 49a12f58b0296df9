# %% setup
import sqlite3

from sqlalchemy import ForeignKey, String, create_engine, event, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)


@event.listens_for(engine, "connect")
def enable_sqlite_foreign_keys(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


Base.metadata.create_all(engine)
with Session(engine) as session:
    for name in ["alice", "bob"]:
        emails = [f"{name}@example.com", f"{name}@work.example"]
        session.add(User(name=name, addresses=[Address(email=e) for e in emails]))
    session.commit()

# %% pragma
with engine.connect() as conn:
    print(conn.exec_driver_sql("PRAGMA foreign_keys").scalar())
raw = sqlite3.connect(":memory:")
print(raw.execute("PRAGMA foreign_keys").fetchone())
raw.close()

# %% delete-unloaded
session = Session(engine)
alice = session.get(User, 1)
session.delete(alice)
session.commit()
print(session.scalar(select(func.count()).select_from(Address)))

# %% delete-loaded
bob = session.get(User, 2)
print(len(bob.addresses))
session.delete(bob)
session.commit()
print(session.scalar(select(func.count()).select_from(Address)))
session.close()
