"""GUI-thread stalls on a large lab: a heartbeat timer while a script clicks what a user clicks.

Run: ``python benchmarks/bench_stalls.py [--database PATH_OR_URL] [--scroll-seconds S]`` (default
``/tmp/labapp-large.sqlite3``; any LabApp URL works, PostgreSQL too; build the 100 000-item lab
with ``labapp-cli demo --instruments 100000 --years 10 --database ...``).  ``QT_QPA_PLATFORM`` is
the caller's (offscreen if unset).

The main window is built exactly as ``labapp`` builds it (:func:`labapp.app.main.build`, a
temporary ``LABAPP_HOME``: no user settings touched) and opens the database on its worker.  A
``QTimer`` on the GUI thread ticks every ``HEARTBEAT_MS`` (10 ms, a precise timer); every gap
between two ticks longer than the period is time the GUI thread could not paint or answer a
click.  Each action below is triggered from the event loop, then the script waits (in a nested
event loop, so the heartbeat keeps running) for the signal the page emits when it has shown its
data, plus ``SETTLE_MS`` for what follows a delivery (column fitting, repaints, garbage
collection).  Printed per action: the longest gap (the stall a user feels), the number of gaps
over 100 ms, the action's wall time and its longest garbage collection (any thread's: it holds
the GIL, so the GUI thread waits for it too); the goal (issue #17) is no gap over 100 ms anywhere.

Actions: the register's first page, searches as typed (common, rare, no match), the register
scrolled to its end (page after page, as a user dragging the scroll bar; bounded by
``--scroll-seconds``) with the process's RSS growth, the calibrations page and its first event
opened, the instrument dialogs, the drift chart window and the ledger import dialog, planning with
"This year", the overview's drill-downs (every card that lists items, and the year's on-time
rate), and chart redraws (the on-time chart for another year; a window resize).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from typing import Any

HEARTBEAT_MS = 10
SETTLE_MS = 300
STALL_GOAL_MS = 100.0
SEARCHES = ("D", "fluke", "温度", "DX-00012", "zzz-nothing")


def rss_mb() -> float:
    """This process's resident memory now (Linux ``/proc``; the peak elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class GcPauses:
    """The longest garbage collection (any thread: it holds the GIL, so the GUI waits too)."""

    def __init__(self) -> None:
        self.started = 0.0
        self.longest = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
        else:
            self.longest = max(self.longest, (time.perf_counter() - self.started) * 1000)

    def take(self) -> float:
        """The longest collection since the last call, in ms."""
        longest, self.longest = self.longest, 0.0
        return longest


GC = GcPauses()


class Heartbeat:
    """A precise GUI-thread timer recording every gap between two of its ticks.

    Each gap is measured twice: in wall time (what a user waits) and in the GUI thread's own CPU
    time (``time.thread_time``: the work it did in the gap).  On a loaded machine the wall gap
    also counts the time the operating system gave other processes; the CPU gap does not, so it
    is the stall the same work causes on an idle machine (waiting for the GIL held by another
    thread counts in neither: see :class:`GcPauses`).
    """

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        self.gaps: list[float] = []
        self.cpu_gaps: list[float] = []
        self.cpu_worst = 0.0  # the longest CPU gap of the last :meth:`take`

    def start(self) -> None:
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((now - self.last) * 1000)
        self.cpu_gaps.append((cpu - self.last_cpu) * 1000)
        self.last, self.last_cpu = now, cpu

    def take(self) -> list[float]:
        """The gaps since the last call (the gap still open counts up to now)."""
        gaps, self.gaps = self.gaps, []
        cpu_gaps, self.cpu_gaps = self.cpu_gaps, []
        self.cpu_worst = max([*cpu_gaps, (time.thread_time() - self.last_cpu) * 1000])
        return [*gaps, (time.perf_counter() - self.last) * 1000]


