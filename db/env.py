"""Alembic environment for LabApp: run from code with a connection, never from an ini file.

``labapp.persistence.migrations`` passes an open connection (inside its transaction) in
``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from labapp.persistence.rows import models  # every row module: the whole schema

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "LabApp migrations run from code: use labapp.persistence.migrations "
        "(or 'labapp-cli db upgrade'), which passes the connection in cfg.attributes"
    )
if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported")

context.configure(
    connection=connection,
    target_metadata=models.Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
