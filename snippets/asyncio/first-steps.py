# %% setup
import asyncio

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.ext.asyncio import AsyncAttrs, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


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


async def create_tables():
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)


asyncio.run(create_tables())


# %% add
async def add_users():
    async with AsyncSession(engine) as session:
        session.add_all([User(name="alice"), User(name="bob")])
        await session.commit()


asyncio.run(add_users())


# %% query
async def query_users():
    async with AsyncSession(engine) as session:
        result = await session.execute(select(User.id, User.name).order_by(User.id))
        print(result.all())
        users = (await session.scalars(select(User).order_by(User.id))).all()
        print([user.name for user in users])
        bob = await session.get(User, 2)
        print(bob is users[1])


asyncio.run(query_users())


# %% begin
async def rename_bob():
    async with AsyncSession(engine) as session, session.begin():
        bob = await session.get(User, 2)
        bob.name = "bobby"


asyncio.run(rename_bob())


# %% begin-error
async def add_carol_and_fail():
    async with AsyncSession(engine) as session:
        try:
            async with session.begin():
                session.add(User(name="carol"))
                await session.flush()
                raise ValueError("出错了")
        except ValueError as exc:
            print(exc)


asyncio.run(add_carol_and_fail())


# %% sessionmaker
Session = async_sessionmaker(engine)


async def count_users():
    async with Session.begin() as session:
        session.add(User(name="dave"))
    async with Session() as session:
        print((await session.scalars(select(User.name).order_by(User.id))).all())


asyncio.run(count_users())


# %% dispose
asyncio.run(engine.dispose())
