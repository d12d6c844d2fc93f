"""Readable values and the "Open in web" link: pure functions, no Qt."""

from datetime import date

import pytest

from screenpop.core import display
from screenpop.core.errors import ConfigError
from screenpop.core.weblink import build_web_url, check_web_url_template, placeholders

TODAY = date(2026, 5, 1)


@pytest.mark.parametrize(
    ("code", "shown"),
    [("M", "Male"), ("F", "Female"), ("U", "Unknown"), ("m", "Male"), ("X", "X"), ("", "")],
)
def test_gender_codes_read_as_words(code, shown):
    assert display.gender_text(code) == shown


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("PU", "Call Picked Up (PU)"),
        ("NEW", "New Lead (NEW)"),
        ("DNC", "DO NOT CALL (DNC)"),
        ("A", "Answering Machine (A)"),
        ("SVYHU", "Survey Hungup (SVYHU)"),
        ("MYCODE", "MYCODE"),  # a campaign's own status: just the code
        ("", ""),
    ],
)
def test_status_keeps_the_code_beside_its_meaning(code, shown):
    assert display.status_text(code) == shown


def test_status_meaning_can_be_translated():
    assert display.status_text("SALE", str.upper) == "SALE MADE (SALE)"


def test_country_keeps_the_code():
    assert display.country_text("MX", "Mexico") == "MX — Mexico"
    assert display.country_text("MX", "") == "MX"
    assert display.country_text("", "") == ""


@pytest.mark.parametrize(
    ("number", "country", "shown"),
    [
        ("2065551234", "US", "(206) 555-1234"),
        ("8004321000", "MX", "800 432 1000"),
        ("3312345678", "mx", "33 1234 5678"),
        ("2065551234", "", "2065551234"),  # no known region: as is
        ("2065551234", "1", "2065551234"),
        ("12", "US", "12"),  # not a possible number: as is
        ("not a number", "US", "not a number"),
        ("", "US", ""),
    ],
)
def test_phone_numbers_are_formatted_for_reading(number, country, shown):
    assert display.phone_text(number, country) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1979-12-02", "1979-12-02 (age 46)"),
        ("1979-05-01", "1979-05-01 (age 47)"),  # birthday today
        ("1979-05-02", "1979-05-02 (age 46)"),  # tomorrow
        ("1825-10-23", "⚠ 1825-10-23 (implausible)"),  # the vendor page's example
        ("2030-01-01", "⚠ 2030-01-01 (implausible)"),  # in the future
        ("1979-02-30", "⚠ 1979-02-30 (implausible)"),
        ("yesterday", "⚠ yesterday (implausible)"),
        ("1979-12-02 00:00:00", "1979-12-02 00:00:00 (age 46)"),
        ("", ""),
    ],
)
def test_date_of_birth_shows_the_age_or_a_warning(value, shown):
    assert display.birth_date_text(value, TODAY) == shown


# --- Open in web ---------------------------------------------------------------


def test_values_are_url_encoded():
    url = build_web_url(
        "https://dialer.example.com/lead?id={lead_id}&q={comments}#{city}",
        {"lead_id": "14246", "comments": "a b&c#d/e", "city": "Kraków"},
    )
    assert url == ("https://dialer.example.com/lead?id=14246&q=a%20b%26c%23d%2Fe#Krak%C3%B3w")


def test_a_missing_field_becomes_empty():
    assert build_web_url("https://x.example/{lead_id}/{email}", {"lead_id": "1"}) == (
        "https://x.example/1/"
    )


@pytest.mark.parametrize(
    "template",
    ["", "https://x.example/{lead_id}", "http://localhost:8080/a?p={phone_number}&l={list_id}"],
)
def test_usable_templates_pass(template):
    check_web_url_template(template)


@pytest.mark.parametrize(
    ("template", "says"),
    [
        ("ftp://x.example/{lead_id}", "https://"),
        ("javascript:alert({lead_id})", "https://"),
        ("https://x.example/leads", "at least one field"),
        ("https://x.example/{nope}", "unknown fields: {nope}"),
        ("https://x.example/{lead_id!r}", "format"),
        ("https://x.example/{lead_id", "brace"),
        ("https://x.example/{}", "unknown fields"),
    ],
)
def test_unusable_templates_are_refused_clearly(template, says):
    with pytest.raises(ConfigError) as caught:
        check_web_url_template(template)
    assert says in caught.value.user_message


def test_placeholders_in_order():
    assert placeholders("https://x/{list_id}/{lead_id}?{{literal}}") == ["list_id", "lead_id"]


def test_settings_keep_the_display_options_and_refuse_a_bad_template(tmp_path):
    from screenpop.core.config import ConnectionSettings, load_settings, save_settings

    path = tmp_path / "settings.json"
    good = ConnectionSettings(
        hide_empty_fields=True, web_url_template="https://x.example/{lead_id}"
    )
    save_settings(good, path)
    assert load_settings(path) == (good, [])
    with pytest.raises(ConfigError, match="unknown fields"):
        save_settings(ConnectionSettings(web_url_template="https://x.example/{id}"), path)
    loaded, warnings = ConnectionSettings.from_json_dict(
        {"hide_empty_fields": "yes", "web_url_template": "https://x.example/{id}"}
    )
    assert (loaded.hide_empty_fields, loaded.web_url_template) == (False, "")
    assert len(warnings) == 2


def test_country_names_in_the_language_asked_for():
    from screenpop.core.display import territory_name

    assert territory_name("MX", "es") == "México"
    assert territory_name("mx", "en") == "Mexico"
    assert territory_name("PL", "xx-unknown") == "Poland"  # unknown language: English
    assert territory_name("ZZ") == territory_name("M1") == territory_name("MEX") == ""


def test_without_country_data_the_code_still_shows(monkeypatch):
    from screenpop.core import display

    def broken(_language):
        raise ModuleNotFoundError("babel.dates")

    monkeypatch.setattr(display, "_territories", broken)
    assert display.territory_name("MX", "es") == ""
    assert display.country_text("MX", display.territory_name("MX", "es")) == "MX"
