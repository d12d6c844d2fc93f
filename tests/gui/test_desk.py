"""The desk around the record: tray menu, hide to tray, pop behaviours,
notifications, recent lookups, stay on top, the window's place per screen.

Every test runs the app as run_gui builds it (build_session), against the
real demo server over loopback. Offscreen Qt has no tray, so the tests that
need one say the desktop has one (``tray_available``); the icon and its menu
are the real ones.
"""

import json

import pytest
from gui_helpers import wait_until
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from screenpop.core.config import ConnectionSettings, load_settings
from screenpop.core.history import SAVED_COLUMNS, history_path
from screenpop.demo.server import DEMO_PASSWORD
from screenpop.ui.app import GuiOptions
from screenpop.ui.tray import MENU_ENTRIES, notification_text
from screenpop.ui.window_state import WindowStateStore, screen_setup_key


def has_tray():
    return True


def no_tray():
    return False


@pytest.fixture
def other_window(qtbot):
    """Another application window, such as the agent's softphone. It also keeps
    a window open, so a test may close Screenpop's without Qt quitting the
    event loop the test runs on."""
    widget = QWidget()
    widget.setWindowTitle("Softphone")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def demo(make_session, *, tray=has_tray, settings=None):
    options = GuiOptions(demo=True, settings=settings)
    session = make_session(options, tray_available=tray)
    return session


def searched_line(window) -> str:
    return window.findChild(QLabel, "searched_line").text()


async def shown(window, first_name: str) -> None:
    await wait_until(
        lambda: window.showing_record() and window.lead_view.value_text("first_name") == first_name,
        what=f"{first_name}'s record",
    )


async def idle(session) -> None:
    await wait_until(lambda: not session.controller.is_busy(), what="the lookup")


async def look_up_bruno_then_daniel(session) -> None:
    """Two found lookups: the vendor page's prospect, then a customer."""
    for number, first_name in (("8004321000", "Bruno"), ("2065551234", "Daniel")):
        session.window.look_up(number)
        await shown(session.window, first_name)
        await idle(session)


# --- the tray -----------------------------------------------------------------


def test_the_tray_icon_shows_with_its_menu(make_session):
    session = demo(make_session)
    tray = session.tray
    assert tray.is_visible()
    texts = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert texts == [
        "Show Screenpop",
        "Look up the number on the clipboard",
        "Recent lookups",
        "Settings…",
        "Quit Screenpop",
    ]
    assert tray.menu.defaultAction() is tray.show_action


def test_without_a_tray_no_icon_shows(make_session):
    session = demo(make_session, tray=no_tray)
    assert not session.tray.is_visible()


async def test_show_from_the_tray_brings_the_hidden_window_back(make_session, other_window):
    session = demo(make_session)
    session.window.close()
    assert not session.window.isVisible()
    session.tray.show_action.trigger()
    assert session.window.isVisible()


async def test_the_tray_looks_up_the_number_on_the_clipboard(make_session, other_window):
    session = demo(make_session)
    session.window.close()
    QGuiApplication.clipboard().setText("Call back: tel:+1-800-432-1000")
    QGuiApplication.clipboard().setText("tel:+1-800-432-1000")
    session.tray.clipboard_action.trigger()
    await shown(session.window, "Bruno")
    assert session.window.isVisible()
    assert [r.form.get("phone_number") for r in session.demo_server.received] == ["8004321000"]


async def test_an_empty_clipboard_says_so_and_sends_nothing(make_session):
    session = demo(make_session)
    QGuiApplication.clipboard().setText("")
    session.window.clipboard_action.trigger()
    assert session.window.banner_text() == "The clipboard holds no number to look up."
    assert session.demo_server.received == []


async def test_the_tray_lists_recent_lookups_and_shows_one_again_without_asking(make_session):
    session = demo(make_session)
    window = session.window
    await look_up_bruno_then_daniel(session)

    session.tray.recent_menu.aboutToShow.emit()
    entries = [a for a in session.tray.recent_menu.actions() if not a.isSeparator()]
    assert "Daniel" in entries[0].text() and "Customer" in entries[0].text()
    assert "Bruno M Macias" in entries[1].text() and "Prospect" in entries[1].text()
    assert entries[-1].text() == "Clear recent lookups"

    requests = len(session.demo_server.received)
    entries[1].trigger()
    await shown(window, "Bruno")
    assert len(session.demo_server.received) == requests  # shown again, not fetched
    assert "as of" in searched_line(window)


