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


def test_the_spanish_translation_ships_as_a_compiled_qm():
    # Qt's .qm files start with this magic number (QTranslator refuses others).
    magic = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
    assert resource_path("translations", "screenpop_es.qm").read_bytes().startswith(magic)
    assert resource_path("translations", "screenpop_es.ts").is_file()
