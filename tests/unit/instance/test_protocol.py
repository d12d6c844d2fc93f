"""The launch <-> instance line protocol, without sockets."""

import pytest

from screenpop.instance.protocol import (
    MAX_LINE,
    PopMessage,
    ProtocolError,
    ack_line,
    decode_pop,
    decode_reply,
    error_line,
)


def test_pop_round_trip_with_tokens():
    message = PopMessage(arg="tel:+1-800-432-1000", activation_token="a", startup_id="b")
    line = message.encode()
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode_pop(line) == message


def test_pop_is_one_ascii_line_even_for_non_ascii_args():
    line = PopMessage(arg="tel:+52 33 1234 5678\n;ñ").encode()
    assert line.isascii()
    assert decode_pop(line).arg == "tel:+52 33 1234 5678\n;ñ"


def test_tokens_come_from_the_launch_environment(monkeypatch):
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "wayland-token")
    monkeypatch.setenv("DESKTOP_STARTUP_ID", "x11-id")
    message = PopMessage.from_environment("8004321000")
    assert (message.activation_token, message.startup_id) == ("wayland-token", "x11-id")


def test_replies():
    assert decode_reply(ack_line()) is True
    with pytest.raises(ProtocolError, match="busy"):
        decode_reply(error_line("busy"))


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"\xff\xfe",
        b"null",
        b'{"type": "pop", "arg": "x"}',
        b'{"v": "1", "type": "pop", "arg": "x"}',
        b'{"v": 1, "type": "pop"}',
        b'{"v": 1, "type": "pop", "arg": "x", "activation_token": 3}',
        b'{"v": 1, "type": "pop", "arg": "' + b"1" * MAX_LINE + b'"}',
        b"[" * 100_000,
    ],
)
def test_bad_lines_are_protocol_errors(line):
    with pytest.raises(ProtocolError):
        decode_pop(line)
