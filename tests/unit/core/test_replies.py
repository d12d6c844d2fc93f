"""Reply parsing: every quirk of real goAPI servers, in JSON and in XML."""

from __future__ import annotations

import json

import pytest

from screenpop.core import errors
from screenpop.core.replies import decode_body, parse_reply
from tests.vendor_page import VENDOR_EXAMPLE


def parse(body: bytes | str, what: str = "phone number 8004321000"):
    raw = body.encode("utf-8") if isinstance(body, str) else body
    return parse_reply(raw, what=what, user="agent7")


def with_changes(**changes) -> str:
    payload = json.loads(json.dumps(VENDOR_EXAMPLE))
    payload.update(changes)
    return json.dumps(payload)


def xml_reply(inner: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<goautodialapi version="4.0">'
        f"<action>goGetCustomerInfo</action>{inner}</goautodialapi>"
    )


# --- JSON success -----------------------------------------------------------


def test_vendor_example_gives_every_documented_field():
    info = parse(json.dumps(VENDOR_EXAMPLE))
    for name, value in VENDOR_EXAMPLE["lead_info"].items():
        assert info.lead[name] == str(value)
    assert info.lead.full_name == "Bruno M Macias"
    assert info.custom_fields == {}
    assert info.is_customer is False


def test_numbers_and_strings_give_the_same_text():
    as_strings = {k: str(v) for k, v in VENDOR_EXAMPLE["lead_info"].items()}
    info = parse(with_changes(lead_info=as_strings))
    assert info.lead["lead_id"] == "14246"
    assert info.lead["list_id"] == "22799125"


def test_float_ids_lose_the_decimal_point():
    lead = dict(VENDOR_EXAMPLE["lead_info"], lead_id=14246.0)
    assert parse(with_changes(lead_info=lead)).lead.lead_id == "14246"


@pytest.mark.parametrize("custom_info", [None, [], {}, ""])
def test_custom_info_absent_forms_mean_no_custom_fields(custom_info):
    assert parse(with_changes(custom_info=custom_info)).custom_fields == {}


def test_custom_info_object_keeps_columns_in_order():
    custom = {"plan_name": "Gold", "monthly_fee": 49.5, "contract_end": "2027-01-31"}
    info = parse(with_changes(custom_info=custom))
    assert list(info.custom_fields) == ["plan_name", "monthly_fee", "contract_end"]
    assert info.custom_fields["monthly_fee"] == "49.5"


def test_custom_info_missing_key_means_no_custom_fields():
    payload = dict(VENDOR_EXAMPLE)
    del payload["custom_info"]
    assert parse(json.dumps(payload)).custom_fields == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, False),
        (1, True),
        (2, True),
        ("0", False),
        ("1", True),
        ("3", True),
        (True, True),
        (False, False),
        ("true", True),
        ("false", False),
        (None, False),
        ("", False),
        ("n/a", None),
    ],
)
def test_is_customer_as_int_str_or_bool(value, expected):
    assert parse(with_changes(is_customer=value)).is_customer is expected


def test_unknown_lead_fields_are_kept():
    lead = dict(VENDOR_EXAMPLE["lead_info"], vendor_lead_code="VX-889", rank=3)
    info = parse(with_changes(lead_info=lead))
    assert info.lead.extra == {"vendor_lead_code": "VX-889", "rank": "3"}
    assert info.to_json_dict()["lead"]["vendor_lead_code"] == "VX-889"


def test_missing_documented_fields_are_empty_not_errors():
    info = parse(with_changes(lead_info={"lead_id": "5", "first_name": "Ana"}))
    assert info.lead["email"] == ""
    assert info.lead.full_name == "Ana"


@pytest.mark.parametrize("empty_date", ["0000-00-00", "0000-00-00 00:00:00"])
def test_mysql_zero_date_is_shown_empty(empty_date):
    lead = dict(VENDOR_EXAMPLE["lead_info"], date_of_birth=empty_date)
    assert parse(with_changes(lead_info=lead)).lead["date_of_birth"] == ""


def test_null_field_values_are_empty():
    lead = dict(VENDOR_EXAMPLE["lead_info"], email=None, address2=None)
    info = parse(with_changes(lead_info=lead))
    assert info.lead["email"] == ""


def test_php_notices_before_json_are_skipped():
    notice = (
        "<br />\n<b>Notice</b>:  Undefined index: goLeadID in "
        "<b>/var/www/html/goAPIv2/goAgent/goGetCustomerInfo.php</b> on line <b>12</b><br />\n"
    )
    info = parse(notice * 2 + json.dumps(VENDOR_EXAMPLE))
    assert info.lead["first_name"] == "Bruno"


