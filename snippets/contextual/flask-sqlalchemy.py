# %% setup
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class User(db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
app.config["SQLALCHEMY_ECHO"] = True
db.init_app(app)

# %% scoped
print(type(db.session).__name__, db.session.registry.scopefunc.__name__)

# %% app_context
with app.app_context():
    db.create_all()
    first = db.session()
    db.session.add(User(name="alice"))
    db.session.commit()
    print(db.session() is first)
with app.app_context():
    print(db.session() is first)


# %% request
@app.get("/users")
def list_users():
    return db.session.scalars(select(User.name)).all()


print(app.test_client().get("/users").json)

# %% outer_context
with app.app_context():
    outer = db.session()
    app.test_client().get("/users")
    print(db.session() is outer, outer.in_transaction())
