"""What the PyInstaller spec bundles, leaves out and declares."""

import plistlib
import re
from pathlib import Path

import pytest

import screenpop
from screenpop.platform import APP_ID, CONSOLE_SUFFIX, SCHEMES

PACKAGING = Path(__file__).resolve().parents[3] / "packaging"


def test_the_version_is_read_from_the_package(build_config):
    assert build_config.version() == screenpop.__version__


def test_the_version_reader_needs_a_literal(tmp_path, build_config):
    init = tmp_path / "__init__.py"
    init.write_text("__version__ = compute()\n", encoding="utf-8")
    with pytest.raises(ValueError, match="__version__"):
        build_config.version(init)


def test_the_spec_hard_codes_no_version():
    spec = (PACKAGING / "screenpop.spec").read_text(encoding="utf-8")
    assert not re.search(r"\d+\.\d+\.\d+", spec)
    assert "config.version()" in spec


def _fake_resources(root):
    for name in ("icons/screenpop.svg", "linux/screenpop.desktop", "icons/notes.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    return root


def test_resources_without_translations_bundle_the_icon_and_desktop_entry(tmp_path, build_config):
    datas = build_config.resource_datas(_fake_resources(tmp_path))
    assert datas == [
        (str(tmp_path / "icons" / "screenpop.svg"), "resources/icons"),
        (str(tmp_path / "linux" / "screenpop.desktop"), "resources/linux"),
    ]


def test_compiled_translations_are_bundled_once_they_exist(tmp_path, build_config):
    root = _fake_resources(tmp_path)
    (root / "translations").mkdir()
    (root / "translations" / "screenpop_es.qm").write_bytes(b"qm")
    (root / "translations" / "screenpop_es.ts").write_text("<TS/>", encoding="utf-8")
    datas = build_config.resource_datas(root)
    assert (str(root / "translations" / "screenpop_es.qm"), "resources/translations") in datas
    assert not any(source.endswith(".ts") for source, _ in datas)


def test_the_real_resources_are_all_bundled(build_config):
    bundled = {Path(source).name for source, _ in build_config.resource_datas()}
    assert {"screenpop.svg", "screenpop.desktop"} <= bundled


def test_the_bundle_folder_is_where_the_app_looks():
    from screenpop import resources

    assert resources.BUNDLE_FOLDER == "resources"


def test_the_console_twin_name_matches_the_registration_code(build_config):
    assert build_config.CONSOLE_EXECUTABLE == build_config.EXECUTABLE + CONSOLE_SUFFIX


def test_the_macos_bundle_declares_the_schemes_and_the_version(build_config):
    keys = build_config.macos_info_plist()
    assert keys["CFBundleShortVersionString"] == screenpop.__version__
    assert keys["CFBundleVersion"] == screenpop.__version__
    (url_type,) = keys["CFBundleURLTypes"]
    assert set(url_type["CFBundleURLSchemes"]) == set(SCHEMES)
    assert url_type["CFBundleTypeRole"] == "Viewer"
    assert "CFBundleIdentifier" not in keys  # BUNDLE(bundle_identifier=) sets it
    plistlib.dumps(keys)  # serialisable as an Info.plist


def test_the_macos_bundle_identifier_is_the_app_id(build_config):
    assert build_config.macos_bundle_identifier() == APP_ID


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt6Widgets.dll",
    ],
)
def test_what_the_window_needs_is_kept(build_config, destination):
    assert not build_config.excluded_binary(destination)


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6\\Qt6Qml.dll",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
    ],
)
def test_what_no_desktop_widgets_app_loads_is_left_out(build_config, destination):
    assert build_config.excluded_binary(destination)


def test_unused_qt_modules_are_excluded_and_used_ones_are_not(build_config):
    used = {f"PySide6.{name}" for name in ("QtCore", "QtGui", "QtWidgets", "QtNetwork")}
    assert not used & set(build_config.QT_EXCLUDES)
    for unused in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia", "QtPdf"):
        assert f"PySide6.{unused}" in build_config.QT_EXCLUDES


def test_the_app_imports_no_excluded_qt_module(build_config):
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in Path(screenpop.__file__).parent.rglob("*.py")
    )
    imported = {f"PySide6.{name}" for name in re.findall(r"PySide6\.(Qt\w+)", source)}
    assert imported, "the scan found no Qt import at all"
    assert not imported & set(build_config.QT_EXCLUDES)


def _entry(name):
    return (name, f"/src/{Path(name).name}", "BINARY")


def test_pruning_drops_what_only_excluded_plugins_linked(build_config):
    links = {
        "libqgtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0", "libQt6Gui.so.6"],
        "libgtk-3.so.0": ["libgdk-3.so.0", "libglib-2.0.so.0"],
        "libgdk-3.so.0": ["libglib-2.0.so.0"],
        "libqxcb.so": ["libQt6Gui.so.6", "libxcb-icccm.so.4"],
        "libQt6Gui.so.6": ["libglib-2.0.so.0"],
    }
    entries = [
        _entry("PySide6/Qt/plugins/platformthemes/libqgtk3.so"),
        _entry("PySide6/Qt/plugins/platforms/libqxcb.so"),
        _entry("PySide6/Qt/lib/libQt6Gui.so.6"),
        _entry("libgtk-3.so.0"),
        _entry("libgdk-3.so.0"),
        _entry("libglib-2.0.so.0"),
        _entry("libxcb-icccm.so.4"),
    ]
    kept, dropped = build_config.prune_binaries(
        entries, lambda source: links.get(Path(source).name, [])
    )
    assert {Path(e[0]).name for e in dropped} == {"libqgtk3.so", "libgtk-3.so.0", "libgdk-3.so.0"}
    # glib stays: Qt itself links it, not only the GTK theme.
    assert {Path(e[0]).name for e in kept} == {
        "libqxcb.so",
        "libQt6Gui.so.6",
        "libglib-2.0.so.0",
        "libxcb-icccm.so.4",
    }


def test_pruning_keeps_everything_when_nothing_is_excluded(build_config):
    entries = [_entry("PySide6/QtCore.abi3.so"), _entry("libpython3.11.so.1.0")]
    kept, dropped = build_config.prune_binaries(entries, lambda source: [])
    assert (kept, dropped) == (entries, [])


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.0rc1", (1, 2, 0, 0)),
        ("10.0.1.dev3", (10, 0, 1, 0)),
        ("1.2.3+local.7", (1, 2, 3, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_the_windows_version_resource_gets_four_numbers(build_config, version, numbers):
    assert build_config.windows_version_tuple(version) == numbers
