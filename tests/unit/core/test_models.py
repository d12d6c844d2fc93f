"""Model helpers the window and the CLI rely on."""

import pytest

from screenpop.core.models import LEAD_FIELDS, CustomerInfo, display_text, readable_label


@pytest.mark.parametrize(
    ("column", "label"),
    [
        ("plan_name", "Plan name"),
        ("contract_end_date", "Contract end date"),
        ("IVR-choice", "IVR choice"),
        ("x", "X"),
        ("__", "__"),
    ],
)
def test_readable_label(column, label):
    assert readable_label(column) == label


def test_vendor_page_fields_are_all_modelled_in_four_groups():
    names = [spec.name for spec in LEAD_FIELDS]
    assert len(names) == len(set(names)) == 22
    assert {spec.group for spec in LEAD_FIELDS} == {"person", "contact", "address", "record"}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (14246, "14246"),
        (3.0, "3"),
        (2.5, "2.5"),
        (True, "1"),
        ("  x ", "x"),
        ({"a": 1}, '{"a": 1}'),
        ("0000-00-00", ""),
    ],
)
def test_display_text(value, text):
    assert display_text(value) == text


def test_json_shape_for_the_cli():
    info = CustomerInfo.from_api(
        {
            "lead_info": {"lead_id": 1, "zz": "extra"},
            "custom_info": {"a_b": "c"},
            "is_customer": "1",
        }
    )
    shape = info.to_json_dict()
    assert shape["lead"]["lead_id"] == "1"
    assert shape["lead"]["zz"] == "extra"
    assert shape["custom_fields"] == {"a_b": "c"}
    assert shape["is_customer"] is True