def wait_until(done: Callable[[], bool], timeout_s: float = 300.0) -> bool:
    """Run a nested event loop (the heartbeat keeps ticking) until ``done()`` or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    poll = QTimer()
    poll.setInterval(5)

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return done()


def settle(ms: int = SETTLE_MS) -> None:
    """Keep the event loop running for ``ms`` (what follows a delivery happens here)."""
    end = time.monotonic() + ms / 1000
    wait_until(lambda: time.monotonic() >= end)


class Bench:
    """The window, its session and the heartbeat; :meth:`act` times one user action."""

    def __init__(self, window: Any, session: Any, heartbeat: Heartbeat) -> None:
        self.window, self.session, self.heartbeat = window, session, heartbeat
        self.results: list[tuple[str, float, int, float]] = []
        self.cpu_results: list[float] = []  # the longest GUI-thread CPU gap of each action

    def act(self, name: str, trigger: Callable[[], None], signal: Any = None) -> Any:
        """Trigger, wait for ``signal`` (if any) and an idle worker, settle; record the stalls."""
        seen: list[Any] = []
        slot = None
        if signal is not None:

            def slot(*args: Any) -> None:
                seen.append(args[0] if args else None)

            signal.connect(slot)
        self.heartbeat.take()
        GC.take()
        start = time.perf_counter()
        trigger()
        ok = wait_until(lambda: (signal is None or bool(seen)) and not self.session.worker.busy())
        wall = (time.perf_counter() - start) * 1000
        settle()
        if slot is not None:
            signal.disconnect(slot)
        gaps = self.heartbeat.take()
        worst, over, cpu = max(gaps), sum(g > STALL_GOAL_MS for g in gaps), self.heartbeat.cpu_worst
        self.results.append((name, worst, over, wall))
        self.cpu_results.append(cpu)
        flag = "" if ok else "  (timed out)"
        print(f"{name:44} worst gap {worst:7.0f} ms  {over:3d} > {STALL_GOAL_MS:.0f} ms  "
              f"wall {wall:8.0f} ms  gui cpu {cpu:5.0f} ms  longest gc {GC.take():5.0f} ms{flag}",
              flush=True)  # fmt: skip
        return seen[0] if seen else None


def register_actions(bench: Bench, scroll_seconds: float) -> None:
    """First page, searches as typed, then the scroll to the end with the memory it keeps."""
    from PySide6.QtCore import QModelIndex

    from labapp.ui.common import view as base

    view = bench.window.views[base.REGISTER]
    bench.act("register: first page", lambda: bench.window.show_page(base.REGISTER),
              view.rows_loaded)  # fmt: skip
    for needle in SEARCHES:
        bench.act(f"register: search {needle!r}", lambda n=needle: _type(view, n), view.rows_loaded)
    bench.act("register: search cleared", lambda: _type(view, ""), view.rows_loaded)
    gc.collect()
    before, pages, start = rss_mb(), 0, time.monotonic()
    model, table = view.model, view.table
    bench.heartbeat.take()

    def more() -> bool:  # a page in flight is not the end (canFetchMore is False meanwhile)
        return model.is_loading() or model.canFetchMore()

    while more() and time.monotonic() - start < scroll_seconds:
        rows = model.rowCount()
        table.scrollToBottom()
        if not model.is_loading() and model.canFetchMore():  # offscreen the bar may not move
            model.fetchMore(QModelIndex())  # what the view does at the bottom of its scroll bar
        wait_until(lambda r=rows: model.rowCount() > r or not more(), 60)
        pages += 1
    settle()
    gaps = bench.heartbeat.take()
    worst, over = max(gaps), sum(g > STALL_GOAL_MS for g in gaps)
    bench.results.append(("register: scroll to the end", worst, over, 0.0))
    bench.cpu_results.append(bench.heartbeat.cpu_worst)
    gc.collect()
    after = rss_mb()
    end = "the end" if not more() else f"stopped after {scroll_seconds:g} s"
    print(f"{'register: scroll (' + str(pages) + ' pages, ' + end + ')':44} worst gap "
          f"{worst:7.0f} ms  {over:3d} > {STALL_GOAL_MS:.0f} ms  gui cpu "
          f"{bench.heartbeat.cpu_worst:5.0f} ms  {model.rowCount()} rows, "
          f"RSS {before:.0f} -> {after:.0f} MB (+{after - before:.0f} MB)", flush=True)  # fmt: skip
    bench.act("register: search after the scroll", lambda: _type(view, "fluke"), view.rows_loaded)
    bench.act("register: search cleared", lambda: _type(view, ""), view.rows_loaded)


def _type(view: Any, text: str) -> None:
    """Type ``text`` as a user does: the search box changes, its debounce timer runs."""
    view.search.setText(text)


def planning_actions(bench: Bench) -> None:
    """The planning page (its default window), then "This year"."""
    from labapp.services.planning import DueWindow
    from labapp.ui.common import view as base
    from labapp.ui.planning._view import WINDOWS

    view = bench.window.views[base.PLANNING]
    bench.act("planning: page (next 30 days)", lambda: bench.window.show_page(base.PLANNING),
              view.due_loaded)  # fmt: skip
    year = [w for w, _ in WINDOWS].index(DueWindow.YEAR)
    bench.act('planning: "This year"', lambda: view.window.setCurrentIndex(year), view.due_loaded)
    bench.act('planning: back to "Overdue"', lambda: view.window.setCurrentIndex(0),
              view.due_loaded)  # fmt: skip


def overview_actions(bench: Bench) -> None:
    """The overview, each drill-down card, the year's on-time rate and the chart redraws."""
    from labapp.ui.common import view as base
    from labapp.ui.dashboard._view import DRILL_CARDS

    view = bench.window.views[base.OVERVIEW]
    for key in sorted(DRILL_CARDS):
        dialog = bench.act(f"overview: drill-down {key}", lambda k=key: view.drill(k),
                           view.drill_opened)  # fmt: skip
        _close(dialog)
    if view.rate is not None:
        dialog = bench.act("overview: on-time drill-down, the year",
                           lambda: view.drill_rate(view.rate.total), view.drill_opened)  # fmt: skip
        _close(dialog)
    year = view.year.value()
    bench.act("chart: on-time rate, year before", lambda: view.year.setValue(year - 1),
              view.rate_loaded)  # fmt: skip
    bench.act("chart: on-time rate, this year", lambda: view.year.setValue(year),
              view.rate_loaded)  # fmt: skip
    size = bench.window.size()
    smaller = (size.width() - 200, size.height() - 100)
    bench.act("chart: window resized (redraw)", lambda: bench.window.resize(*smaller))
    bench.act("chart: window resized back", lambda: bench.window.resize(size))