async def test_the_tray_menu_lists_at_most_ten(make_session):
    session = demo(make_session)
    for _ in range(MENU_ENTRIES + 2):
        session.window.input.setText("8005550000")  # not found: still a lookup
        session.window.submit()
        await idle(session)
    session.tray.recent_menu.aboutToShow.emit()
    entries = [a for a in session.tray.recent_menu.actions() if not a.isSeparator()]
    assert len(entries) == MENU_ENTRIES + 1  # and "Clear recent lookups"
    assert "Not found" in entries[0].text()


async def test_settings_from_the_tray_open_over_the_window(make_session, other_window):
    session = demo(make_session)
    session.window.close()
    session.tray.settings_action.trigger()
    assert session.window.isVisible()
    dialog = session.connection.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_quit_from_the_tray_is_asked_for(make_session, qtbot):
    session = demo(make_session)
    with qtbot.waitSignal(session.tray.quit_requested, timeout=1000):
        session.tray.quit_action.trigger()


# --- closing: to the tray, or quitting ----------------------------------------


async def test_closing_hides_to_the_tray_and_pops_still_arrive(make_session, other_window, qtbot):
    session = demo(make_session)
    window = session.window
    with qtbot.waitSignal(window.hidden_to_tray, timeout=1000):
        window.close()
    assert not window.isVisible()

    window.pop("tel:+1-800-432-1000")  # the default: bring it to the front
    await shown(window, "Bruno")
    assert window.isVisible()


async def test_quit_closes_even_with_close_to_tray(make_session, other_window, qtbot):
    session = demo(make_session)
    hidden = []
    session.window.hidden_to_tray.connect(lambda: hidden.append(True))
    session.window.quit()
    assert not session.window.isVisible()
    assert hidden == []


async def test_without_a_tray_closing_really_closes(make_session, other_window):
    session = demo(make_session, tray=no_tray)
    hidden = []
    session.window.hidden_to_tray.connect(lambda: hidden.append(True))
    session.window.close()
    assert not session.window.isVisible()
    assert hidden == []


async def test_close_to_tray_off_closes_for_real(make_session, other_window):
    session = demo(make_session, settings=ConnectionSettings(close_to_tray=False))
    hidden = []
    session.window.hidden_to_tray.connect(lambda: hidden.append(True))
    session.window.close()
    assert hidden == []


# --- how a pop shows the window -----------------------------------------------


async def test_a_no_focus_pop_shows_the_window_without_activating_it(make_session):
    # Whether the softphone keeps the keyboard needs a real X server
    # (tests/integration/test_pop_focus_x11.py); offscreen activates any window.
    session = demo(make_session, settings=ConnectionSettings(pop_behaviour="no_focus"))
    window = session.window
    window.hide()
    window.pop("8004321000")
    await shown(window, "Bruno")
    assert window.isVisible()
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


async def test_a_front_pop_takes_the_focus(make_session, other_window):
    session = demo(make_session)
    window = session.window
    window.hide()
    other_window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is other_window, what="the softphone")

    window.pop("8004321000")
    await shown(window, "Bruno")
    await wait_until(lambda: QApplication.activeWindow() is window, what="Screenpop active")


async def test_a_notify_pop_leaves_the_window_hidden_and_notifies(make_session, other_window):
    session = demo(make_session, settings=ConnectionSettings(pop_behaviour="notify"))
    window = session.window
    window.close()  # to the tray

    window.pop("2065551234")
    await shown(window, "Daniel")
    assert not window.isVisible()
    assert session.tray.notifications[-1] == ("Daniel R Whitaker", "Customer · +1 206-555-1234")

    window.pop("8005550000")
    await wait_until(lambda: len(session.tray.notifications) == 2, what="the second notification")
    assert session.tray.notifications[-1] == ("Screenpop", "+1 800-555-0000: Not found")


async def test_no_notification_while_the_window_is_in_sight(make_session):
    session = demo(make_session, settings=ConnectionSettings(pop_behaviour="notify"))
    session.window.pop("2065551234")
    await shown(session.window, "Daniel")
    assert session.tray.notifications == []


async def test_notify_without_a_tray_shows_the_window_without_focus(make_session):
    session = demo(make_session, tray=no_tray, settings=ConnectionSettings(pop_behaviour="notify"))
    assert session.window.pop_behaviour == "no_focus"


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", "Ann &lt;img src=x&gt; &amp; Co"),
        ("win32", "Ann <img src=x> & Co"),
        ("darwin", "Ann <img src=x> & Co"),
    ],
)
def test_notification_bodies_show_markup_as_text(platform, expected):
    assert notification_text("Ann <img src=x> & Co", platform) == expected


async def test_one_window_updated_in_place_pop_after_pop(make_session):
    session = demo(make_session)
    before = set(QApplication.topLevelWidgets())
    calls = (("8004321000", "Bruno"), ("2065551234", "Daniel"), ("8004321000", "Bruno"))
    for number, name in calls:
        session.window.pop(number)
        await shown(session.window, name)
        await idle(session)
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]
    assert visible == []


