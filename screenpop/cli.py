"""The ``screenpop`` command: the desktop window, one lookup in a terminal, or
the saved password.

    screenpop [options] [-- NUMBER_OR_URI]        open the window (optionally on a number)
    screenpop lookup --phone P | --lead-id N | --uri URI [options]
    screenpop credentials set [--server S --user U] [--password-stdin]
    screenpop credentials clear | status [--server S --user U]

``lookup`` and ``credentials`` use the saved settings (server, user, reply
format, ...) for whatever is not given on the command line, and ``lookup``
reads the password from the system keyring unless ``--password-stdin`` is
given. The password is only ever kept in the keyring, never in a file.

The number or link given to the window is untrusted: the OS passes whatever
``tel:`` link an agent clicked. Everything after ``--`` is therefore split off
before argparse sees the command line, so a link such as
``tel:--log-level=debug`` can never be read as an option.

Imports are lazy: ``--version`` loads neither httpx nor phonenumbers, and
``screenpop lookup`` never loads Qt.

Exit codes: 0 found, 2 usage (bad arguments, number, lead ID or server),
3 no such record, 4 login refused, 5 server or network trouble, 1 the window
cannot start, 130 interrupted. ``credentials``: 0 done (also "nothing to
clear", and ``status`` whatever it reports), 2 usage, a bad server setting, or
no usable system keyring for ``set``/``clear``.
"""

from __future__ import annotations

import argparse
import io
import logging
import math
import sys
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from screenpop import __version__

if TYPE_CHECKING:
    from screenpop.core.config import ConnectionSettings
    from screenpop.core.credentials import CredentialStore, StoreOutcome
    from screenpop.core.errors import ScreenpopError
    from screenpop.core.goapi import Timeouts
    from screenpop.core.intake import PopRequest
    from screenpop.core.models import CustomerInfo
    from screenpop.instance.forward import LaunchLock

PROG = "screenpop"

EXIT_OK = 0
EXIT_GUI_UNAVAILABLE = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_AUTH = 4
EXIT_SERVER = 5
EXIT_INTERRUPTED = 130

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
MAX_TIMEOUT_SECONDS = 600.0
_SEPARATOR = "--"
_LOOKUP = "lookup"
_CREDENTIALS = "credentials"
# Each with an example, for a subcommand given where the window's number goes.
_SUBCOMMANDS = {_LOOKUP: "lookup --phone NUMBER", _CREDENTIALS: "credentials status"}
_GROUPS = (
    ("person", "Person"),
    ("contact", "Contact"),
    ("address", "Address"),
    ("record", "Record"),
)
_CUSTOMER_STATUS = {True: "Customer", False: "Prospect", None: "Customer status unknown"}
# Bidirectional overrides can make a value read differently from what it is.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

log = logging.getLogger(__name__)


class UsageError(Exception):
    """The command line cannot be used as given (exit 2)."""


class ParserExit(Exception):
    """argparse finished on its own (``--help``); ``status`` is the exit code."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._print_message(message, sys.stderr)
        raise ParserExit(status)


# ------------------------------------------------------------------ arguments


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line (without the program name).

    ``ns.command`` is ``"lookup"``, ``"credentials"`` (with ``ns.action``
    ``"set"``, ``"clear"`` or ``"status"``) or ``"gui"``; for the window,
    ``ns.initial`` is the number or link to open on (or None). Raises
    :class:`UsageError` for a bad command line, :class:`ParserExit` after
    ``--help``.
    """
    args = list(argv)
    if args[:1] == [_LOOKUP]:
        namespace = _lookup_parser().parse_args(args[1:])
        namespace.command = _LOOKUP
        namespace.version = False
        _check_demo_exclusive(namespace)
        return namespace
    if args[:1] == [_CREDENTIALS]:
        namespace = _credentials_parser().parse_args(args[1:])
        namespace.command = _CREDENTIALS
        namespace.version = False
        return namespace
    return _parse_gui_args(args)


