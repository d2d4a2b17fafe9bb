"""Alembic's entry point: migrations run on the connection `armsledger.store.engine.migrate` gives."""
from alembic import context

from armsledger.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
context.run_migrations()
