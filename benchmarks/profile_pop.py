"""Profile the slow paths that ``benchmarks/pop.py`` measures.

    python benchmarks/profile_pop.py [--output DIR]

Needs pyinstrument in the same environment (``pip install pyinstrument``; it
is not a project dependency). Same sandboxing as pop.py: a demo server on
loopback in this process, private XDG dirs, offscreen Qt, the fail keyring.
Writes into DIR (default ``benchmarks/results/profile-<date>/``):

* ``importtime-{forwarder,cold,cli}.txt``: raw ``python -X importtime``
  output, and a summary of the costliest imports printed at the end;
* ``pyinstrument-cold.txt``: a cold start, spawn to the first record rendered;
* ``pyinstrument-forwarder.txt``: the launch the OS runs for a link while an
  instance runs (``python -m screenpop -- tel:...``);
* ``pyinstrument-instance.txt``: the instance handling 20 forwarded pops;
* ``inapp-first-lookup.txt``, ``inapp-lookups.txt``: the first lookup in a
  fresh window, and 300 warm lookups (typed, submit -> rendered);
* ``pyinstrument-cli.txt``: ``screenpop lookup --json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from pop import (
    DEMO_PASSWORD,
    DEMO_USER,
    HERE,
    LEADS,
    POP_SPACING_S,
    PYTHON,
    RESULTS,
    AppProcess,
    BytecodeCache,
    DemoServer,
    Processes,
    Sandbox,
    _raise_interrupt,
)

PROFILED = str(HERE / "profiled.py")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def importtime_by_package(text: str, top: int = 14) -> list[str]:
    """Each module's own (self) import time, summed by top-level package.

    Self time of a ``screenpop`` module includes the Qt types and enums that
    its ``from PySide6.QtX import Name`` lines initialise (no module is
    imported for those, so -X importtime books them to the importer).
    """
    totals: dict[str, int] = {}
    for line in text.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            own, _cumulative, _indent, name = match.groups()
            package = name.split(".")[0]
            if package in ("encodings", "site", "_distutils_hack", "_virtualenv"):
                package = "interpreter start (site, encodings, .pth)"
            totals[package] = totals.get(package, 0) + int(own)
    total = sum(totals.values())
    shown = [f"all imports: {total / 1000:.1f} ms (-X importtime inflates them)"]
    for package, micros in sorted(totals.items(), key=lambda item: -item[1])[:top]:
        shown.append(f"{micros / 1000:8.1f} ms  {package}")
    return shown


def importtime_own_modules(text: str, top: int = 8) -> list[str]:
    """Screenpop's modules by cumulative import time (what each one pulls in)."""
    rows = []
    for line in text.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and match.group(4).split(".")[0] == "screenpop":
            rows.append((int(match.group(2)), int(match.group(1)), match.group(4)))
    return [
        f"{cumulative / 1000:8.1f} ms cumulative {own / 1000:6.1f} ms self  {name}"
        for cumulative, own, name in sorted(rows, reverse=True)[:top]
    ]