def test_php_notice_after_json_is_ignored():
    info = parse(json.dumps(VENDOR_EXAMPLE) + "\n<br />\n<b>Warning</b>: something")
    assert info.lead["first_name"] == "Bruno"


def test_utf8_bom_is_tolerated():
    assert parse(b"\xef\xbb\xbf" + json.dumps(VENDOR_EXAMPLE).encode()).lead.lead_id == "14246"


def test_non_ascii_values_survive():
    lead = dict(VENDOR_EXAMPLE["lead_info"], first_name="José", last_name="Ñúñez Peña")
    body = json.dumps({**VENDOR_EXAMPLE, "lead_info": lead}, ensure_ascii=False)
    assert parse(body).lead.full_name == "José M Ñúñez Peña"


def test_latin1_body_is_decoded_not_rejected():
    # Old MySQL setups send Windows-1252 even when they say UTF-8.
    assert decode_body("Peña".encode("cp1252")) == "Peña"


# --- JSON errors --------------------------------------------------------------


def error_body(message: str, **extra: str) -> str:
    return json.dumps({"result": "error", "message": message, **extra})


def test_login_incorrect_never_shows_auth_message():
    body = error_body(
        "Login incorrect, please try again",
        auth_message="SELECT user,pass FROM vicidial_users WHERE user='agent7'",
    )
    with pytest.raises(errors.LoginIncorrect) as caught:
        parse(body)
    assert "SELECT" not in caught.value.user_message
    assert "vicidial_users" not in str(caught.value)


def test_lockout_says_when_it_ends():
    with pytest.raises(errors.AccountLocked) as caught:
        parse(error_body("Too many login attempts, try again in 15 minutes"))
    assert "Try again after" in caught.value.user_message
    assert caught.value.locked_until is not None


def test_no_api_access_names_the_user():
    with pytest.raises(errors.ApiAccessDenied, match="agent7"):
        parse(error_body("User 'agent7' is NOT allowed to access GOagent API"))


def test_lead_not_found_names_the_search():
    with pytest.raises(errors.LeadNotFound, match="phone number 8004321000"):
        parse(error_body("Lead ID '8004321000' does NOT exist on the database"))


def test_no_lead_specified():
    with pytest.raises(errors.NoLeadSpecified):
        parse(error_body("You did NOT specify a valid Lead ID"))


@pytest.mark.parametrize(
    "message", ["Command NOT Found", "ERRNOPHONES", "goAction should NOT be empty"]
)
def test_other_server_messages_are_quoted(message):
    with pytest.raises(errors.ServerRejected, match=message):
        parse(error_body(message))


def test_error_without_message():
    with pytest.raises(errors.UnexpectedReply, match="without a message"):
        parse(json.dumps({"result": "error"}))


def test_plain_text_reply_for_a_bad_responsetype():
    body = "result=error;message=This API function only accepts XML or JSON value on responsetype;"
    with pytest.raises(errors.ServerRejected, match="only accepts XML or JSON"):
        parse(body)


# --- broken JSON --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "error", "phrase"),
    [
        ("", errors.MalformedReply, "empty"),
        ("   \n", errors.MalformedReply, "empty"),
        (json.dumps(VENDOR_EXAMPLE)[:60], errors.MalformedReply, "cut off"),
        ('{"result": "success", oops}', errors.MalformedReply, "invalid JSON"),
        ("[1, 2]", errors.UnexpectedReply, "a list"),
        ('"success"', errors.UnexpectedReply, "text"),
        ("null", errors.UnexpectedReply, "null"),
        ('{"lead_info": {}}', errors.UnexpectedReply, "no 'result'"),
        ('{"result": "success", "lead_info": null}', errors.UnexpectedReply, "'lead_info' is null"),
        ('{"result": "success", "lead_info": []}', errors.UnexpectedReply, "'lead_info' is a list"),
        ('{"result": "success"}', errors.UnexpectedReply, "'lead_info' is null"),
        (
            "<html><body><form>Sign in to Wi-Fi</form></body></html>",
            errors.HtmlPageError,
            "web page",
        ),
        ("<!DOCTYPE html><title>502 Bad Gateway</title>", errors.HtmlPageError, "web page"),
        ("<br />\n<b>Fatal error</b>: Uncaught Error", errors.MalformedReply, "PHP errors"),
        ("OK", errors.MalformedReply, "neither JSON nor XML"),
    ],
)
def test_broken_bodies_give_specific_errors(body, error, phrase):
    with pytest.raises(error) as caught:
        parse(body)
    assert phrase in caught.value.user_message


