"""The embedded goAPI-compatible demo server and its sample leads.

Stdlib only and free of Qt, so tests, benchmarks and the CLI can all run a
realistic dialer stand-in on loopback.
"""

from screenpop.demo.leads import SAMPLE_LEADS, DemoLead
from screenpop.demo.server import (
    DEMO_PASSWORD,
    DEMO_USER,
    ENDPOINT_PATH,
    NOAPI_PASSWORD,
    NOAPI_USER,
    PHP_NOTICE,
    DemoServer,
    ReceivedRequest,
)

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
