# %% setup
import asyncio
import contextvars
import tempfile
import threading

from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, scoped_session, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db", echo=True)
Base.metadata.create_all(engine)
Session = scoped_session(sessionmaker(engine))

# %% registry
print(Session.registry.has())
s1 = Session()
print(Session() is s1, Session.registry.has())

# %% other_thread
found = []


def in_thread():
    found.append(Session())
    Session.remove()


t = threading.Thread(target=in_thread)
t.start()
t.join()
print(found[0] is s1)

# %% proxy
Session.add(User(name="alice"))
Session.commit()
print(Session.scalars(select(User.name)).all())
print(hasattr(Session, "in_transaction"), Session().in_transaction())
print(engine.pool.checkedout())

# %% close
Session.close()
print(Session.registry.has(), Session() is s1, engine.pool.checkedout())

# %% remove
Session.scalars(select(User.name)).all()
print(engine.pool.checkedout())
Session.remove()
print(Session.registry.has(), engine.pool.checkedout())
print(Session() is s1)
Session.remove()

# %% scopefunc
current_request = contextvars.ContextVar("current_request")
RequestSession = scoped_session(sessionmaker(engine), scopefunc=current_request.get)
current_request.set("r1")
a = RequestSession()
current_request.set("r2")
b = RequestSession()
print(a is b, sorted(RequestSession.registry.registry))
RequestSession.remove()
current_request.set("r1")
print(RequestSession() is a, sorted(RequestSession.registry.registry))
RequestSession.remove()


# %% asyncio
async def handler():
    return Session()


async def main():
    first, second = await asyncio.gather(handler(), handler())
    print(first is second)


asyncio.run(main())
Session.remove()
engine.dispose()
tmp.cleanup()