# --- stay on top --------------------------------------------------------------


async def test_stay_on_top_pins_the_window_and_is_remembered(make_session, demo_server):
    settings = ConnectionSettings(server=demo_server.base_url, user="demo")
    from screenpop.core.config import save_settings

    save_settings(settings)
    session = make_session(GuiOptions(password=DEMO_PASSWORD), tray_available=has_tray)
    window = session.window
    assert not window.is_on_top()
    window.stay_on_top_action.trigger()
    assert window.is_on_top()
    assert window.isVisible()  # re-shown after the flag change
    assert load_settings()[0].stay_on_top is True
    window.stay_on_top_action.trigger()
    assert not window.is_on_top()
    assert load_settings()[0].stay_on_top is False


# --- recent lookups in the window ---------------------------------------------


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 1, QModelIndex()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


async def test_recent_lookups_list_newest_first_with_their_outcome(make_session):
    session = demo(make_session)
    window = session.window
    for text in ("8004321000", "8005550000", "2065551234"):
        window.look_up(text)
        await idle(session)
    model = window.history_panel.view.model()
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert [row[1:] for row in rows] == [
        ["Daniel R Whitaker\n+1 206-555-1234", "Customer"],
        ["+1 800-555-0000\n", "Not found"],
        ["Bruno M Macias\n+1 800-432-1000", "Prospect"],
    ]
    assert all(len(row[0]) == 5 and row[0][2] == ":" for row in rows)  # HH:MM


async def test_clicking_a_recent_lookup_shows_it_again_without_a_request(make_session, qtbot):
    session = demo(make_session)
    window = session.window
    await look_up_bruno_then_daniel(session)
    requests = len(session.demo_server.received)

    click_row(qtbot, window.history_panel.view, 1)
    await shown(window, "Bruno")
    assert len(session.demo_server.received) == requests
    assert "as of" in searched_line(window)
    assert "from recent lookups" in searched_line(window)

    window.refresh_action.trigger()  # F5: now the dialer is asked
    await wait_until(lambda: len(session.demo_server.received) == requests + 1, what="refresh")
    assert session.demo_server.received[-1].form["phone_number"] == "8004321000"


async def test_clicking_a_not_found_lookup_looks_it_up_again(make_session, qtbot):
    session = demo(make_session)
    window = session.window
    window.look_up("8005550000")
    await idle(session)
    requests = len(session.demo_server.received)
    click_row(qtbot, window.history_panel.view, 0)
    await wait_until(lambda: len(session.demo_server.received) == requests + 1, what="again")
    assert window.input.text() == "+1 800-555-0000"


async def test_clear_empties_the_recent_lookups(make_session, qtbot):
    session = demo(make_session)
    window = session.window
    window.look_up("8004321000")
    await idle(session)
    panel = window.history_panel
    assert panel.view.model().rowCount() == 1
    qtbot.mouseClick(panel.findChild(QWidget, "history_clear_button"), Qt.MouseButton.LeftButton)
    assert panel.view.model().rowCount() == 0
    assert panel.findChild(QLabel, "history_empty").isVisible()


async def test_the_history_panel_toggles(make_session):
    session = demo(make_session)
    window = session.window
    assert window.history_panel.isVisible()
    window.history_action.trigger()
    assert not window.history_panel.isVisible()
    window.history_action.trigger()
    assert window.history_panel.isVisible()


async def test_recent_lookups_stay_in_memory_unless_saving_is_chosen(make_session, demo_server):
    options = GuiOptions(
        settings=ConnectionSettings(server=demo_server.base_url, user="demo"),
        password=DEMO_PASSWORD,
    )
    session = make_session(options, tray_available=has_tray)
    session.window.look_up("8004321000")
    await idle(session)
    session.history.flush()
    assert not history_path().exists()


async def test_saved_recent_lookups_hold_only_the_summary(make_session, demo_server):
    options = GuiOptions(
        settings=ConnectionSettings(server=demo_server.base_url, user="demo", keep_history=True),
        password=DEMO_PASSWORD,
    )
    session = make_session(options, tray_available=has_tray)
    session.window.look_up("2065551234")
    await idle(session)
    session.history.flush()
    data = json.loads(history_path().read_text())
    (row,) = data["entries"]
    assert set(row) == set(SAVED_COLUMNS)
    assert row["searched"] == "2065551234" and row["name"] == "Daniel R Whitaker"
    text = history_path().read_text()
    assert "Fiber 500" not in text and "whitaker@" not in text  # no record fields

    session.history.set_keep(False)  # turned off: the file goes
    assert not history_path().exists()


