"""Alembic environment. The app runs migrations in-process (engine.upgrade_database), handing
over its own connection; the alembic command line works too, with sqlalchemy.url set."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from sirt_desktop.core.db.letter_search import is_fts_table
from sirt_desktop.core.db.models import Base

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Autogenerate ignores the full-text index (FTS5 virtual and shadow tables, made by
    migration 0003 with raw SQL, not models): it must never propose dropping them."""
    return not (type_ == "table" and is_fts_table(name))


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        include_name=include_name,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=target_metadata, include_name=include_name, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with connectable.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, include_name=include_name, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
