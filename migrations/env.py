"""Alembic environment: runs on the engine app.database hands over, or on sqlalchemy.url."""

from alembic import context
from sqlalchemy import create_engine

from app.database.migrate import include_object
from app.domain.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Migrate on the given engine (or one made from the URL), batch mode for SQLite."""
    engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url")
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
