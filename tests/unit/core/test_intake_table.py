"""The URI table: valid, odd and hostile links, and what each must become.

Each row: the text as it arrives, then the expected national number,
extension and lead ID, or the phrase the error must contain. Numbers without
a country code are read as US numbers (the default country).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.core.errors import InputError
from screenpop.core.intake import PopRequest, parse_input

OK = [
    # text, phone, extension, lead_id
    ("tel:+1-800-432-1000", "8004321000", None, None),
    ("tel:+18004321000", "8004321000", None, None),
    ("tel:8004321000", "8004321000", None, None),
    ("tel:(800)432-1000", "8004321000", None, None),
    ("tel:800.432.1000", "8004321000", None, None),
    ("tel:+1.800.432.1000", "8004321000", None, None),
    ("tel:1-800-432-1000", "8004321000", None, None),
    ("TEL:+18004321000", "8004321000", None, None),
    ("Tel:+1 800 432 1000", "8004321000", None, None),
    ("tel://+18004321000", "8004321000", None, None),
    ("tel:// 8004321000", "8004321000", None, None),
    ("tel: +1 800 432 1000", "8004321000", None, None),
    ("tel:0018004321000", "8004321000", None, None),
    ("tel:%2B1%20800%20432%201000", "8004321000", None, None),
    ("tel:+1-800-432-1000;ext=123", "8004321000", "123", None),
    ("tel:+1-800-432-1000;EXT=9", "8004321000", "9", None),
    ("tel:+1-800-432-1000;ext=", "8004321000", None, None),
    ("tel:+1-800-432-1000;isub=5", "8004321000", None, None),
    ("tel:+1-800-432-1000;isub=5;ext=77", "8004321000", "77", None),
    ("tel:+1-800-432-1000;phone-context=example.com", "8004321000", None, None),
    ("tel:4321000;phone-context=+1-800", "8004321000", None, None),
    ("tel:+1-800-432-1000;foo=bar;baz", "8004321000", None, None),
    ("tel:+1 800 432 1000 x55", "8004321000", "55", None),
    ("tel:+1 (800) 432-1000 ext 7", "8004321000", "7", None),
    ("tel:800-432-1000,55", "8004321000", "55", None),
    ("tel:+1-800-432-1000%3Bext%3D9", "8004321000", "9", None),
    ("tel:+52-33-1234-5678", "3312345678", None, None),
    ("tel:+52 1 33 1234 5678", "3312345678", None, None),
    ("tel:+44 20 7946 0958", "2079460958", None, None),
    ("tel:+39 06 1234 5678", "0612345678", None, None),
    ("tel:+49 30 123456", "30123456", None, None),
    ("tel:8004321000;lead_id=14246", None, None, "14246"),
    ("tel:8004321000;leadid=14246", None, None, "14246"),
    ("tel:8004321000;LEAD_ID=14246", None, None, "14246"),
    ("tel:;lead_id=14246", None, None, "14246"),
    ("tel:+1 800 432 1000;ext=12;lead_id=14246", None, None, "14246"),
    ("callto:+18004321000", "8004321000", None, None),
    ("callto://+18004321000", "8004321000", None, None),
    ("callto:8004321000", "8004321000", None, None),
    ("callto:+1 800 432 1000", "8004321000", None, None),
    ("CALLTO://+1-800-432-1000", "8004321000", None, None),
    ("sip:+12065551234@gw.example.com;user=phone", "2065551234", None, None),
    ("sip:2065551234@10.0.0.1", "2065551234", None, None),
    ("sips:+12065551234@gw", "2065551234", None, None),
    ("sip:+1-206-555-1234@gw;user=phone", "2065551234", None, None),
    ("sip:+12065551234", "2065551234", None, None),
    ("sip:+12065551234;user=phone@gw", "2065551234", None, None),
    ("sip://+12065551234@gw", "2065551234", None, None),
    ("8004321000", "8004321000", None, None),
    ("+1 (800) 432-1000", "8004321000", None, None),
    ("800-432-1000 ext. 12", "8004321000", "12", None),
    ("  8004321000  ", "8004321000", None, None),
    ("1234", "1234", None, None),
    ("911", "911", None, None),
]

ERRORS = [
    # text, phrase in the error
    ("", "Enter a phone number"),
    ("   ", "Enter a phone number"),
    ("tel:", "holds no phone number"),
    ("tel:+", "holds no phone number"),
    ("tel:;ext=5", "holds no phone number"),
    ("callto:", "holds no phone number"),
    ("sip:@gw", "holds no phone number"),
    ("1-800-FLOWERS", "not a phone number"),
    ("tel:1-800-FLOWERS", "not a phone number"),
    ("sip:alice@example.com", "not a phone number"),
    ("tel:--log-level=debug", "not a phone number"),
    ("-settings", "not a phone number"),
    ("--version", "not a phone number"),
    ("tel:8004321000;lead_id=abc", "not a lead ID"),
    ("tel:8004321000;lead_id=", "Enter a lead ID"),
    ("mailto:someone@example.com", "'mailto:' links are not phone numbers"),
    ("http://evil.example/", "'http:' links are not phone numbers"),
    ("javascript:alert(1)", "'javascript:' links are not phone numbers"),
    ("file:///etc/passwd", "'file:' links are not phone numbers"),
    ("tel:%252B18004321000", "not a phone number"),
    ("tel:+1-800-432-1000-0000-0000-0000", "too many digits"),
    ("tel:" + "1" * 1000, "far too long"),
    ("tel:\uff18\uff10\uff10\uff14\uff13\uff12\uff11\uff10\uff10\uff10", "not a phone number"),
    ("tel:+1\u202e8004321000", "not a phone number"),
    ("tel:%E2%80%AE8004321000", "not a phone number"),
    ("tel:8004321000\x00", "not a phone number"),
    ("tel:%008004321000", "not a phone number"),
    ("tel:800<script>", "not a phone number"),
    ("tel:8004321000\nX-Header: 1", "not a phone number"),
]


def _ids(rows: list[tuple]) -> list[str]:
    return [repr(row[0])[:40] for row in rows]


@pytest.mark.parametrize(("text", "phone", "extension", "lead_id"), OK, ids=_ids(OK))
def test_valid_and_odd_forms(text, phone, extension, lead_id):
    request = parse_input(text, default_country="US")
    assert (request.phone, request.extension, request.lead_id) == (phone, extension, lead_id)


@pytest.mark.parametrize(("text", "phrase"), ERRORS, ids=_ids(ERRORS))
def test_hostile_and_broken_forms(text, phrase):
    with pytest.raises(InputError) as caught:
        parse_input(text, default_country="US")
    assert phrase in caught.value.user_message


def test_the_table_is_big_enough():
    assert len(OK) + len(ERRORS) >= 60


def _only_digits_reach_the_server(request: PopRequest) -> None:
    for value in (request.phone, request.lead_id):
        assert value is None or (value.isascii() and value.isdigit())
    assert request.phone or request.lead_id


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_digits_or_our_own_error(text):
    try:
        request = parse_input(text)
    except InputError as error:
        assert error.user_message
    else:
        _only_digits_reach_the_server(request)


URI_ALPHABET = st.sampled_from([*"0123456789+-.()/ ;=%#,xX@:abcdefABCDEF", "ext=", "lead_id="])


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["tel:", "callto:", "callto://", "sip:", "sips:", "TEL://", ""]),
    st.lists(URI_ALPHABET, max_size=40).map("".join),
)
def test_uri_like_text_gives_digits_or_our_own_error(scheme, rest):
    try:
        request = parse_input(scheme + rest)
    except InputError as error:
        assert error.user_message
    else:
        _only_digits_reach_the_server(request)
