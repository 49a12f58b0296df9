# %% setup
import asyncio

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import AsyncAttrs, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload


class Base(AsyncAttrs, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_async_engine("sqlite+aiosqlite://", echo=True)
Session = async_sessionmaker(engine)


async def create():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with Session.begin() as session:
        session.add(User(name="alice", addresses=[Address(email="alice@example.com")]))


asyncio.run(create())


# %% lazy-load
async def read_collection():
    async with Session() as session:
        alice = await session.scalar(select(User).filter_by(name="alice"))
        try:
            print(alice.addresses)
        except StatementError as exc:
            print(exc)


asyncio.run(read_collection())


# %% many-to-one
async def read_parent():
    async with Session() as session:
        alice = await session.scalar(select(User).filter_by(name="alice"))
        address = await session.scalar(select(Address))
        print(address.user is alice)


asyncio.run(read_parent())


# %% many-to-one-miss
async def read_parent_alone():
    async with Session() as session:
        address = await session.scalar(select(Address))
        try:
            print(address.user)
        except StatementError as exc:
            print(type(exc.orig).__name__)


asyncio.run(read_parent_alone())


# %% after-commit
async def read_after_commit():
    async with Session() as session:
        alice = await session.scalar(select(User).filter_by(name="alice"))
        alice.name = "alice2"
        await session.commit()
        try:
            print(alice.name)
        except StatementError as exc:
            print(exc)


asyncio.run(read_after_commit())


# %% expire-on-commit
NoExpireSession = async_sessionmaker(engine, expire_on_commit=False)


async def keep_after_commit():
    async with NoExpireSession() as session:
        alice = await session.scalar(select(User).filter_by(name="alice2"))
        alice.name = "alice"
        await session.commit()
        print(alice.name)


asyncio.run(keep_after_commit())


# %% selectinload
async def eager_load():
    async with Session() as session:
        stmt = select(User).filter_by(name="alice").options(selectinload(User.addresses))
        alice = await session.scalar(stmt)
        print([a.email for a in alice.addresses])


asyncio.run(eager_load())


# %% awaitable-attrs
async def await_attribute():
    async with Session() as session:
        alice = await session.scalar(select(User).filter_by(name="alice"))
        addresses = await alice.awaitable_attrs.addresses
        print([a.email for a in addresses])
        await session.commit()
        print(await alice.awaitable_attrs.name)


asyncio.run(await_attribute())


# %% refresh
async def refresh_attribute():
    async with Session() as session:
        alice = await session.scalar(select(User).filter_by(name="alice"))
        await session.refresh(alice, ["addresses"])
        print([a.email for a in alice.addresses])


asyncio.run(refresh_attribute())


# %% run-sync
def emails_of(sync_session, name):
    user = sync_session.scalars(select(User).filter_by(name=name)).one()
    return [a.email for a in user.addresses]


async def call_sync_code():
    async with Session() as session:
        print(await session.run_sync(emails_of, "alice"))


asyncio.run(call_sync_code())


# %% dispose
asyncio.run(engine.dispose())
