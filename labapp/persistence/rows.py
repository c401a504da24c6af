"""Every row module and the audit listeners, loaded together.

Import this before a session or ``Base.metadata`` is used: a relationship names rows of other
``models_*`` modules, the schema comparison needs every table, and a write without the audit
listeners would leave no trail.  :mod:`labapp.persistence.uow`, ``db/env.py`` and
:mod:`labapp.persistence.migrations` (for its schema checks) import it.
"""

from labapp.persistence import audit as audit
from labapp.persistence import models as models
from labapp.persistence import models_accounts as models_accounts
from labapp.persistence import models_certificates as models_certificates
from labapp.persistence import models_impact as models_impact
from labapp.persistence import models_integrity as models_integrity
from labapp.persistence import models_master as models_master
from labapp.persistence import models_pt as models_pt

__all__ = [
    "audit",
    "models",
    "models_accounts",
    "models_impact",
    "models_integrity",
    "models_master",
    "models_pt",
]
