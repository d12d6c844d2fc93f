"""Saved settings: round trip, tolerant reads, atomic writes, no password."""

import json

import pytest
import truststore

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


# --- the CA bundle --------------------------------------------------------------


@pytest.fixture
def ca_file(tmp_path) -> str:
    import trustme

    path = tmp_path / "company-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(path))
    return str(path)


def test_ca_bundle_round_trip_and_reaches_the_client(ca_file):
    settings = ConnectionSettings(server="acme", user="a", ca_bundle=ca_file)
    save_settings(settings)
    assert load_settings() == (settings, [])

    client = settings.make_client("pw")
    assert client.ca_bundle == ca_file
    assert isinstance(client.tls_context, truststore.SSLContext)


def test_no_ca_bundle_by_default():
    assert ConnectionSettings().ca_bundle == ""
    assert ConnectionSettings(server="acme", user="a").make_client("pw").ca_bundle == ""


def test_a_ca_bundle_that_is_not_text_is_ignored_with_a_warning():
    settings, warnings = ConnectionSettings.from_json_dict({"server": "acme", "ca_bundle": 7})
    assert settings.ca_bundle == ""
    assert [str(warning) for warning in warnings] == [
        "The saved 'ca_bundle' is not text; it was ignored."
    ]


def test_a_missing_ca_bundle_is_kept_on_load_and_explained_by_the_client(tmp_path):
    """Loading stays tolerant (the file may be on a drive not mounted yet); the
    client then says exactly what is wrong instead of failing on trust."""
    missing = str(tmp_path / "gone.pem")
    settings, warnings = ConnectionSettings.from_json_dict(
        {"server": "acme", "user": "a", "ca_bundle": f"  {missing} "}
    )
    assert settings.ca_bundle == missing
    assert warnings == []
    with pytest.raises(ConfigError, match=r"The CA bundle file .*gone\.pem does not exist"):
        settings.make_client("pw")


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (None, "does not exist"),
        (b"", "holds no usable PEM certificates"),
        (b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", "no usable PEM"),
        (b"\x30\x82\x01\x0a binary DER", "no usable PEM"),
        ("folder", "is a folder"),
    ],
)
def test_save_refuses_an_unusable_ca_bundle(tmp_path, content, phrase):
    path = tmp_path / "bundle.pem"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    settings = ConnectionSettings(server="acme", user="a", ca_bundle=str(path))
    with pytest.raises(ConfigError, match=phrase):
        save_settings(settings)
    assert not settings_path().exists()  # nothing was written


def test_a_home_relative_ca_bundle_is_expanded(ca_file, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = ConnectionSettings(server="acme", user="a", ca_bundle="~/company-ca.pem")
    save_settings(settings)  # the file is found: no ConfigError
    assert settings.make_client("pw").ca_bundle == "~/company-ca.pem"
