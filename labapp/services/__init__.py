"""Use cases for the UI and the CLI: open databases, query the register, record changes.

Services take a :class:`~labapp.services.database.Database`, return frozen DTOs
(:mod:`labapp.services`) and raise the typed errors of :mod:`labapp.domain.errors`.  No Qt.
"""