class Profiling:
    def __init__(self, output: Path) -> None:
        self.output = output
        self.procs = Processes()
        self.server = DemoServer().start()
        self.sandboxes: list[Sandbox] = []
        self.summaries: dict[str, list[str]] = {}

    @property
    def connection(self) -> list[str]:
        return ["--server", self.server.base_url, "--user", DEMO_USER, "--password-stdin"]

    def sandbox(self, name: str) -> Sandbox:
        box = Sandbox(name)
        self.sandboxes.append(box)
        return box

    def cleanup(self) -> None:
        self.procs.stop_all()
        for box in self.sandboxes:
            box.cleanup()
        BytecodeCache.remove()
        self.server.stop()

    def say(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    def _instance(self, box: Sandbox, command: list[str] | None = None) -> AppProcess:
        instance = AppProcess(self.procs, box.env, self.connection, DEMO_PASSWORD, command)
        instance.wait_listening(box.socket)
        return instance

    def _forward(self, box: Sandbox, args: list[str], lead: str, instance: AppProcess) -> str:
        start = time.monotonic_ns()
        process = self.procs.popen(args, box.env, stderr=subprocess.PIPE)
        _, err = process.communicate(timeout=60)
        instance.wait_rendered(lead, start)
        return err

    def importtimes(self) -> None:
        self.say("python -X importtime: forwarding launch, cold start, CLI")
        box = self.sandbox("importtime")
        instance = self._instance(box)
        try:
            for _ in range(2):  # bytecode caches
                self._forward(
                    box, [PYTHON, "-m", "screenpop", "--", LEADS[1][0]], "15001", instance
                )
                time.sleep(POP_SPACING_S)
            err = self._forward(
                box,
                [PYTHON, "-X", "importtime", "-m", "screenpop", "--", LEADS[0][0]],
                "14246",
                instance,
            )
            self._save_importtime("forwarder", err)
        finally:
            instance.stop()
        cold = AppProcess(
            self.procs,
            box.env,
            [*self.connection, "--", LEADS[1][0]],
            DEMO_PASSWORD,
            [PYTHON, "-X", "importtime", "-m", "screenpop"],
        )
        cold.wait_rendered("15001", 0)
        cold.stop()
        self._save_importtime("cold", "".join(cold.stderr))
        lookup = ["lookup", "--json", *self.connection, "--phone", LEADS[0][1]]
        cli = subprocess.run(
            [PYTHON, "-X", "importtime", "-m", "screenpop", *lookup],
            env=box.env,
            input=DEMO_PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        self._save_importtime("cli", cli.stderr)

    def _save_importtime(self, name: str, stderr: str) -> None:
        (self.output / f"importtime-{name}.txt").write_text(stderr, encoding="utf-8")
        self.summaries[f"importtime {name}: self time by package"] = importtime_by_package(stderr)
        self.summaries[f"importtime {name}: screenpop modules"] = importtime_own_modules(stderr)

    def pyinstrument_cold(self) -> None:
        self.say("pyinstrument: cold start until the record is rendered")
        box = self.sandbox("cold")
        report = self.output / "pyinstrument-cold.txt"
        for run in range(2):  # the first one fills the font and bytecode caches
            app = AppProcess(
                self.procs,
                box.env,
                [*self.connection, "--", LEADS[run][0]],
                DEMO_PASSWORD,
                [PYTHON, PROFILED, "until-render", str(report), "--"],
            )
            app.wait_rendered(LEADS[run][2], 0)
            time.sleep(0.5)  # the report is written right after the render
            app.stop()

    def pyinstrument_warm(self) -> None:
        self.say("pyinstrument: the forwarding launch, and the instance handling 20 pops")
        box = self.sandbox("warm")
        forwarder_report = self.output / "pyinstrument-forwarder.txt"
        instance_report = self.output / "pyinstrument-instance.txt"
        instance = self._instance(
            box, [PYTHON, PROFILED, "after-first-pop", str(instance_report), "--"]
        )
        try:
            for index in range(20):
                link, _, lead = LEADS[index % len(LEADS)]
                args = [PYTHON, "-m", "screenpop", "--", link]
                if index == 10:
                    args = [PYTHON, PROFILED, "whole", str(forwarder_report), "--", "--", link]
                self._forward(box, args, lead, instance)
                time.sleep(POP_SPACING_S)
        finally:
            instance.stop()

    def pyinstrument_inapp(self) -> None:
        self.say("pyinstrument: in-app lookups (first, then 300 warm)")
        box = self.sandbox("inapp")
        phones = ",".join(phone for _, phone, _ in LEADS)
        options = ["--phones", phones, "--lookups", "300", "--profile-dir", str(self.output)]
        subprocess.run(
            [PYTHON, str(HERE / "inapp.py"), "--server", self.server.base_url, *options],
            env=box.env,
            input=DEMO_PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )

    def pyinstrument_cli(self) -> None:
        self.say("pyinstrument: screenpop lookup --json")
        box = self.sandbox("cli")
        report = self.output / "pyinstrument-cli.txt"
        lookup = ["lookup", "--json", *self.connection, "--phone", LEADS[0][1]]
        subprocess.run(
            [PYTHON, PROFILED, "whole", str(report), "--", *lookup],
            env=box.env,
            input=DEMO_PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, help="report directory")
    args = parser.parse_args()
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        sys.exit("benchmarks/profile_pop.py needs pyinstrument: pip install pyinstrument")
    output = args.output or RESULTS / f"profile-{dt.datetime.now():%Y%m%d-%H%M%S}"
    output.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    profiling = Profiling(output)
    try:
        profiling.importtimes()
        profiling.pyinstrument_cold()
        profiling.pyinstrument_warm()
        profiling.pyinstrument_inapp()
        profiling.pyinstrument_cli()
    except KeyboardInterrupt:
        print("\ninterrupted; stopping every process started", file=sys.stderr)
        return 130
    finally:
        profiling.cleanup()
    for title, lines in profiling.summaries.items():
        print(f"\n{title}")
        for line in lines:
            print("  " + line)
    print(f"\nreports: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
