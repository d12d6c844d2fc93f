"""The ``screenpop`` entry point, with a fast path for links.

A softphone or browser runs ``screenpop -- LINK`` on every call (that is the
registered command line). When Screenpop already runs, all that launch has to
do is hand LINK over, so this module tries exactly that with the stdlib-only
forwarder before anything else is imported; everything else, and a launch
that finds no instance, goes to :func:`screenpop.cli.main`, which checks again
under the launch lock.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if len(args) == 2 and args[0] == "--" and _forwarded(args[1]):
        return 0
    from screenpop.cli import main as cli_main

    return cli_main(args)


def _forwarded(link: str) -> bool:
    from screenpop.instance.forward import LaunchLock, Outcome, forward
    from screenpop.instance.protocol import PopMessage

    lock = LaunchLock()
    try:
        lock.acquire()
        return forward(PopMessage.from_environment(link)) is Outcome.FORWARDED
    except OSError:
        return False  # no runtime dir and the like: the full path reports it
    finally:
        lock.release()
