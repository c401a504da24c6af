"""Persistence: SQLAlchemy rows, engine, migrations runner, repositories and the unit of work.

Importing the package installs the audit listeners (:mod:`labapp.persistence.audit`), so every
session that writes LabApp rows also writes the audit trail.
"""

from labapp.persistence import audit as audit