def _close(dialog: Any) -> None:
    if dialog is not None:
        dialog.close()
        settle(50)


def dialog_actions(bench: Bench) -> None:
    """What a click opens besides the pages: the instrument dialogs, the drift chart window of
    the register's selected item, the ledger import dialog (each closed again)."""
    from labapp.ui.common import view as base

    window, view = bench.window, bench.window.views[base.REGISTER]
    view.table.selectRow(0)
    item = view.selected_item()
    if item is None:
        return
    opened: list[Any] = []
    actions = (
        ("register: edit… (instrument dialog)", view.edit_selected),
        ("register: new instrument…", view.new_instrument),
        ("register: add similar…", view.duplicate_selected),
        ("drift chart window", lambda: window.show_drift(item.asset_tag)),
        ("import register dialog", window.import_register),
    )
    for name, open_it in actions:
        bench.act(name, lambda o=open_it: opened.append(o()))
        for dialog in opened:
            _close(dialog)
        opened.clear()


def calibrations_actions(bench: Bench) -> None:
    """The calibrations page (its events list)."""
    from labapp.ui.common import view as base

    view = bench.window.views[base.CALIBRATIONS]
    bench.act("calibrations: page", lambda: bench.window.show_page(base.CALIBRATIONS),
              view.rows_loaded)  # fmt: skip
    if view.model.rowCount():  # the first event: its dialog, the standards offered, its points
        event, opened = view.model.row_at(0), []
        bench.act(
            "calibrations: open an event", lambda: opened.append(bench.window.open_event(event.id))
        )
        for dialog in opened:
            _close(dialog)


def other_pages(bench: Bench) -> None:
    """Every other page once (what a user clicking through the navigation meets)."""
    from labapp.ui.shell.mainwindow import PAGES

    timed = {"overview", "register", "calibrations", "planning"}
    for key, _label in PAGES:
        if key not in timed:
            bench.act(f"page: {key}", lambda k=key: bench.window.show_page(k))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="/tmp/labapp-large.sqlite3")
    parser.add_argument("--scroll-seconds", type=float, default=600.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="labapp-bench-stalls-") as home:
        os.environ["LABAPP_HOME"] = home
        run(args)


def run(args: argparse.Namespace) -> None:
    from labapp.app.main import build, parse_args
    from labapp.services.database import resolve_database_url

    print(f"{date.today()}  {sys.platform}  QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    app, session, window = build(parse_args(["--lang", "en"]))
    window.identity.ask = False  # no login dialog: the pages read, nobody writes
    heartbeat = Heartbeat()
    heartbeat.start()
    window.show()
    print(f"RSS with the window shown, no database: {rss_mb():.0f} MB")
    bench = Bench(window, session, heartbeat)
    # the first page as ``labapp`` shows it: its package imported on the worker after the first
    # paint, then built (the window's own path: nothing imported on the GUI thread here)
    bench.act("first page after the first paint", lambda: None, window.first_painted)
    wait_until(lambda: window.views.is_built("overview"))
    url, overview = resolve_database_url(args.database, env={}), window.views["overview"]
    bench.act("open the database (overview loads)", lambda: session.open(url, on_error=print),
              overview.rate_loaded)  # fmt: skip
    if session.db is None:
        raise SystemExit(f"could not open {args.database}")
    print(f"opened {session.db.info.display_name}: RSS {rss_mb():.0f} MB")
    overview_actions(bench)
    register_actions(bench, args.scroll_seconds)
    dialog_actions(bench)
    calibrations_actions(bench)
    planning_actions(bench)
    other_pages(bench)
    _summary(bench.results, bench.cpu_results)
    session.close()
    window.close()
    app.processEvents()


def _summary(results: list[tuple[str, float, int, float]], cpu: list[float]) -> None:
    worst = max(results, key=lambda r: r[1])
    over = [r for r in results if r[1] > STALL_GOAL_MS]
    print(
        f"\n{len(results)} actions; median worst gap {statistics.median(r[1] for r in results):.0f}"
        f" ms; worst {worst[1]:.0f} ms ({worst[0]}); {len(over)} actions stall over "
        f"{STALL_GOAL_MS:.0f} ms (goal: none): {'OK' if not over else 'MISSED'}; ratio worst / "
        f"goal x{worst[1] / STALL_GOAL_MS:.1f}"
    )
    cpu_over = [name for (name, *_), c in zip(results, cpu, strict=True) if c > STALL_GOAL_MS]
    print(
        f"GUI-thread CPU per gap (load-independent): median worst {statistics.median(cpu):.0f} ms;"
        f" worst {max(cpu):.0f} ms; {len(cpu_over)} actions over {STALL_GOAL_MS:.0f} ms"
        + (f": {', '.join(cpu_over)}" if cpu_over else "")
    )


if __name__ == "__main__":
    main()
