"""Cold start: LabApp's first painted window against a bare QMainWindow, and ``labapp-cli``.

Run: ``python benchmarks/bench_startup.py [--runs N] [--platform offscreen|xcb|both]``.

Each measurement is a new process, so every import is paid as a user pays it.  The real app and
the bare window are started alternately in the same run (same page cache, same load from the other
people on this shared machine), several times each, and the medians are compared:

* **wall**: from just before the process is spawned until the process reports its first paint
  event of a top-level window (the parent reads that line on a pipe);
* **CPU**: the child's own user + system time at that moment (``os.times``): on a shared 2-core
  machine wall time moves with other people's work, CPU time much less;
* **RSS**: the child's resident memory at that moment, before any database is open (the app is
  started with ``--database`` on a fresh temporary file, and the measurement is taken at the first
  paint, before the worker's open can matter; the bare window opens none);
* the heavy libraries already imported at the first paint (scipy, matplotlib, pint, GTC, numpy,
  sqlalchemy, alembic, openpyxl), which is what the lazy-import work must move;
* for the app, also wall and CPU until the start-up page (Overview) is painted: the window
  paints first and builds that page just after (issue #17), so this line shows what was moved,
  not hidden.

The app is started exactly as ``labapp`` starts it (:func:`labapp.app.main.main`), with a
``LABAPP_HOME`` of its own (a temporary directory: no user settings read or written).  The child
pre-creates the ``QApplication`` only to install an event filter that sees the first paint; the
app's own start creates one anyway, so both sides pay it.

The platforms: ``offscreen`` always; ``xcb`` on a real X server when ``DISPLAY`` is set or
``Xvfb`` is installed (one Xvfb is started for the whole run, so its own start-up is not timed).

Last, ``labapp-cli db current`` on a migrated SQLite file against ``python -c pass`` (wall and the
child's CPU from ``wait4``).  Goals (issue #17): first window <= 2.5x a bare window on a real X
server, RSS before a database <= 150 MB, ``labapp-cli db current`` <= 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

WINDOW_GOAL = 2.5
RSS_GOAL_MB = 150.0
CLI_GOAL_S = 0.5
HEAVY = ("scipy", "matplotlib", "pint", "GTC", "numpy", "sqlalchemy", "alembic", "openpyxl")

#: Run in the child: report the first paint of a top-level window (the app: then of its start-up
#: page as well), then leave at once.
CHILD = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

HEAVY = {heavy!r}

def rss_mb():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def report(what):
    times = os.times()
    loaded = ",".join(m for m in HEAVY if m in sys.modules) or "-"
    print(f"{{what}} {{times.user + times.system:.4f}} {{rss_mb():.1f}} {{loaded}}", flush=True)

class FirstPaint(QObject):
    painted = False

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint or not obj.isWidgetType():
            return False
        if not self.painted and obj.isWindow():
            self.painted = True
            report("PAINTED")
            if {kind!r} == "bare":
                os._exit(0)
        elif self.painted and obj.objectName() == "page_overview":
            report("PAGE")  # the start-up page on screen (its data may still be loading)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
first_paint = FirstPaint()
app.installEventFilter(first_paint)
if {kind!r} == "bare":
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1100, 700)
    window.show()
    app.exec()
else:
    from labapp.app.main import main
    main(["--database", {database!r}])
"""


class Start(NamedTuple):
    """One start: wall and CPU seconds to the first paint, RSS in MB, heavy modules loaded, and
    wall and CPU seconds until the start-up page (Overview) is painted too (the app only)."""

    wall: float
    cpu: float
    rss: float
    loaded: str
    page_wall: float = 0.0
    page_cpu: float = 0.0


def start_once(kind: str, env: dict[str, str], database: str) -> Start:
    """Spawn one child of ``kind`` ("bare" or "app") and time it to its first painted window."""
    code = CHILD.format(kind=kind, database=database, heavy=HEAVY)
    begin = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert child.stdout is not None
    line = child.stdout.readline()
    wall = time.perf_counter() - begin
    page = child.stdout.readline() if kind == "app" else ""
    page_wall = time.perf_counter() - begin
    _, err = child.communicate(timeout=60)
    if not line.startswith("PAINTED") or (kind == "app" and not page.startswith("PAGE")):
        raise SystemExit(f"{kind} start failed (exit {child.returncode}):\n{err[-2000:]}")
    _, cpu, rss, loaded = line.split()
    page_cpu = float(page.split()[1]) if page else 0.0
    return Start(wall, float(cpu), float(rss), loaded, page_wall if page else 0.0, page_cpu)


