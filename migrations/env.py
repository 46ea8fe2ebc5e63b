"""Alembic environment: runs on the engine app.database hands over, or on sqlalchemy.url."""

from alembic import context
from sqlalchemy import create_engine

from app.database.migrate import include_object
from app.domain.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Migrate on the given engine (or one made from the URL), batch mode for SQLite.

    On SQLite, foreign keys are off while the migrations run, as SQLite's own procedure for
    rebuilding a table asks (revision 0016 rebuilds one: dropping a parent table with them on
    would delete its children's links or refuse), and checked in full before the commit; the
    pragma only takes effect outside a transaction, so it goes to the driver before the first
    statement.
    """
    engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url")
    )
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        driver = connection.connection.driver_connection
        if sqlite:
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=True,
                compare_type=True,
                include_object=include_object,
            )
            with context.begin_transaction():
                context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"the migrated database breaks foreign keys: {broken[:5]}")
            connection.commit()
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys=ON")


run_migrations_online()