def _parse_gui_args(args: list[str]) -> argparse.Namespace:
    trusted, untrusted = _split_at_separator(args)
    namespace = _gui_parser().parse_args(trusted)
    namespace.command = "gui"
    if untrusted:
        if namespace.initial is not None or len(untrusted) > 1:
            raise UsageError("give at most one number or link")
        namespace.initial = untrusted[0]
    elif namespace.initial in _SUBCOMMANDS:
        example = _SUBCOMMANDS[namespace.initial]
        raise UsageError(f"'{namespace.initial}' must come first: {PROG} {example}")
    _check_demo_exclusive(namespace)
    return namespace


def _split_at_separator(args: list[str]) -> tuple[list[str], list[str]]:
    """Options before the first ``--``; everything after it is never parsed."""
    if _SEPARATOR not in args:
        return args, []
    index = args.index(_SEPARATOR)
    return args[:index], args[index + 1 :]


def _check_demo_exclusive(namespace: argparse.Namespace) -> None:
    given = namespace.server is not None or namespace.user is not None
    if namespace.demo and (given or namespace.password_stdin):
        raise UsageError(
            "--demo uses the built-in demo server and account; "
            "do not combine it with --server, --user or --password-stdin"
        )


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        allow_abbrev=False,
        description="Show the caller's customer record from a croco-dial / GOautodial dialer.",
        epilog="For a lookup in the terminal, see: screenpop lookup --help",
    )
    _add_connection_options(parser)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--appearance",
        choices=("system", "light", "dark"),
        help="light or dark for this run (default: saved, else follow the system)",
    )
    parser.add_argument(
        "--language",
        choices=("system", "en", "es"),
        help="the window's language for this run (default: saved, else the system's)",
    )
    handler = parser.add_mutually_exclusive_group()
    handler.add_argument(
        "--register-handler",
        action="store_true",
        help="make Screenpop open tel:, callto: and sip: links for this user, then exit",
    )
    handler.add_argument(
        "--unregister-handler",
        action="store_true",
        help="stop Screenpop opening those links, then exit",
    )
    parser.add_argument(
        "initial",
        nargs="?",
        metavar="NUMBER_OR_URI",
        help="number or tel:/callto:/sip: link to look up; put it after -- when it comes "
        "from a link",
    )
    return parser


def _lookup_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} {_LOOKUP}",
        allow_abbrev=False,
        description="Look up one customer record and print it.",
        epilog="Exit codes: 0 found, 2 usage, 3 not found, 4 login refused, "
        "5 server or network problem.",
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--phone", help="phone number in any everyday form")
    what.add_argument("--lead-id", help="the dialer's lead ID")
    what.add_argument("--uri", help="a tel:, callto: or sip: link")
    _add_connection_options(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--timeout", type=_seconds, metavar="SECONDS", help="give up after this long"
    )
    return parser


def _credentials_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} {_CREDENTIALS}",
        allow_abbrev=False,
        description="Save, remove or check the dialer password in the system keyring. "
        "The password is never written to a file, and never printed.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="{set,clear,status}")
    for name, text in (
        ("set", "save the password in the system keyring (and --server/--user in the settings)"),
        ("clear", "remove the saved password from the system keyring"),
        ("status", "say where the password is kept (it is never printed)"),
    ):
        action = actions.add_parser(name, help=text, description=text, allow_abbrev=False)
        action.add_argument("--server", help="dialer DOMAIN, host or URL (default: saved)")
        action.add_argument("--user", help="dialer user name (default: saved)")
        if name == "set":
            action.add_argument(
                "--password-stdin",
                action="store_true",
                help="read the password from the first line of standard input "
                "(default: ask without echo in a terminal)",
            )
        _add_log_level(action)
    return parser


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    """Connection options; each left unset (None) falls back to the saved settings."""
    parser.add_argument("--demo", action="store_true", help="use the built-in demo server")
    parser.add_argument("--server", help="dialer DOMAIN, host or URL (default: saved)")
    parser.add_argument("--user", help="dialer user name (default: saved)")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input "
        "(default: the system keyring, else ask in a terminal)",
    )
    parser.add_argument(
        "--response-type",
        choices=("json", "xml"),
        help="reply format to ask for (default: saved, else json)",
    )
    parser.add_argument(
        "--method",
        choices=("post", "get"),
        help="HTTP method (default: saved, else post; get puts the password in the URL)",
    )
    parser.add_argument(
        "--country",
        type=_country,
        metavar="CC",
        help="country for numbers without a country code (default: saved, else US)",
    )
    _add_log_level(parser)


