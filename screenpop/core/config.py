"""Non-secret connection settings: the dataclass, validation, load and save.

The password is deliberately not a field here: settings are written to disk,
the password never is (it lives in the OS keyring, or in memory for one run).
Settings live in ``settings.json`` under the platform's per-user config
directory (platformdirs), written atomically so a crash never leaves half a
file, and read tolerantly so a damaged file costs the agent defaults, not a
crash.
"""

from __future__ import annotations

import dataclasses
import json
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import platformdirs

from screenpop import APP_DIR_NAME
from screenpop.core.endpoint import resolve_endpoint
from screenpop.core.errors import ConfigError
from screenpop.core.files import write_atomically
from screenpop.core.goapi import (
    BlockingGoApiClient,
    Credentials,
    GoApiClient,
    Method,
    ResponseType,
    Timeouts,
    load_ca_bundle,
)
from screenpop.core.i18n import QT_TRANSLATE_NOOP, Text
from screenpop.core.weblink import check_web_url_template

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1
RESPONSE_TYPES: tuple[ResponseType, ...] = ("json", "xml")
METHODS: tuple[Method, ...] = ("post", "get")
# Bounds for timeouts a user may set: long enough for a slow VPN, short
# enough that a dead server is noticed while the caller is still talking.
MIN_TIMEOUT, MAX_TIMEOUT = 0.5, 120.0
MAX_REUSE_SECONDS = 600.0

# What a pop does with the window: bring it to the front and take the
# keyboard focus; show and raise it but leave the focus where it is (the agent
# may be typing in the softphone); or leave it hidden and notify.
PopBehaviour = Literal["front", "no_focus", "notify"]
POP_BEHAVIOURS: tuple[PopBehaviour, ...] = ("front", "no_focus", "notify")
Appearance = Literal["system", "light", "dark"]
APPEARANCES: tuple[Appearance, ...] = ("system", "light", "dark")
# "system" follows the operating system's language; English is the fallback.
Language = Literal["system", "en", "es"]
LANGUAGES: tuple[Language, ...] = ("system", "en", "es")
# Switches saved as true/false, with what they mean when the file lacks them.
_FLAGS = ("hide_empty_fields", "stay_on_top", "close_to_tray", "keep_history")


@dataclass(frozen=True)
class ConnectionSettings:
    server: str = ""
    user: str = ""
    response_type: ResponseType = "json"
    method: Method = "post"
    timeouts: Timeouts = field(default_factory=Timeouts)
    default_country: str = "US"
    # The same number popped again within this many seconds shows the record
    # already fetched instead of asking the dialer again; 0 always asks.
    reuse_seconds: float = 10.0
    # A PEM file of extra trusted certificate authorities, for company networks
    # whose proxy re-signs TLS; "" trusts the operating system's store only.
    ca_bundle: str = ""
    # The lead view hides rows whose value is empty (otherwise they show a dimmed dash).
    hide_empty_fields: bool = False
    # "Open in web": a http(s) URL with {field} placeholders, e.g.
    # https://acme.croco-dial.net/app/leads/{lead_id}; "" hides the action.
    web_url_template: str = ""
    # The desk: how pops show the window, the tray, the look, the history.
    pop_behaviour: PopBehaviour = "front"
    stay_on_top: bool = False
    # Closing the window hides it to the tray (where there is one).
    close_to_tray: bool = True
    appearance: Appearance = "system"
    language: Language = "system"
    # Recent lookups are kept in memory; True also saves their summary to disk.
    keep_history: bool = False

    @property
    def endpoint(self) -> str:
        """The full goAPI URL; raises ConfigError for an unusable server."""
        return resolve_endpoint(self.server)

    @property
    def is_complete(self) -> bool:
        """A server and a user are set (the password is kept elsewhere)."""
        return bool(self.server.strip() and self.user.strip())

    def make_client(self, password: str) -> GoApiClient:
        return GoApiClient(
            self.endpoint, Credentials(self.user, password), **self._client_options()
        )

    def make_blocking_client(self, password: str) -> BlockingGoApiClient:
        """The same client for a one-shot call in the calling thread (the CLI)."""
        return BlockingGoApiClient(
            self.endpoint, Credentials(self.user, password), **self._client_options()
        )

    def _client_options(self) -> dict[str, Any]:
        return {
            "response_type": self.response_type,
            "method": self.method,
            "timeouts": self.timeouts,
            "ca_bundle": self.ca_bundle,
        }

    def to_json_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        return {"version": SETTINGS_VERSION, **data}

    @classmethod
    def from_json_dict(cls, data: Any) -> tuple[ConnectionSettings, list[Text]]:
        """Build from a saved file's data; unusable entries fall back to the
        defaults, with one warning each (``str(warning)`` is its English text)."""
        warnings: list[Text] = []
        if not isinstance(data, dict):
            return cls(), [
                Text.of(
                    QT_TRANSLATE_NOOP(
                        "config", "The settings file does not hold settings; defaults are used."
                    )
                )
            ]
        defaults = cls()
        values: dict[str, Any] = {}
        for name in ("server", "user", "default_country", "ca_bundle"):
            value = data.get(name, getattr(defaults, name))
            if isinstance(value, str):
                values[name] = value.strip()
            else:
                warnings.append(_not_text(name))
        values["response_type"] = _choice(data, "response_type", RESPONSE_TYPES, warnings)
        values["method"] = _choice(data, "method", METHODS, warnings)
        values["timeouts"] = _timeouts(data.get("timeouts"), warnings)
        values["pop_behaviour"] = _choice(data, "pop_behaviour", POP_BEHAVIOURS, warnings)
        values["appearance"] = _choice(data, "appearance", APPEARANCES, warnings)
        values["language"] = _choice(data, "language", LANGUAGES, warnings)
        for name in _FLAGS:
            flag = data.get(name, getattr(defaults, name))
            if isinstance(flag, bool):
                values[name] = flag
            else:
                warnings.append(
                    Text.of(
                        QT_TRANSLATE_NOOP(
                            "config", "The saved '{name}' is not true or false; it was ignored."
                        ),
                        name=name,
                    )
                )
        template = data.get("web_url_template", defaults.web_url_template)
        if not isinstance(template, str):
            warnings.append(_not_text("web_url_template"))
        else:
            try:
                check_web_url_template(template)
                values["web_url_template"] = template.strip()
            except ConfigError as exc:
                warnings.append(
                    Text.of(
                        QT_TRANSLATE_NOOP("config", "{problem} The saved web link was ignored."),
                        problem=exc.text,
                    )
                )
        reuse = data.get("reuse_seconds", defaults.reuse_seconds)
        if isinstance(reuse, (int, float)) and 0 <= reuse <= MAX_REUSE_SECONDS:
            values["reuse_seconds"] = float(reuse)
        else:
            warnings.append(
                Text.of(
                    QT_TRANSLATE_NOOP("config", "The saved {name} ({value}) is out of range."),
                    name="reuse_seconds",
                    value=repr(reuse),
                )
            )
        return cls(**values), warnings


