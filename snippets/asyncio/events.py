# %% setup
import asyncio

from sqlalchemy import String, event, func, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_async_engine("sqlite+aiosqlite://", echo=True)


async def create():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)


asyncio.run(create())


# %% async-class
def before_flush(session, flush_context, instances):
    print("before_flush:", [user.name for user in session.new])


for target in (AsyncSession, AsyncSession(engine)):
    try:
        event.listen(target, "before_flush", before_flush)
    except (InvalidRequestError, NotImplementedError) as exc:
        print(type(exc).__name__, exc)


# %% sync-session
async def listen_on_one_session():
    async with AsyncSession(engine) as session:
        event.listen(session.sync_session, "before_flush", before_flush)
        session.add(User(name="alice"))
        await session.commit()


asyncio.run(listen_on_one_session())


# %% sync-session-class
class AppSession(Session):
    pass


@event.listens_for(AppSession, "after_flush")
def count_users(session, flush_context):
    print("after_flush:", session.scalar(select(func.count(User.id))))


AppAsyncSession = async_sessionmaker(engine, sync_session_class=AppSession)


async def add_bob():
    async with AppAsyncSession.begin() as session:
        session.add(User(name="bob"))


asyncio.run(add_bob())


# %% dispose
asyncio.run(engine.dispose())