def _add_log_level(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log-level",
        type=_log_level,
        default="WARNING",
        metavar="LEVEL",
        help=f"logging to stderr: {', '.join(LOG_LEVELS)} (default WARNING)",
    )


def _country(text: str) -> str:
    import phonenumbers  # only when --country is given: its metadata is slow to load

    code = text.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise argparse.ArgumentTypeError(f"'{text}' is not a two-letter country code we know")
    return code


def _log_level(text: str) -> str:
    level = text.strip().upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"choose one of {', '.join(LOG_LEVELS)}")
    return level


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (0 < value <= MAX_TIMEOUT_SECONDS):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a number of seconds between 0 and {MAX_TIMEOUT_SECONDS:g}"
        )
    return value


# ----------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> int:
    """Run the ``screenpop`` command; returns the exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED


def _run(argv: list[str]) -> int:
    try:
        args = parse_args(argv)
    except ParserExit as exc:
        return exc.status
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    if args.version:
        _write(sys.stdout, f"{PROG} {__version__}\n")
        return EXIT_OK
    # A one-shot terminal command logs to stderr only unless asked for more;
    # the window (an all-day process) also keeps the rotating log file.
    verbose = args.log_level in ("DEBUG", "INFO")
    _configure_logging(args.log_level, to_file=args.command != _LOOKUP or verbose)
    try:
        if args.command == _LOOKUP:
            return _lookup_command(args)
        if args.command == _CREDENTIALS:
            return _credentials_command(args)
        if args.register_handler or args.unregister_handler:
            return _handler_command(unregister=args.unregister_handler)
        return _gui_command(args)
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except Exception as exc:
        return _report(exc)


def _report(exc: Exception) -> int:
    """Print one line for ``exc`` and return its exit code."""
    from screenpop.core.errors import ScreenpopError

    if isinstance(exc, ScreenpopError):
        _say(exc.user_message)
        return exit_code_for(exc)
    _say(f"unexpected error: {type(exc).__name__}")
    return EXIT_SERVER


def exit_code_for(error: ScreenpopError) -> int:
    """The documented exit code for an error from the tree."""
    from screenpop.core import errors

    table: tuple[tuple[type[ScreenpopError], int], ...] = (
        (errors.InputError, EXIT_USAGE),
        (errors.ConfigError, EXIT_USAGE),
        (errors.RecordError, EXIT_NOT_FOUND),
        (errors.AuthError, EXIT_AUTH),
        (errors.ServerError, EXIT_SERVER),
        (errors.NetworkError, EXIT_SERVER),
    )
    for error_type, code in table:
        if isinstance(error, error_type):
            return code
    return EXIT_SERVER


# ------------------------------------------------------------------- logging


def _configure_logging(level_name: str, *, to_file: bool = True) -> None:
    """stderr and the rotating log file, secrets masked on both (core.logs)."""
    from screenpop.core import logs

    logs.setup_logging(level_name, to_file=to_file)
    # httpx logs each request URL at INFO: a GET URL holds the caller's number
    # (the password in it is masked by the filter, the number would not be).
    level = getattr(logging, level_name)
    logging.getLogger("httpx").setLevel(max(level, logging.WARNING))


def _redact_in_logs(password: str) -> None:
    from screenpop.core import logs

    logs.protect(password)


# ------------------------------------------------------------- link handler


def _handler_command(*, unregister: bool) -> int:
    from screenpop.platform import register

    try:
        message = register(unregister=unregister)
    except OSError as exc:
        _say(f"the link handler could not be {'removed' if unregister else 'registered'}: {exc}")
        return EXIT_SERVER
    _write(sys.stdout, message + "\n")
    return EXIT_OK


# -------------------------------------------------------------------- lookup


def _lookup_command(args: argparse.Namespace) -> int:
    # The demo is self-contained: it reads neither the settings nor the keyring.
    saved = None if args.demo else _load_saved_settings()
    _fill_from_saved(args, saved)
    request = pop_request(args)
    info = _fetch(args, request, saved)
    text = render_json(info) if args.json else render_text(info)
    _write(sys.stdout, text)
    return EXIT_OK


def pop_request(args: argparse.Namespace) -> PopRequest:
    """What ``--phone`` / ``--lead-id`` / ``--uri`` ask for, checked and normalised."""
    from screenpop.core import intake

    if args.lead_id is not None:
        return intake.parse_lead_id(args.lead_id)
    text = args.phone if args.phone is not None else args.uri
    return intake.parse_input(text, default_country=args.country)


def _fill_from_saved(args: argparse.Namespace, saved: ConnectionSettings | None) -> None:
    """Options not given on the command line take the saved value, else the default."""
    from screenpop.core.config import ConnectionSettings

    base = saved or ConnectionSettings()
    args.response_type = args.response_type or base.response_type
    args.method = args.method or base.method
    args.country = args.country or base.default_country
    args.saved_timeouts = base.timeouts


def _fetch(
    args: argparse.Namespace, request: PopRequest, saved: ConnectionSettings | None = None
) -> CustomerInfo:
    if args.demo:
        return _fetch_from_demo(args, request)
    server = _required(args.server or (saved.server if saved else ""), "--server")
    user = _required(args.user or (saved.user if saved else ""), "--user")
    settings = _settings(args, server=server, user=user)
    endpoint = settings.endpoint  # an unusable server fails before the password is asked for
    password = _lookup_password(args, user, endpoint)
    _redact_in_logs(password)
    return _run_lookup(settings, password, request)


def _lookup_password(args: argparse.Namespace, user: str, endpoint: str) -> str:
    """--password-stdin if given, else the system keyring, else a terminal prompt."""
    if args.password_stdin:
        return read_password(True, user)
    password, outcome = _keyring_get(user, endpoint)
    if password:
        log.debug("using the password saved in the system keyring")
        return password
    if outcome.reason:
        missing = f"no password: {outcome.reason}"
    else:
        missing = (
            f"no password is saved for {user} on this server "
            f"('{PROG} {_CREDENTIALS} set' saves one)"
        )
    if sys.stdin is not None and sys.stdin.isatty():
        _say(missing)
        return _prompt_password(user)
    raise UsageError(
        f"{missing}; send it on standard input with --password-stdin, or run in a terminal"
    )


def _keyring_get(user: str, endpoint: str) -> tuple[str | None, StoreOutcome]:
    import asyncio

    return asyncio.run(_credential_store().get(user, endpoint))


def _credential_store() -> CredentialStore:
    from screenpop.core.credentials import CredentialStore

    return CredentialStore()


def _fetch_from_demo(args: argparse.Namespace, request: PopRequest) -> CustomerInfo:
    from screenpop.demo.server import DEMO_PASSWORD, DEMO_USER, DemoServer

    server = DemoServer().start()
    try:
        log.info("demo server listening on %s", server.base_url)
        settings = _settings(args, server=server.endpoint, user=DEMO_USER)
        return _run_lookup(settings, DEMO_PASSWORD, request)
    finally:
        server.stop()


def _required(value: str | None, option: str) -> str:
    if not value:
        raise UsageError(
            f"{option} is required (or save it with '{PROG} {_CREDENTIALS} set {option} ...', "
            "or use --demo)"
        )
    return value


def _settings(args: argparse.Namespace, *, server: str, user: str) -> ConnectionSettings:
    from screenpop.core.config import ConnectionSettings

    return ConnectionSettings(
        server=server,
        user=user,
        response_type=args.response_type,
        method=args.method,
        timeouts=_timeouts(args.timeout, getattr(args, "saved_timeouts", None)),
        default_country=args.country,
    )


def _timeouts(seconds: float | None, saved: Timeouts | None = None) -> Timeouts:
    from screenpop.core.goapi import Timeouts

    default = saved or Timeouts()
    if seconds is None:
        return default
    return Timeouts(connect=min(default.connect, seconds), read=seconds, total=seconds)


def _run_lookup(settings: ConnectionSettings, password: str, request: PopRequest) -> CustomerInfo:
    what = "lead ID" if request.lead_id else "phone number"
    log.debug(
        "looking up a %s on %s (%s, %s)",
        what,
        settings.endpoint,
        settings.method.upper(),
        settings.response_type,
    )
    # One call, so no event loop: the blocking client spares the CLI the
    # asyncio and anyio imports.
    with settings.make_blocking_client(password) as client:
        return client.get_customer_info(phone=request.phone, lead_id=request.lead_id)


def read_password(from_stdin: bool, user: str, stdin: TextIO | None = None) -> str:
    """The password: stdin's first line, or a no-echo prompt on a terminal."""
    stream = sys.stdin if stdin is None else stdin
    if from_stdin:
        if stream is None:
            raise UsageError("--password-stdin was given but there is no standard input")
        password = stream.readline().removesuffix("\n").removesuffix("\r")
        if not password:
            raise UsageError("--password-stdin was given but standard input held no password")
        return _valid_text(password)
    if stream is not None and stream.isatty():
        return _prompt_password(user)
    raise UsageError(
        "no password: send it on standard input with --password-stdin, or run in a terminal"
    )


