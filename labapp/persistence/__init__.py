"""Persistence: SQLAlchemy rows, engine, migrations runner, repositories and the unit of work.

Importing the package registers every row module on ``Base.metadata`` (the first rows in
:mod:`~labapp.persistence.models`, the rows of later migrations in their own ``models_*`` modules,
which import the first ones and never the other way round) and installs the audit listeners
(:mod:`labapp.persistence.audit`), so every session that writes LabApp rows also writes the audit
trail.
"""

from labapp.persistence import audit as audit
from labapp.persistence import models as models
from labapp.persistence import models_accounts as models_accounts
from labapp.persistence import models_certificates as models_certificates
from labapp.persistence import models_impact as models_impact
from labapp.persistence import models_integrity as models_integrity
from labapp.persistence import models_master as models_master
from labapp.persistence import models_pt as models_pt
