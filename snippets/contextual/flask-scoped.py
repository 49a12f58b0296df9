# %% setup
import tempfile

from flask import Flask
from sqlalchemy import create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, scoped_session, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db", echo=True)
Base.metadata.create_all(engine)
db_session = scoped_session(sessionmaker(engine))

# %% app
app = Flask(__name__)


@app.teardown_appcontext
def remove_session(exc):
    db_session.remove()


@app.errorhandler(IntegrityError)
def name_taken(exc):
    return {"error": "name taken"}, 409


@app.post("/users/<name>")
def create_user(name):
    user = User(name=name)
    db_session.add(user)
    db_session.commit()
    return {"id": user.id, "name": user.name}


@app.get("/users")
def list_users():
    return db_session.scalars(select(User.name).order_by(User.id)).all()


client = app.test_client()

# %% one_request
response = client.post("/users/alice")
print(response.status_code, response.json)

# %% failing_request
response = client.post("/users/alice")
print(response.status_code, response.json)
print(engine.pool.checkedout())

# %% read
print(client.get("/users").json)
engine.dispose()
tmp.cleanup()
