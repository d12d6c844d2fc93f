"""Input bar and link intake: everyday forms -> national digits."""

import pytest

from screenpop.core.errors import InputError
from screenpop.core.intake import parse_input, parse_lead_id


@pytest.mark.parametrize(
    ("text", "country", "phone"),
    [
        ("8004321000", "US", "8004321000"),
        ("(800) 432-1000", "US", "8004321000"),
        ("800.432.1000", "US", "8004321000"),
        ("+1 800 432 1000", "US", "8004321000"),
        ("+52 33 1234 5678", "US", "3312345678"),
        ("0052 33 1234 5678", "US", "3312345678"),
        ("33 1234 5678", "MX", "3312345678"),
        ("tel:+1-800-432-1000", "US", "8004321000"),
        ("TEL:+18004321000", "US", "8004321000"),
        ("tel://8004321000", "US", "8004321000"),
        ("tel:%2B52%2033%201234%205678", "US", "3312345678"),
        ("callto:+18004321000", "US", "8004321000"),
        ("callto://+18004321000", "US", "8004321000"),
        ("sip:+12065551234@gw.example.com;user=phone", "US", "2065551234"),
        ("sips:2065551234@gw", "US", "2065551234"),
        ("tel:4321000;phone-context=+1800", "US", "8004321000"),
        ("1234", "US", "1234"),
    ],
)
def test_numbers_become_national_digits(text, country, phone):
    request = parse_input(text, default_country=country)
    assert request.phone == phone
    assert request.lead_id is None
    assert request.raw == text


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("tel:+1-800-432-1000;ext=55", "55"),
        ("800-432-1000 x123", "123"),
        ("800-432-1000 ext. 9", "9"),
    ],
)
def test_extension_is_kept_out_of_the_lookup(text, extension):
    request = parse_input(text)
    assert request.phone == "8004321000"
    assert request.extension == extension


def test_display_form_for_the_agent():
    assert parse_input("8004321000").display == "+1 800-432-1000"


@pytest.mark.parametrize("text", ["tel:8004321000;lead_id=14246", "tel:x;leadid=14246"])
def test_lead_id_parameter_makes_a_lead_lookup(text):
    request = parse_input(text)
    assert request.lead_id == "14246"
    assert request.phone is None


@pytest.mark.parametrize("text", ["14246", "#14246", " lead 14246 ", "Lead ID: 14246", "0014246"])
def test_lead_ids(text):
    assert parse_lead_id(text).lead_id == "14246"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("", "Enter a phone number"),
        ("   ", "Enter a phone number"),
        ("1-800-FLOWERS", "not a phone number"),
        ("tel:", "holds no phone number"),
        ("mailto:a@b.c", "'mailto:' links are not phone numbers"),
        ("1" * 30, "too many digits"),
        ("x" * 600, "far too long"),
        ("٨٠٠٤٣٢١٠٠٠", "not a phone number"),
    ],
)
def test_bad_numbers_get_specific_errors(text, phrase):
    with pytest.raises(InputError, match=phrase):
        parse_input(text)


@pytest.mark.parametrize("text", ["", "abc", "14a", "1" * 30, "-5"])
def test_bad_lead_ids(text):
    with pytest.raises(InputError):
        parse_lead_id(text)