async def test_saved_recent_lookups_come_back_and_look_up_again(make_session, demo_server, qtbot):
    settings = ConnectionSettings(server=demo_server.base_url, user="demo", keep_history=True)
    first = make_session(GuiOptions(settings=settings, password=DEMO_PASSWORD))
    first.window.look_up("2065551234")
    await idle(first)
    first.history.flush()

    second = make_session(GuiOptions(settings=settings, password=DEMO_PASSWORD))
    model = second.window.history_panel.view.model()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Daniel R Whitaker\n2065551234"
    requests = len(demo_server.received)
    click_row(qtbot, second.window.history_panel.view, 0)  # no record kept: asked again
    await shown(second.window, "Daniel")
    assert len(demo_server.received) == requests + 1


async def test_demo_lookups_are_never_saved(make_session):
    session = demo(make_session, settings=ConnectionSettings(keep_history=True))
    session.window.look_up("8004321000")
    await idle(session)
    session.history.flush()
    assert not history_path().exists()


# --- the window's place, per screen setup --------------------------------------


async def test_the_window_place_and_splitter_come_back(make_session, demo_server):
    options = GuiOptions(
        settings=ConnectionSettings(server=demo_server.base_url, user="demo"),
        password=DEMO_PASSWORD,
    )
    first = make_session(options)
    first.window.resize(760, 560)
    first.window.move(QPoint(40, 30))
    splitter = first.window.findChild(QWidget, "splitter")
    splitter.setSizes([150, 600])
    sizes = splitter.sizes()
    first.save_window_state()

    second = make_session(options)
    assert second.window.size().toTuple() == (760, 560)
    assert second.window.findChild(QWidget, "splitter").sizes() == sizes


def test_window_places_are_kept_per_screen_setup(tmp_path):
    store = WindowStateStore(tmp_path / "window.json")
    from PySide6.QtCore import QByteArray

    store.save("laptop", QByteArray(b"geometry-a"), QByteArray(b"split-a"))
    store.save("docked", QByteArray(b"geometry-b"), QByteArray(b"split-b"))
    assert store.load("laptop") == (QByteArray(b"geometry-a"), QByteArray(b"split-a"))
    assert store.load("docked") == (QByteArray(b"geometry-b"), QByteArray(b"split-b"))
    assert store.load("projector") is None
    assert screen_setup_key()  # the offscreen screen has a name and a size


@pytest.mark.parametrize("content", ["{broken", "[]", '{"setups": {"x": {"geometry": "!!"}}}'])
def test_a_damaged_window_file_costs_the_default_place(tmp_path, content):
    path = tmp_path / "window.json"
    path.write_text(content)
    assert WindowStateStore(path).load("x") is None


# --- Settings change the desk at once -----------------------------------------


async def test_saving_the_window_tab_applies_it_at_once(make_session, other_window, qtbot):
    session = demo(make_session)
    session.connection.open_settings()
    dialog = session.connection.dialog
    dialog.findChild(QWidget, "settings_tabs").setCurrentIndex(1)
    combo = dialog.findChild(QWidget, "pop_behaviour_combo")
    combo.setCurrentIndex(combo.findData("notify"))
    dialog.findChild(QWidget, "close_to_tray_check").click()  # off
    dialog.findChild(QWidget, "stay_on_top_check").click()  # on
    qtbot.mouseClick(dialog.findChild(QWidget, "save_button"), Qt.MouseButton.LeftButton)

    window = session.window
    assert window.pop_behaviour == "notify"
    assert window.is_on_top()
    hidden = []
    window.hidden_to_tray.connect(lambda: hidden.append(True))
    window.close()
    assert hidden == []  # closed for real


async def test_demo_mode_never_touches_a_saved_history(make_session, qtbot):
    # A real history saved earlier, outside demo mode.
    from screenpop.core.history import HistoryEntry, RecentLookups, save_history

    saved = RecentLookups(
        [
            HistoryEntry.from_saved(
                {"time": "2026-12-01T09:00:00+00:00", "searched": "8004321000", "outcome": "found"}
            )
        ]
    )
    save_history(saved)
    before = history_path().read_text()

    session = demo(make_session)
    session.connection.open_settings()
    dialog = session.connection.dialog
    dialog.findChild(QWidget, "keep_history_check").click()  # on, in demo mode
    qtbot.mouseClick(dialog.findChild(QWidget, "save_button"), Qt.MouseButton.LeftButton)
    session.window.look_up("2065551234")
    await idle(session)
    session.history.flush()
    session.history.set_keep(False)  # and off again
    assert history_path().read_text() == before