def test_deeply_nested_json_is_refused_not_crashing():
    with pytest.raises(errors.ServerError):
        parse("[" * 100_000 + "]" * 100_000)


# --- XML ----------------------------------------------------------------------


def test_xml_success():
    fields = "".join(
        f"<{name}>{value}</{name}>" for name, value in VENDOR_EXAMPLE["lead_info"].items()
    )
    body = xml_reply(
        f"<result>success</result><lead_info>{fields}</lead_info>"
        "<custom_info/><is_customer>1</is_customer>"
    )
    info = parse(body)
    assert info.lead["city"] == "Guadalajara"
    assert info.custom_fields == {}
    assert info.is_customer is True


def test_xml_custom_fields_and_escaped_text():
    body = xml_reply(
        "<result>success</result><lead_info><lead_id>7</lead_id>"
        "<first_name>Zoë &amp; &lt;Co&gt;</first_name></lead_info>"
        "<custom_info><plan_name>Gold</plan_name><notes></notes></custom_info>"
        "<is_customer>0</is_customer>"
    )
    info = parse(body)
    assert info.lead["first_name"] == "Zoë & <Co>"
    assert info.custom_fields == {"plan_name": "Gold", "notes": ""}


def test_xml_error_message_is_mapped():
    body = xml_reply("<result>error</result><message>Login incorrect, please try again</message>")
    with pytest.raises(errors.LoginIncorrect):
        parse(body)


def test_xml_after_php_notice():
    body = "<br />\n<b>Notice</b>: x<br />\n" + xml_reply(
        "<result>success</result><lead_info><lead_id>9</lead_id></lead_info>"
    )
    assert parse(body).lead.lead_id == "9"


def test_xml_entity_bomb_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<goautodialapi><result>success</result><lead_info><first_name>&lol2;</first_name>"
        "</lead_info></goautodialapi>"
    )
    with pytest.raises(errors.MalformedReply, match="refused"):
        parse(bomb)


def test_xml_external_entity_is_refused():
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<goautodialapi><result>success</result><lead_info><first_name>&x;</first_name>"
        "</lead_info></goautodialapi>"
    )
    with pytest.raises(errors.MalformedReply, match="refused"):
        parse(xxe)


def test_truncated_xml():
    with pytest.raises(errors.MalformedReply, match="invalid XML"):
        parse(xml_reply("<result>success</result><lead_info><lead_id>9</lead_")[:-20])


def test_xml_of_the_wrong_shape():
    with pytest.raises(errors.UnexpectedReply, match="no 'result'"):
        parse('<?xml version="1.0"?><goautodialapi><other>1</other></goautodialapi>')


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_constants_are_refused(constant):
    with pytest.raises(errors.MalformedReply, match="does not allow"):
        parse('{"result": "success", "lead_info": {"lead_id": ' + constant + "}}")


def test_absurdly_long_integer_is_refused():
    with pytest.raises(errors.MalformedReply):
        parse('{"result": "success", "lead_info": {"lead_id": ' + "9" * 5000 + "}}")


@pytest.mark.parametrize("lead_info", ["{}", '{"lead_id": ""}', '{"lead_id": null}'])
def test_success_without_a_lead_id_is_not_a_record(lead_info):
    with pytest.raises(errors.UnexpectedReply, match="no lead_id"):
        parse('{"result": "success", "lead_info": ' + lead_info + "}")


def test_plain_text_message_is_read_to_its_end():
    with pytest.raises(errors.ServerRejected) as caught:
        parse("result=error;message=bad thing; more detail;")
    assert caught.value.server_message == "bad thing; more detail"


def test_server_message_is_scrubbed_before_it_is_shortened():
    long_echo = "x " * 140 + "Secretpass123 " * 3
    body = json.dumps({"result": "error", "message": long_echo})
    with pytest.raises(errors.ServerRejected) as caught:
        parse_reply(body.encode(), what="lead ID 1", user="u", secret="Secretpass123")
    assert "Secret" not in caught.value.user_message


def test_lone_surrogate_becomes_a_question_mark():
    lead = dict(VENDOR_EXAMPLE["lead_info"], first_name="A\\ud800B")
    body = json.dumps({**VENDOR_EXAMPLE, "lead_info": lead}).replace("\\\\ud800", "\\ud800")
    assert parse(body).lead["first_name"] == "A?B"
