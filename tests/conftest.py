"""Test-wide settings: an isolated LabApp home per test session and Qt offscreen."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# Before anything imports Qt or computes a per-user path.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
if "LABAPP_HOME" not in os.environ:
    os.environ["LABAPP_HOME"] = tempfile.mkdtemp(prefix="labapp-test-home-")
    # the suite leaves nothing behind (pytest's own tmp_path folders: tmp_path_retention_policy)
    atexit.register(shutil.rmtree, os.environ["LABAPP_HOME"], ignore_errors=True)
if os.environ.get("PYTEST_XDIST_WORKER"):
    # pytest-xdist: each worker process its own home below the run's (settings, caches and
    # remembered choices written by one worker's tests are never read by another's)
    _worker_home = os.path.join(os.environ["LABAPP_HOME"], os.environ["PYTEST_XDIST_WORKER"])
    os.makedirs(_worker_home, exist_ok=True)
    os.environ["LABAPP_HOME"] = _worker_home

try:
    from hypothesis import HealthCheck, settings

    # CI shares a 2-core machine: no per-example deadline (a speed target belongs in benchmarks/).
    settings.register_profile(
        "labapp", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
    )
    settings.load_profile("labapp")
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass


def _cheap_argon2() -> None:
    """Hash passwords cheaply in tests (stored hashes carry their own cost, so this is safe)."""
    from labapp.services.accounts import _crypto as crypto

    crypto.set_cost(crypto.Argon2Cost(time_cost=1, memory_kib=64, parallelism=1))


_cheap_argon2()
