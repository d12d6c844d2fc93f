"""The embedded goAPI-compatible demo server and its sample leads.

Stdlib only and free of Qt, so tests, benchmarks and the CLI can all run a
realistic dialer stand-in on loopback.
"""

from typing import Any

from screenpop.demo.account import DEMO_PASSWORD, DEMO_USER, NOAPI_PASSWORD, NOAPI_USER

_LAZY = {
    "SAMPLE_LEADS": "screenpop.demo.leads",
    "DemoLead": "screenpop.demo.leads",
    "ENDPOINT_PATH": "screenpop.demo.server",
    "PHP_NOTICE": "screenpop.demo.server",
    "DemoServer": "screenpop.demo.server",
    "ReceivedRequest": "screenpop.demo.server",
}


def __getattr__(name: str) -> Any:
    """The server and its data load on first use: the window names the demo
    account at every start, but runs the server only in demo mode."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)


__all__ = [
    "DEMO_PASSWORD",
    "DEMO_USER",
    "ENDPOINT_PATH",
    "NOAPI_PASSWORD",
    "NOAPI_USER",
    "PHP_NOTICE",
    "SAMPLE_LEADS",
    "DemoLead",
    "DemoServer",
    "ReceivedRequest",
]