def bench_platform(platform: str, runs: int, env: dict[str, str], home: Path) -> None:
    """Alternate bare and app starts on ``platform``; print medians and ratios."""
    env = {**env, "QT_QPA_PLATFORM": platform}
    starts: dict[str, list[Start]] = {"bare": [], "app": []}
    for run in range(runs + 1):  # run 0 warms the page cache and is not counted
        for kind in ("bare", "app"):
            start = start_once(kind, env, str(home / f"startup-{run}.sqlite3"))
            if run:
                starts[kind].append(start)
    bare, app = (_medians(starts[k]) for k in ("bare", "app"))
    print(f"\n{platform}: first painted window, median of {runs} starts each")
    print(f"{'':28} {'wall s':>8} {'CPU s':>8} {'RSS MB':>8}")
    print(f"{'bare QMainWindow':28} {bare[0]:8.3f} {bare[1]:8.3f} {bare[2]:8.1f}")
    print(f"{'LabApp (labapp main)':28} {app[0]:8.3f} {app[1]:8.3f} {app[2]:8.1f}")
    print(
        f"ratio LabApp / bare: wall x{app[0] / bare[0]:.1f}, CPU x{app[1] / bare[1]:.1f} "
        f"(goal <= {WINDOW_GOAL:g}x on a real X server); RSS {app[2]:.0f} MB before a "
        f"database (goal <= {RSS_GOAL_MB:g} MB)"
    )
    print(f"loaded at the first paint: {starts['app'][-1].loaded}")
    page_wall = statistics.median(s.page_wall for s in starts["app"])
    page_cpu = statistics.median(s.page_cpu for s in starts["app"])
    print(
        f"start-up page (Overview) painted too: {page_wall:.3f} s wall, {page_cpu:.3f} s CPU "
        f"(x{page_wall / bare[0]:.1f} / x{page_cpu / bare[1]:.1f} the bare window; the database "
        "opens on the worker meanwhile)"
    )


def _medians(starts: list[Start]) -> tuple[float, float, float]:
    return (
        statistics.median(s.wall for s in starts),
        statistics.median(s.cpu for s in starts),
        statistics.median(s.rss for s in starts),
    )


def timed_process(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, child CPU seconds (wait4) and exit code of one process run to its end."""
    begin = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - begin
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, child.returncode


def bench_cli(runs: int, env: dict[str, str], home: Path) -> None:
    """``labapp-cli db current`` on a migrated file against ``python -c pass``."""
    database = str(home / "cli.sqlite3")
    script = Path(sys.executable).with_name("labapp-cli")  # the console script users run
    cli = [str(script)] if script.is_file() else [sys.executable, "-m", "labapp.cli.main"]
    subprocess.run([*cli, "init", "--database", database], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    times: dict[str, list[tuple[float, float]]] = {"pass": [], "cli": []}
    for run in range(runs + 1):
        for key, argv in (
            ("pass", [sys.executable, "-c", "pass"]),
            ("cli", [*cli, "db", "current", "--database", database]),
        ):
            wall, cpu, code = timed_process(argv, env)
            if key == "cli" and code != 0:
                raise SystemExit(f"labapp-cli db current exited {code}")
            if run:
                times[key].append((wall, cpu))
    (p_wall, p_cpu), (c_wall, c_cpu) = (
        (statistics.median(t[0] for t in times[k]), statistics.median(t[1] for t in times[k]))
        for k in ("pass", "cli")
    )
    print(f"\nlabapp-cli db current, median of {runs} runs each")
    print(f"{'python -c pass':28} {p_wall:8.3f} s wall {p_cpu:8.3f} s CPU")
    print(f"{'labapp-cli db current':28} {c_wall:8.3f} s wall {c_cpu:8.3f} s CPU")
    print(
        f"ratio: wall x{c_wall / p_wall:.1f}, CPU x{c_cpu / p_cpu:.1f}; "
        f"{c_wall:.2f} s (goal <= {CLI_GOAL_S:g} s): {'OK' if c_wall <= CLI_GOAL_S else 'MISSED'}"
    )


class XServer:
    """A real X server for the xcb runs: ``DISPLAY`` if set, else an Xvfb of our own."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.display = os.environ.get("DISPLAY")

    def __enter__(self) -> str | None:
        if self.display or shutil.which("Xvfb") is None:
            return self.display
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=(write,), stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        self.display = f":{number}" if number else None
        return self.display

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", choices=("offscreen", "xcb", "both"), default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="labapp-bench-startup-") as tmp:
        home = Path(tmp)
        env = {**os.environ, "LABAPP_HOME": str(home / "home")}
        if args.platform in ("offscreen", "both"):
            bench_platform("offscreen", args.runs, env, home)
        if args.platform in ("xcb", "both"):
            with XServer() as display:
                if display is None:
                    print("\nxcb: no DISPLAY and no Xvfb (apt-get install -y xvfb): skipped")
                else:
                    bench_platform("xcb", args.runs, {**env, "DISPLAY": display}, home)
        bench_cli(args.runs, env, home)


if __name__ == "__main__":
    main()
