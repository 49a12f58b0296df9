# %% setup
import tempfile
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db", echo=True)
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(engine)


# %% dependency
def get_session():
    with SessionLocal() as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


SessionDep = Annotated[Session, Depends(get_session, scope="function")]

# %% app
app = FastAPI()


@app.post("/users")
def create_users(session: SessionDep, name: Annotated[list[str], Query()]):
    for n in name:
        if session.scalar(select(User.id).where(User.name == n)) is not None:
            raise HTTPException(409, f"{n} 已被注册")
        session.add(User(name=n))
    return {"created": name}


@app.get("/users")
def list_users(session: SessionDep):
    return session.scalars(select(User.name).order_by(User.id)).all()


client = TestClient(app, raise_server_exceptions=False)

# %% one_request
response = client.post("/users", params={"name": ["alice"]})
print(response.status_code, response.json())

# %% failing_request
response = client.post("/users", params={"name": ["bob", "alice"]})
print(response.status_code, response.json())
print(client.get("/users").json(), engine.pool.checkedout())


# %% request_scope
@app.post("/unchecked")
def create_unchecked(name: str, session: Annotated[Session, Depends(get_session)]):
    session.add(User(name=name))
    return {"created": [name]}


@app.post("/unchecked-strict")
def create_unchecked_strict(name: str, session: SessionDep):
    session.add(User(name=name))
    return {"created": [name]}


response = client.post("/unchecked", params={"name": "alice"})
print(response.status_code, response.text)
response = client.post("/unchecked-strict", params={"name": "alice"})
print(response.status_code, response.text)
engine.dispose()
tmp.cleanup()
