# %% setup
import warnings

from sqlalchemy import String, create_engine, event, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)


# %% session-add
def add_log(mapper, connection, target):
    Session.object_session(target).add(AuditLog(action="insert", name=target.name))


event.listen(User, "after_insert", add_log)
session = Session(engine)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    session.add(User(name="alice"))
    session.flush()
for w in caught:
    print(w.category.__name__, w.message)
print(len(session.new))
session.commit()
event.remove(User, "after_insert", add_log)


# %% change-target
def shout(mapper, connection, target):
    target.name = target.name.upper()


event.listen(User, "after_insert", shout)
bob = User(name="bob")
session.add(bob)
session.flush()
print(bob.name, session.is_modified(bob))
session.commit()
print(bob.name)
event.remove(User, "after_insert", shout)

# %% after-update
event.listen(User, "after_update", shout)
bob.name = "robert"
session.flush()
print(bob.name, session.is_modified(bob))
session.commit()
print(bob.name)
event.remove(User, "after_update", shout)

# %% before-insert
event.listen(User, "before_insert", shout)
dave = User(name="dave")
session.add(dave)
session.flush()
print(dave.name, session.is_modified(dave))
event.remove(User, "before_insert", shout)


# %% connection
@event.listens_for(User, "after_insert")
def log_insert(mapper, connection, target):
    connection.execute(insert(AuditLog).values(action="insert", name=target.name))


session.add(User(name="carol"))
session.flush()
print(len(session.new))
session.commit()
print(session.scalars(select(AuditLog.name).order_by(AuditLog.id)).all())
session.close()


# %% other-object
def rename_bob(mapper, connection, target):
    bob.name = "Bobby"


event.remove(User, "after_insert", log_insert)
event.listen(User, "after_insert", rename_bob)
session = Session(engine)
bob = session.get(User, 2)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    session.add(User(name="erin"))
    session.flush()
for w in caught:
    print(w.category.__name__, w.message)
print(bob.name, session.is_modified(bob))
session.commit()
print(bob.name)
session.close()
event.remove(User, "after_insert", rename_bob)
