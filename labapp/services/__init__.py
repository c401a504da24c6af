"""Use cases for the UI and the CLI, one package per feature (``accounts``, ``register``,
``events``, ``traceability``, ``planning``, ``checks``, ``impact``, ``comparisons``, …).

A feature's ``__init__`` is what the others may use; its ``_modules`` are private (an
import-linter contract), its frozen DTOs (where it has several) in its ``_dto`` module.
``common`` holds what several features share and none owns, ``database`` opening and migrating a
database.  Services take a :class:`~labapp.services.database.Database`, do one unit of work per
use case, return frozen DTOs and raise the typed errors of :mod:`labapp.domain.errors`.  No Qt.
"""
