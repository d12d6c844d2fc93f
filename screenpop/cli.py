"""The ``screenpop`` command: the desktop window, or one lookup in a terminal.

    screenpop [options] [-- NUMBER_OR_URI]        open the window (optionally on a number)
    screenpop lookup --phone P | --lead-id N | --uri URI [options]

The number or link given to the window is untrusted: the OS passes whatever
``tel:`` link an agent clicked. Everything after ``--`` is therefore split off
before argparse sees the command line, so a link such as
``tel:--log-level=debug`` can never be read as an option.

Imports are lazy: ``--version`` loads neither httpx nor phonenumbers, and
``screenpop lookup`` never loads Qt.

Exit codes: 0 found, 2 usage (bad arguments, number, lead ID or server),
3 no such record, 4 login refused, 5 server or network trouble, 1 the window
cannot start, 130 interrupted.
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
    from screenpop.core.errors import ScreenpopError
    from screenpop.core.goapi import Timeouts
    from screenpop.core.intake import PopRequest
    from screenpop.core.models import CustomerInfo

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

    ``ns.command`` is ``"lookup"`` or ``"gui"``; for the window,
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
    return _parse_gui_args(args)


def _parse_gui_args(args: list[str]) -> argparse.Namespace:
    trusted, untrusted = _split_at_separator(args)
    namespace = _gui_parser().parse_args(trusted)
    namespace.command = "gui"
    if untrusted:
        if namespace.initial is not None or len(untrusted) > 1:
            raise UsageError("give at most one number or link")
        namespace.initial = untrusted[0]
    elif namespace.initial == _LOOKUP:
        raise UsageError("'lookup' must come first: screenpop lookup --phone NUMBER")
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
    _add_connection_options(parser, country_default=None, typed_defaults=False)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
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
    _add_connection_options(parser, country_default="US", typed_defaults=True)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--timeout", type=_seconds, metavar="SECONDS", help="give up after this long"
    )
    return parser


def _add_connection_options(
    parser: argparse.ArgumentParser, *, country_default: str | None, typed_defaults: bool
) -> None:
    parser.add_argument("--demo", action="store_true", help="use the built-in demo server")
    parser.add_argument("--server", help="dialer DOMAIN, host or URL")
    parser.add_argument("--user", help="dialer user name")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    parser.add_argument(
        "--response-type",
        choices=("json", "xml"),
        default="json" if typed_defaults else None,
        help="reply format to ask for (default json)",
    )
    parser.add_argument(
        "--method",
        choices=("post", "get"),
        default="post" if typed_defaults else None,
        help="HTTP method (default post; get puts the password in the URL)",
    )
    parser.add_argument(
        "--country",
        type=_country,
        default=country_default,
        metavar="CC",
        help="country for numbers without a country code (default US)",
    )
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
    _configure_logging(args.log_level)
    try:
        return _lookup_command(args) if args.command == _LOOKUP else _gui_command(args)
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


def _configure_logging(level_name: str) -> None:
    level = getattr(logging, level_name)
    logging.basicConfig(stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)
    # httpx logs each request URL at INFO: a GET URL holds the password and the number.
    logging.getLogger("httpx").setLevel(max(level, logging.WARNING))


def _redact_in_logs(password: str) -> None:
    from screenpop.core.redact import SecretFilter

    redactor = SecretFilter()
    redactor.add_secret(password)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)


# -------------------------------------------------------------------- lookup


def _lookup_command(args: argparse.Namespace) -> int:
    request = pop_request(args)
    info = _fetch(args, request)
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


def _fetch(args: argparse.Namespace, request: PopRequest) -> CustomerInfo:
    if args.demo:
        return _fetch_from_demo(args, request)
    server = _required(args.server, "--server")
    user = _required(args.user, "--user")
    settings = _settings(args, server=server, user=user)
    _ = settings.endpoint  # an unusable server fails before the password is asked for
    password = read_password(args.password_stdin, user)
    _redact_in_logs(password)
    return _run_lookup(settings, password, request)


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
        raise UsageError(f"{option} is required (or use --demo)")
    return value


def _settings(args: argparse.Namespace, *, server: str, user: str) -> ConnectionSettings:
    from screenpop.core.config import ConnectionSettings

    return ConnectionSettings(
        server=server,
        user=user,
        response_type=args.response_type,
        method=args.method,
        timeouts=_timeouts(args.timeout),
        default_country=args.country,
    )


def _timeouts(seconds: float | None) -> Timeouts:
    from screenpop.core.goapi import Timeouts

    default = Timeouts()
    if seconds is None:
        return default
    return Timeouts(connect=min(default.connect, seconds), read=seconds, total=seconds)


def _run_lookup(settings: ConnectionSettings, password: str, request: PopRequest) -> CustomerInfo:
    import asyncio

    what = "lead ID" if request.lead_id else "phone number"
    log.debug(
        "looking up a %s on %s (%s, %s)",
        what,
        settings.endpoint,
        settings.method.upper(),
        settings.response_type,
    )
    return asyncio.run(_lookup(settings, password, request))


async def _lookup(settings: ConnectionSettings, password: str, request: PopRequest) -> CustomerInfo:
    client = settings.make_client(password)
    try:
        return await client.get_customer_info(phone=request.phone, lead_id=request.lead_id)
    finally:
        await client.aclose()


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
    options = GuiOptions(settings=settings, password=password, demo=args.demo, initial=args.initial)
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
