"""Persistence: SQLAlchemy rows, engine, migrations runner, repositories and the unit of work."""