def _valid_text(password: str) -> str:
    """Undecodable bytes on stdin arrive as lone surrogates, which cannot be sent."""
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("the password on standard input is not valid UTF-8 text") from None
    return password


def _prompt_password(user: str) -> str:
    import getpass

    try:
        password = getpass.getpass(f"Password for {user}: ")
    except EOFError:
        password = ""
    if not password:
        raise UsageError("no password was entered")
    return password


# --------------------------------------------------------------- credentials


def _load_saved_settings() -> ConnectionSettings | None:
    """The saved settings, or None; a damaged file is reported, not fatal."""
    from screenpop.core.config import load_settings

    settings, warnings = load_settings()
    for warning in warnings:
        _say(f"warning: {warning}")
    return settings


def _credentials_command(args: argparse.Namespace) -> int:
    saved = _load_saved_settings()
    server = (args.server if args.server is not None else saved.server if saved else "").strip()
    user = (args.user if args.user is not None else saved.user if saved else "").strip()
    if args.action == "set":
        return _credentials_set(args, saved, server, user)
    if args.action == "clear":
        return _credentials_clear(server, user)
    return _credentials_status(server, user)


def _credentials_set(
    args: argparse.Namespace, saved: ConnectionSettings | None, server: str, user: str
) -> int:
    import asyncio
    import dataclasses

    from screenpop.core.config import ConnectionSettings

    if not server or not user:
        missing = [
            option for option, value in (("--server", server), ("--user", user)) if not value
        ]
        verb = "are" if len(missing) > 1 else "is"
        raise UsageError(
            f"{' and '.join(missing)} {verb} required: no server and user are saved yet"
        )
    settings = dataclasses.replace(saved or ConnectionSettings(), server=server, user=user)
    endpoint = settings.endpoint  # an unusable server fails before the password is asked for
    password = read_password(args.password_stdin, user)
    _redact_in_logs(password)
    old = _saved_account(saved)
    return asyncio.run(_store_password(settings, saved, old, endpoint, password))


