"""Non-secret connection settings, and the one place that turns them into a client.

The password is deliberately not a field here: settings may be written to
disk, the password never is (it lives in the OS keyring or in memory).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from screenpop.core.endpoint import resolve_endpoint
from screenpop.core.goapi import Credentials, GoApiClient, Method, ResponseType, Timeouts


@dataclass(frozen=True)
class ConnectionSettings:
    server: str = ""
    user: str = ""
    response_type: ResponseType = "json"
    method: Method = "post"
    timeouts: Timeouts = field(default_factory=Timeouts)
    default_country: str = "US"

    @property
    def endpoint(self) -> str:
        """The full goAPI URL; raises ConfigError for an unusable server."""
        return resolve_endpoint(self.server)

    def make_client(self, password: str) -> GoApiClient:
        return GoApiClient(
            self.endpoint,
            Credentials(self.user, password),
            response_type=self.response_type,
            method=self.method,
            timeouts=self.timeouts,
        )
