"""Saved settings: round trip, tolerant reads, atomic writes, no password."""

import json

import pytest

from screenpop.core.config import ConnectionSettings, load_settings, save_settings, settings_path
from screenpop.core.errors import ConfigError
from screenpop.core.goapi import Timeouts


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def test_nothing_saved_yet():
    assert load_settings() == (None, [])


def test_round_trip_under_the_platform_config_dir(tmp_path):
    settings = ConnectionSettings(
        server="acme",
        user="agent7",
        response_type="xml",
        method="get",
        timeouts=Timeouts(connect=2, read=8, total=12),
        default_country="MX",
        reuse_seconds=0,
    )
    path = save_settings(settings)
    assert path == settings_path()
    assert str(path).startswith(str(tmp_path / "xdg_config_home"))
    assert load_settings() == (settings, [])


def test_the_file_holds_no_password_field():
    data = json.loads(save_settings(ConnectionSettings(server="acme", user="a")).read_text())
    assert not any("pass" in key.lower() for key in data)


def test_save_leaves_no_temporary_files():
    path = save_settings(ConnectionSettings(server="acme"))
    save_settings(ConnectionSettings(server="acme2"))
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2]"])
def test_damaged_file_gives_a_warning_not_a_crash(content):
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text(content)
    settings, warnings = load_settings()
    assert warnings
    assert settings is None or settings == ConnectionSettings()


def test_bad_entries_fall_back_one_by_one():
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text(
        json.dumps(
            {
                "server": "acme",
                "user": 7,
                "method": "delete",
                "response_type": "xml",
                "timeouts": {"connect": -1, "read": 9, "total": "x"},
                "reuse_seconds": -3,
            }
        )
    )
    settings, warnings = load_settings()
    assert settings.server == "acme"
    assert settings.user == ""
    assert settings.method == "post"
    assert settings.response_type == "xml"
    assert settings.timeouts == Timeouts(connect=Timeouts().connect, read=9, total=Timeouts().total)
    assert settings.reuse_seconds == 10
    assert len(warnings) == 5


def test_unwritable_location_is_a_config_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ConfigError, match="could not be saved"):
        save_settings(ConnectionSettings(), blocker / "settings.json")


def test_is_complete():
    assert ConnectionSettings(server="acme", user="a").is_complete
    assert not ConnectionSettings(server="acme").is_complete