def _saved_account(saved: ConnectionSettings | None) -> tuple[str, str] | None:
    """The (user, endpoint) whose password the saved settings point at."""
    from screenpop.core.errors import ConfigError

    if saved is None or not saved.is_complete:
        return None
    try:
        return saved.user, saved.endpoint
    except ConfigError:
        return None


async def _store_password(
    settings: ConnectionSettings,
    saved: ConnectionSettings | None,
    old: tuple[str, str] | None,
    endpoint: str,
    password: str,
) -> int:
    from screenpop.core.config import save_settings
    from screenpop.core.credentials import PasswordLocation

    store = _credential_store()
    outcome = await store.set(settings.user, endpoint, password)
    if outcome.location is not PasswordLocation.KEYRING:
        _say(
            f"the password was not saved: {outcome.reason}. Keeping it in memory is no use "
            "to a command that ends now; make the system keyring available and try again, "
            f"or give the password to each lookup with --password-stdin"
        )
        return EXIT_USAGE
    where = f"in the system keyring ({store.backend_name})"
    lines = [f"Saved the password for {settings.user} on {endpoint} {where}."]
    if saved is None or (saved.server, saved.user) != (settings.server, settings.user):
        try:
            path = save_settings(settings)
        except Exception:
            await store.delete(settings.user, endpoint)  # settings and keyring stay as they were
            raise
        lines.append(f"Saved server {settings.server} and user {settings.user} in {path}.")
        if old is not None and old != (settings.user, endpoint):
            # The settings no longer point at the old entry: replace it, do not orphan it.
            removed = await store.delete(*old)
            if removed.reason:
                lines.append(
                    f"The password saved for {old[0]} on {old[1]} was not removed: "
                    f"{removed.reason}."
                )
            else:
                lines.append(f"Removed the password saved for {old[0]} on {old[1]}.")
    _write(sys.stdout, "".join(one_line(line) + "\n" for line in lines))
    return EXIT_OK


