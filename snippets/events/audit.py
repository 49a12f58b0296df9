# %% setup
from datetime import datetime

from sqlalchemy import String, create_engine, event, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    updated_at: Mapped[datetime | None]


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
make_session = sessionmaker(engine)


# %% listener
@event.listens_for(make_session, "before_flush")
def audit(session, flush_context, instances):
    for obj in list(session.new):
        if isinstance(obj, User):
            session.add(AuditLog(action="insert", name=obj.name))
    for obj in list(session.dirty):
        if isinstance(obj, User) and session.is_modified(obj):
            obj.updated_at = func.current_timestamp()
            session.add(AuditLog(action="update", name=obj.name))
    for obj in list(session.deleted):
        if isinstance(obj, User):
            session.add(AuditLog(action="delete", name=obj.name))


# %% insert
session = make_session()
alice = User(name="alice")
session.add(alice)
session.commit()

# %% update
alice.name = "Alice"
session.commit()

# %% no-op
print(alice.name)
alice.name = "Alice"
session.commit()

# %% delete
session.delete(alice)
session.commit()
for log in session.scalars(select(AuditLog).order_by(AuditLog.id)):
    print(log.id, log.action, log.name)
session.close()
