"""Shipped resources are found and usable."""

import configparser

from screenpop.resources import resource_path


def test_icon_is_an_svg_document():
    text = resource_path("icons", "screenpop.svg").read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg") and text.rstrip().endswith("</svg>")


def test_desktop_entry_passes_the_link_after_double_dash():
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(resource_path("linux", "screenpop.desktop"), encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "screenpop -- %u"
    assert "x-scheme-handler/tel;" in desktop["MimeType"]


def test_macos_bundle_declares_the_phone_schemes():
    import plistlib
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "packaging" / "macos" / "url-types.plist"
    plist = plistlib.loads(path.read_bytes())
    schemes = plist["CFBundleURLTypes"][0]["CFBundleURLSchemes"]
    assert set(schemes) == {"tel", "callto", "sip", "sips"}


def test_a_frozen_bundle_reads_its_own_resources_folder(tmp_path, monkeypatch):
    import sys

    from screenpop import resources

    icon = tmp_path / "_internal" / "resources" / "icons" / "screenpop.svg"
    icon.parent.mkdir(parents=True)
    icon.write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources.resource_path("icons", "screenpop.svg") == icon


def test_a_frozen_bundle_never_falls_back_to_a_source_checkout(tmp_path, monkeypatch):
    import sys

    import pytest

    from screenpop import resources

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_roots() == (tmp_path / "resources",)
    # The file exists in this checkout, but a bundle that lacks it is broken.
    with pytest.raises(FileNotFoundError, match=r"linux/screenpop\.desktop"):
        resources.resource_path("linux", "screenpop.desktop")


def test_a_frozen_bundle_without_meipass_looks_beside_the_executable(tmp_path, monkeypatch):
    import sys

    from screenpop import resources

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "screenpop"))
    assert resources.resource_roots() == (tmp_path / "resources",)


def test_from_source_the_checkout_resources_are_found():
    from pathlib import Path

    from screenpop import resources

    repo_resources = Path(__file__).resolve().parents[2] / "resources"
    assert repo_resources in resources.resource_roots()
    assert resources.resource_path("icons", "screenpop.svg").is_relative_to(repo_resources)


def test_the_spanish_translation_ships_as_a_compiled_qm():
    # Qt's .qm files start with this magic number (QTranslator refuses others).
    magic = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
    assert resource_path("translations", "screenpop_es.qm").read_bytes().startswith(magic)
    assert resource_path("translations", "screenpop_es.ts").is_file()