def _credentials_clear(server: str, user: str) -> int:
    import asyncio

    if not server or not user:
        _write(sys.stdout, "Nothing to clear: no server and user are saved.\n")
        return EXIT_OK
    endpoint = _endpoint(server)
    return asyncio.run(_clear_password(user, endpoint))


async def _clear_password(user: str, endpoint: str) -> int:
    store = _credential_store()
    password, outcome = await store.get(user, endpoint)
    if not outcome.reason:
        if password is None:
            _write(
                sys.stdout,
                one_line(f"Nothing to clear: no password is saved for {user} on {endpoint}.")
                + "\n",
            )
            return EXIT_OK
        outcome = await store.delete(user, endpoint)
    if outcome.reason:
        _say(f"the password could not be removed: {outcome.reason}")
        return EXIT_USAGE
    _write(
        sys.stdout,
        one_line(
            f"Removed the password for {user} on {endpoint} from the "
            f"system keyring ({store.backend_name})."
        )
        + "\n",
    )
    return EXIT_OK


def _credentials_status(server: str, user: str) -> int:
    import asyncio

    from screenpop.core.config import settings_path

    lines = [
        f"settings: {settings_path()}",
        f"server: {server or '(not set)'}",
        f"user: {user or '(not set)'}",
    ]
    if not server or not user:
        lines.append("password: not saved (no server and user are set)")
    else:
        endpoint = _endpoint(server)
        lines.append(f"endpoint: {endpoint}")
        store = _credential_store()
        password, outcome = asyncio.run(store.get(user, endpoint))
        if outcome.reason:
            lines.append(f"keyring unavailable: {outcome.reason}")
        elif password:
            lines.append(f"password: in the system keyring ({store.backend_name})")
        else:
            lines.append("password: not saved")
    _write(sys.stdout, "".join(one_line(line) + "\n" for line in lines))
    return EXIT_OK


def _endpoint(server: str) -> str:
    from screenpop.core.endpoint import resolve_endpoint

    return resolve_endpoint(server)


# -------------------------------------------------------------------- output


def render_json(info: CustomerInfo) -> str:
    import json

    return json.dumps(info.to_json_dict(), ensure_ascii=False, indent=2) + "\n"


def render_text(info: CustomerInfo) -> str:
    """The record for a person: a header line, then aligned ``Label: value`` groups."""
    sections = _sections(info)
    width = max((len(label) for _, rows in sections for label, _ in rows), default=0)
    lines = [_header(info)]
    for title, rows in sections:
        lines += ["", title]
        lines += [f"  {label + ':':<{width + 1}} {value}" for label, value in rows]
    return "\n".join(lines) + "\n"


def _header(info: CustomerInfo) -> str:
    name = one_line(info.lead.full_name) or f"Lead {info.lead.lead_id}"
    return f"{name} — {_CUSTOMER_STATUS[info.is_customer]}"


