"""LeadView on its own: states, labels, layout."""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGroupBox, QLabel, QToolButton

from screenpop.core.models import LEAD_FIELDS, CustomerInfo, readable_label
from screenpop.ui.lead_view import (
    EMPTY_VALUE,
    FIELD_LABELS_FOR_TRANSLATION,
    TWO_COLUMN_MIN_WIDTH,
    LeadView,
)


def _info(is_customer="0", custom=None, **lead_info) -> CustomerInfo:
    lead_info.setdefault("lead_id", "1")
    return CustomerInfo.from_api(
        {"lead_info": lead_info, "custom_info": custom, "is_customer": is_customer}
    )


def _view(qtbot) -> LeadView:
    view = LeadView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def test_unreadable_customer_flag_says_unknown(qtbot):
    view = _view(qtbot)
    view.show_record(_info(is_customer="n/a"))
    assert view.flag_text() == "Customer status unknown"
    view.show_record(_info(is_customer="2"))
    assert view.flag_text() == "Customer"


def test_empty_values_show_a_dimmed_dash(qtbot):
    view = _view(qtbot)
    view.show_record(_info(first_name="Ana", email=""))
    email = view.findChild(QLabel, "value_email")
    assert email.text() == EMPTY_VALUE
    assert email.foregroundRole() == QPalette.ColorRole.PlaceholderText
    first = view.findChild(QLabel, "value_first_name")
    assert first.foregroundRole() == QPalette.ColorRole.WindowText


def test_a_lead_without_a_name_says_so(qtbot):
    view = _view(qtbot)
    view.show_record(_info())
    assert view.name_text() == "Unnamed lead"


def test_custom_rows_are_reused_for_the_same_columns_and_rebuilt_for_others(qtbot):
    view = _view(qtbot)
    view.show_record(_info(custom={"plan": "A"}))
    first = view.findChild(QLabel, "custom_plan")
    view.show_record(_info(custom={"plan": "B"}))
    assert view.findChild(QLabel, "custom_plan") is first
    assert view.custom_field_text("plan") == "B"

    view.show_record(_info(custom={"region": "North"}))
    assert view.custom_field_text("region") == "North"
    assert view.findChild(QLabel, "custom_region").isVisible()
    assert not view.findChild(QLabel, "custom_fields_empty").isVisible()

    view.show_record(_info(custom=[]))
    assert view.findChild(QLabel, "custom_fields_empty").isVisible()


def test_another_lists_columns_relabel_the_rows_already_built(qtbot):
    view = _view(qtbot)
    view.show_record(_info(custom={"plan": "A", "region": "North"}))
    plan = view.findChild(QLabel, "custom_plan")

    view.show_record(_info(custom={"<b>zone</b>": "7"}))
    zone = view.findChild(QLabel, "custom_<b>zone</b>")
    assert zone is plan  # the same row, re-labelled: no widgets built per pop
    assert view.custom_field_text("<b>zone</b>") == "7"
    label = readable_label("<b>zone</b>")
    assert view.custom_field_label("<b>zone</b>") == label
    copy = view.findChild(QToolButton, "copy_custom_<b>zone</b>")
    assert copy.accessibleName() == f"Copy {label}"
    assert "&lt;b&gt;" in copy.toolTip()  # server text stays plain text
    # The spare row is hidden and no longer answers to its old column.
    assert view.findChild(QLabel, "custom_region") is None
    assert view.findChild(QLabel, "custom_plan") is None
    values = [label for label in view.findChildren(QLabel) if label.objectName() == ""]
    assert plan not in values
    shown_values = [
        label.objectName()
        for label in view.findChildren(QLabel)
        if label.objectName().startswith("custom_") and label.isVisible()
    ]
    assert shown_values == ["custom_<b>zone</b>"]

    view.show_record(_info(custom={"a": "1", "b": "2", "c": "3"}))  # more rows than built
    assert [view.custom_field_text(name) for name in "abc"] == ["1", "2", "3"]
    assert view.findChild(QLabel, "custom_c").isVisible()


def test_clear_returns_to_an_empty_form(qtbot):
    view = _view(qtbot)
    view.show_record(_info(first_name="Ana", custom={"plan": "A"}, vendor_code="X"))
    view.clear()
    assert view.flag_text() == ""
    assert view.value_text("first_name") == EMPTY_VALUE
    assert not view.findChild(QGroupBox, "group_extra").isVisible()
    assert view.record is None


def test_groups_stack_in_one_column_when_narrow(qtbot):
    view = _view(qtbot)
    person = view.findChild(QGroupBox, "group_person")
    contact = view.findChild(QGroupBox, "group_contact")
    qtbot.waitUntil(lambda: view.width() >= TWO_COLUMN_MIN_WIDTH)
    assert person.geometry().top() == contact.geometry().top()  # side by side

    view.resize(TWO_COLUMN_MIN_WIDTH - 100, 900)
    qtbot.waitUntil(lambda: contact.geometry().top() > person.geometry().bottom())


def test_every_field_label_is_offered_to_translators():
    assert set(FIELD_LABELS_FOR_TRANSLATION) == {spec.label for spec in LEAD_FIELDS}
