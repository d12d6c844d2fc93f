"""Property tests: whatever a server sends, the parser gives a record or one of
Screenpop's own documented errors, never anything else."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.core import errors
from screenpop.core.models import CustomerInfo
from screenpop.core.replies import parse_reply

FUZZ = settings(max_examples=300, deadline=None)


def outcome(body: bytes) -> object:
    try:
        return parse_reply(body, what="phone number 8004321000", user="agent7", secret="s3cret!")
    except errors.DialerError as error:
        assert error.user_message
        assert "s3cret!" not in error.user_message
        return error


def assert_documented(result: object) -> None:
    assert isinstance(result, (CustomerInfo, errors.DialerError)), type(result)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
lead_keys = st.sampled_from(["lead_id", "first_name", "phone_number", "date_of_birth", "x"])


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(body):
    assert_documented(outcome(body))


@FUZZ
@given(json_values)
def test_arbitrary_json_trees(value):
    assert_documented(outcome(json.dumps(value).encode()))


@FUZZ
@given(
    st.sampled_from(["success", "error", "SUCCESS", "", None, 1]),
    st.one_of(json_values, st.dictionaries(lead_keys, json_values, max_size=6)),
    json_values,
    json_values,
    st.one_of(st.none(), st.text(max_size=80)),
)
def test_reply_shaped_json(result, lead_info, custom_info, is_customer, message):
    payload = {
        "result": result,
        "lead_info": lead_info,
        "custom_info": custom_info,
        "is_customer": is_customer,
        "message": message,
    }
    assert_documented(outcome(json.dumps(payload).encode()))


@FUZZ
@given(st.text(max_size=300), json_values)
def test_noise_before_json(noise, value):
    assert_documented(outcome((noise + json.dumps(value)).encode("utf-8", "surrogatepass")))


xml_names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True)
xml_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@st.composite
def xml_trees(draw, depth=0):
    element = ElementTree.Element(draw(xml_names))
    element.text = draw(st.one_of(st.none(), xml_text))
    if depth < 3:
        for _ in range(draw(st.integers(0, 4))):
            element.append(draw(xml_trees(depth=depth + 1)))
    return element


@FUZZ
@given(xml_trees(), st.booleans())
def test_arbitrary_xml_trees(tree, as_goapi):
    if as_goapi:
        root = ElementTree.Element("goautodialapi", version="4.0")
        root.append(tree)
        tree = root
    body = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(tree)
    assert_documented(outcome(body))


@FUZZ
@given(
    st.sampled_from(["success", "error"]),
    st.dictionaries(lead_keys, xml_text, max_size=5),
    st.dictionaries(xml_names, xml_text, max_size=5),
    xml_text,
)
def test_reply_shaped_xml(result, lead_info, custom_info, is_customer):
    root = ElementTree.Element("goautodialapi", version="4.0")
    ElementTree.SubElement(root, "result").text = result
    lead = ElementTree.SubElement(root, "lead_info")
    for name, value in lead_info.items():
        ElementTree.SubElement(lead, name).text = value
    custom = ElementTree.SubElement(root, "custom_info")
    for name, value in custom_info.items():
        ElementTree.SubElement(custom, name).text = value
    ElementTree.SubElement(root, "is_customer").text = is_customer
    assert_documented(outcome(b"<?xml version='1.0'?>" + ElementTree.tostring(root)))


@FUZZ
@given(st.text(max_size=200))
def test_xml_looking_text(text):
    body = ("<?xml version='1.0'?><!DOCTYPE x [" + text + "]><goautodialapi/>").encode(
        "utf-8", "surrogatepass"
    )
    assert_documented(outcome(body))