def _sections(info: CustomerInfo) -> list[tuple[str, list[tuple[str, str]]]]:
    """Non-empty groups of non-empty (label, value) rows, in display order."""
    from screenpop.core.models import LEAD_FIELDS, readable_label

    values = info.lead.values
    raw: list[tuple[str, list[tuple[str, str]]]] = [
        (title, [(spec.label, values[spec.name]) for spec in LEAD_FIELDS if spec.group == group])
        for group, title in _GROUPS
    ]
    raw.append(("Custom fields", [(readable_label(k), v) for k, v in info.custom_fields.items()]))
    raw.append(("Other fields", [(readable_label(k), v) for k, v in info.lead.extra.items()]))
    sections = []
    for title, rows in raw:
        shown = [(one_line(label), one_line(value)) for label, value in rows if value]
        if shown:
            sections.append((title, shown))
    return sections


def one_line(text: str) -> str:
    """Text safe for one terminal line: no control or bidi characters, no newlines."""
    out = []
    for char in text:
        if char in "\r\n\t":
            out.append(" ")
        elif char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            out.append("\ufffd")
        else:
            out.append(char)
    return " ".join("".join(out).split())


def _say(message: str) -> None:
    """One line on stderr: ``screenpop: message``."""
    _write(sys.stderr, f"{PROG}: {one_line(message)}\n")


def _write(stream: TextIO | None, text: str) -> None:
    if stream is None:
        return
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in ("utf-8", "utf8"):
        stream.reconfigure(encoding="utf-8")
    stream.write(text)
    stream.flush()


# --------------------------------------------------------------------- window


def _gui_command(args: argparse.Namespace) -> int:
    """Hand the link to the running Screenpop, or become it.

    The forwarding comes first and imports nothing heavy (no Qt, no httpx):
    a softphone runs this on every ring.
    """
    from screenpop.instance.forward import LaunchLock, Outcome, forward
    from screenpop.instance.protocol import PopMessage

    lock = LaunchLock()
    if not lock.acquire():
        log.warning("Another launch held the start-up lock too long; going on without it")
    try:
        outcome = forward(PopMessage.from_environment(args.initial or ""))
        if outcome is Outcome.FORWARDED:
            if args.server or args.demo:
                log.info("Screenpop is already running; its own settings stay in use")
            return EXIT_OK
        if outcome is Outcome.REFUSED:
            _say("another Screenpop (a different version?) is running and refused the link")
            return EXIT_GUI_UNAVAILABLE
        if outcome is Outcome.NO_ACK:
            log.warning("The running Screenpop did not answer; this one takes over")
        return _start_window(args, lock)
    finally:
        lock.release()


def _start_window(args: argparse.Namespace, lock: LaunchLock) -> int:
    settings = _gui_settings(args)
    password = _gui_password(args, settings)
    try:
        from screenpop.ui.app import GuiOptions, run_gui
    except ImportError as exc:
        _say(
            f"the desktop window cannot start ({exc.name or 'a module'} is missing); "
            f"'{PROG} {_LOOKUP}' works without it"
        )
        return EXIT_GUI_UNAVAILABLE
    options = GuiOptions(
        settings=settings,
        password=password,
        demo=args.demo,
        initial=args.initial,
        launch_lock=lock,
        appearance=args.appearance,
        language=args.language,
    )
    return int(run_gui(options) or 0)


def _gui_password(args: argparse.Namespace, settings: ConnectionSettings | None) -> str | None:
    """stdin when asked; a terminal prompt when started from one; else the window asks."""
    if args.password_stdin:
        return read_password(True, "")
    if settings is not None and sys.stdin is not None and sys.stdin.isatty():
        return _prompt_password(settings.user)
    return None


def _gui_settings(args: argparse.Namespace) -> ConnectionSettings | None:
    """Settings from the command line, overriding the saved ones; None to use those."""
    overrides = (args.user, args.response_type, args.method, args.country)
    if args.server is None:
        if any(value is not None for value in overrides):
            raise UsageError("--user, --response-type, --method and --country need --server")
        return None
    from screenpop.core.config import ConnectionSettings

    settings = ConnectionSettings(
        server=args.server,
        user=args.user or "",
        response_type=args.response_type or "json",
        method=args.method or "post",
        default_country=args.country or "US",
    )
    _ = settings.endpoint  # ConfigError (exit 2) now rather than in the window
    return settings