def _not_text(name: str) -> Text:
    return Text.of(
        QT_TRANSLATE_NOOP("config", "The saved '{name}' is not text; it was ignored."), name=name
    )


def _choice(data: dict[str, Any], name: str, allowed: tuple[str, ...], warnings: list[Text]) -> Any:
    value = data.get(name, allowed[0])
    if value in allowed:
        return value
    warnings.append(
        Text.of(
            QT_TRANSLATE_NOOP("config", "The saved '{name}' ({value}) is not one of {allowed}."),
            name=name,
            value=repr(value),
            allowed=", ".join(allowed),
        )
    )
    return allowed[0]


def _timeouts(data: Any, warnings: list[Text]) -> Timeouts:
    defaults = Timeouts()
    if data is None:
        return defaults
    if not isinstance(data, dict):
        warnings.append(
            Text.of(
                QT_TRANSLATE_NOOP("config", "The saved timeouts are unreadable; defaults are used.")
            )
        )
        return defaults
    values = {}
    for name, out_of_range in _TIMEOUT_OUT_OF_RANGE.items():
        value = data.get(name, getattr(defaults, name))
        if isinstance(value, (int, float)) and MIN_TIMEOUT <= value <= MAX_TIMEOUT:
            values[name] = float(value)
        else:
            warnings.append(Text.of(out_of_range, value=repr(value)))
            values[name] = getattr(defaults, name)
    return Timeouts(**values)


# One sentence each, so a translation can word each timeout as it needs.
_TIMEOUT_OUT_OF_RANGE = {
    "connect": QT_TRANSLATE_NOOP("config", "The saved connect timeout ({value}) is out of range."),
    "read": QT_TRANSLATE_NOOP("config", "The saved read timeout ({value}) is out of range."),
    "total": QT_TRANSLATE_NOOP("config", "The saved total timeout ({value}) is out of range."),
}


def check_ca_bundle(path: str) -> None:
    """ConfigError unless ``path`` is "" or a readable PEM file of certificates."""
    if path.strip():
        load_ca_bundle(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), path.strip())


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[ConnectionSettings | None, list[Text]]:
    """The saved settings (None when nothing was saved yet) and any warnings
    (``str(warning)`` is its English text)."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, []
    except OSError as exc:
        return None, [
            Text.of(
                QT_TRANSLATE_NOOP("config", "The settings file could not be read ({reason})."),
                reason=str(exc.strerror),
            )
        ]
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None, [
            Text.of(
                QT_TRANSLATE_NOOP(
                    "config", "The settings file is damaged; please enter the settings again."
                )
            )
        ]
    return ConnectionSettings.from_json_dict(data)


def save_settings(settings: ConnectionSettings, path: Path | None = None) -> Path:
    """Write atomically: a crash mid-write leaves the old file, never half of one.

    A CA bundle that cannot be loaded, or an unusable web link template, is
    refused (ConfigError) before anything is written; when loading, a CA
    bundle that has gone missing since is kept, and the lookups say why they
    cannot connect."""
    check_ca_bundle(settings.ca_bundle)
    check_web_url_template(settings.web_url_template)
    path = path or settings_path()
    text = json.dumps(settings.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise ConfigError(
            Text.of(
                QT_TRANSLATE_NOOP(
                    "config", "The settings could not be saved to {path} ({reason})."
                ),
                path=str(path),
                reason=str(exc.strerror),
            )
        ) from exc
    return path
