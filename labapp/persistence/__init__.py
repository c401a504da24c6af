"""Persistence: SQLAlchemy rows, engine, migrations runner, repositories and the unit of work.

Importing the package loads nothing: the command-line ``db current`` and the desktop's first
window need only SQLAlchemy core and the migration scripts, not the ORM mapping of every row.
:mod:`~labapp.persistence.rows` registers every row module on ``Base.metadata`` (the first rows
in :mod:`~labapp.persistence.models`, the rows of later migrations in their own ``models_*``
modules, which import the first ones and never the other way round) and installs the audit
listeners (:mod:`labapp.persistence.audit`), so every session that writes LabApp rows also writes
the audit trail; the unit of work, the migrations' environment and the opened database import it
before any session exists.
"""
