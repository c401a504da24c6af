"""The worker's background jobs and the start-up jobs that keep the window responsive (issue #17).

A background job (a page's import ahead of its first visit) must never delay a database job
submitted after it, and ordinary jobs keep their order among themselves.  A start-up job runs with
the garbage collector paused and freezes what it built, leaving the collector as it found it.
"""

from __future__ import annotations

import gc
import threading

import pytest

from labapp.ui.common.session import start_up_job
from labapp.ui.common.worker import Worker


def test_jobs_submitted_after_a_background_job_overtake_it(qtbot) -> None:
    worker = Worker()
    release = threading.Event()
    ran: list[str] = []
    worker.submit(release.wait)  # holds the one thread while the rest are queued
    for name in ("import a", "import b"):
        worker.submit(lambda n=name: ran.append(n), background=True)
    for name in ("save", "reload", "count"):
        worker.submit(lambda n=name: ran.append(n))
    release.set()
    assert worker.wait(10_000)
    assert ran == ["save", "reload", "count", "import a", "import b"]
    qtbot.waitUntil(lambda: not worker.busy(), timeout=5_000)


def test_a_start_up_job_pauses_the_collector_then_freezes_what_it_built() -> None:
    seen: dict[str, object] = {}
    built: list[object] = []

    def job() -> str:
        seen["enabled inside"] = gc.isenabled()
        built.append({"cycle": built})  # tracked objects the job leaves alive
        return "done"

    before = gc.get_freeze_count()
    assert gc.isenabled()
    assert start_up_job(job)() == "done"
    assert seen["enabled inside"] is False
    assert gc.isenabled()  # as it was found
    assert gc.get_freeze_count() > before  # the job's objects are out of the collector's sight


def test_a_failing_start_up_job_still_turns_the_collector_back_on() -> None:
    def job() -> None:
        raise ValueError("the database could not be opened")

    with pytest.raises(ValueError):
        start_up_job(job)()
    assert gc.isenabled()


def test_a_start_up_job_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        start_up_job(lambda: None)()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_first_database_opened_sets_the_desktops_collector_thresholds(window) -> None:
    """Once a database is open, full collections are rare (a Planning load at 100 000 items ran
    eight, 73-120 ms each, none finding garbage) and young ones small."""
    from labapp.ui.common.session import GC_THRESHOLDS

    assert window.session.db is not None
    assert gc.get_threshold() == GC_THRESHOLDS
    young, middle, _full = GC_THRESHOLDS
    assert young * middle <= 50_000  # a middle collection stays small
