"""The Windows installer writes, and removes, exactly what
``screenpop --register-handler`` writes and ``--unregister-handler`` removes.

The .iss file cannot be compiled here (Inno Setup runs on Windows), so its
[Registry] section is read with a small parser of Inno's line syntax and
replayed against the same fake registry the windows.py tests use.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from screenpop.platform import APP_ID, SCHEMES, windows

ISS = Path(__file__).resolve().parents[3] / "packaging" / "windows" / "screenpop.iss"
APP = r"C:\Users\agent\AppData\Local\Programs\Screenpop"


class FakeRegistry:
    """HKEY_CURRENT_USER as {(key, value name): data}; keys compare case-blind."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def set_value(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete_value(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)

    def delete_tree(self, key: str) -> None:
        prefix = key.lower() + "\\"
        for existing in [
            k for k in self.values if k[0].lower() == key.lower() or k[0].lower().startswith(prefix)
        ]:
            del self.values[existing]


def _split_params(line: str) -> dict[str, str]:
    """``Name: value; Name: "a ""quoted"" value"`` -> {name: value}, as Inno reads it."""
    params: dict[str, str] = {}
    position = 0
    pattern = re.compile(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*?)\s*(?:;|$)')
    while position < len(line):
        match = pattern.match(line, position)
        assert match, f"cannot parse {line[position:]!r}"
        name, value = match.groups()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        params[name] = value
        position = match.end()
    return params


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return sections


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^#define\s+(\w+)\s+"([^"]*)"', text, flags=re.M))


def _expand(value: str, defines: dict[str, str]) -> str:
    """Inno constants as installed to APP: {#Define}, {app}, and {{ for a brace."""
    value = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)
    value = value.replace("{{", "\0").replace("{app}", APP)
    assert "{" not in value, f"an Inno constant the test does not know: {value!r}"
    return value.replace("\0", "{")


@pytest.fixture(scope="module")
def iss():
    text = ISS.read_text(encoding="utf-8")
    return _sections(text), _defines(text)


@pytest.fixture(scope="module")
def registry_entries(iss):
    sections, defines = iss
    entries = []
    for line in sections["Registry"]:
        params = _split_params(line)
        flags = set(params.get("Flags", "").split())
        entries.append(
            {
                "root": params["Root"],
                "subkey": _expand(params["Subkey"], defines),
                "type": params.get("ValueType", "none"),
                "name": _expand(params.get("ValueName", ""), defines),
                "data": _expand(params.get("ValueData", ""), defines),
                "flags": flags,
            }
        )
    return entries


def _install(entries, registry: FakeRegistry) -> None:
    for entry in entries:
        if entry["type"] == "string":
            registry.set_value(entry["subkey"], entry["name"], entry["data"])
        else:
            assert entry["type"] == "none", f"a value type windows.py never writes: {entry}"


def _uninstall(entries, registry: FakeRegistry) -> None:
    for entry in entries:
        if "uninsdeletekey" in entry["flags"]:
            registry.delete_tree(entry["subkey"])
        elif "uninsdeletevalue" in entry["flags"]:
            registry.delete_value(entry["subkey"], entry["name"])


def test_the_parser_reads_inno_quoting():
    params = _split_params(
        'Root: HKCU; Subkey: "A\\B"; ValueData: """{app}\\x.exe"" -- ""%1"""; Flags: uninsdeletekey'
    )
    assert params == {
        "Root": "HKCU",
        "Subkey": "A\\B",
        "ValueData": '"{app}\\x.exe" -- "%1"',
        "Flags": "uninsdeletekey",
    }


def test_every_key_is_under_hkcu(registry_entries):
    assert registry_entries
    assert {entry["root"] for entry in registry_entries} == {"HKCU"}


def test_the_installer_writes_what_register_handler_writes(registry_entries):
    from_installer = FakeRegistry()
    _install(registry_entries, from_installer)
    from_app = FakeRegistry()
    windows.register(from_app, [rf"{APP}\screenpop.exe"], open_settings=False)
    assert from_installer.values == from_app.values
    # The same link command the running app would register, for every scheme.
    for scheme in SCHEMES:
        key = rf"Software\Classes\{scheme}\shell\open\command"
        assert from_installer.values[(key, "")] == rf'"{APP}\screenpop.exe" -- "%1"'


def test_the_uninstaller_removes_what_unregister_handler_removes(registry_entries):
    others = {
        (r"Software\RegisteredApplications", "Other"): r"Software\Other\Capabilities",
        (r"Software\Classes\mailto", ""): "URL:mailto",
    }
    registry = FakeRegistry()
    registry.values.update(others)
    _install(registry_entries, registry)
    _uninstall(registry_entries, registry)
    assert registry.values == others

    by_app = FakeRegistry()
    by_app.values.update(others)
    windows.register(by_app, [rf"{APP}\screenpop.exe"], open_settings=False)
    windows.unregister(by_app)
    assert by_app.values == registry.values


def test_it_installs_per_user_without_admin_rights(iss):
    sections, _defines = iss
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no "install for all users"
    assert setup["DefaultDirName"].startswith("{userpf}\\")
    assert setup["AppVersion"] == "{#AppVersion}"  # from build.ps1's /DAppVersion, no copy
    assert setup["ChangesAssociations"] == "yes"


def test_the_version_is_never_written_into_the_script():
    text = ISS.read_text(encoding="utf-8")
    assert "#error" in text.split("#endif")[0]  # no version given: no installer
    assert not re.search(r"\b\d+\.\d+\.\d+\b", text)


def test_start_menu_entries_start_the_windowed_executable(iss):
    sections, defines = iss
    icons = [_split_params(line) for line in sections["Icons"]]
    names = {icon["Name"].replace("{#AppName}", defines["AppName"]): icon for icon in icons}
    assert _expand(names["{group}\\Screenpop"]["Filename"], defines) == rf"{APP}\screenpop.exe"
    assert names["{group}\\Screenpop (demo)"]["Parameters"] == "--demo"
    assert names["{group}\\Uninstall Screenpop"]["Filename"] == "{uninstallexe}"


def test_the_whole_bundle_folder_is_installed(iss):
    sections, defines = iss
    (files,) = [_split_params(line) for line in sections["Files"]]
    assert files["Source"] == "{#BundleDir}\\*"
    assert defines["BundleDir"] == "..\\..\\dist\\screenpop"
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["Flags"].split())


def test_the_registered_application_is_the_app_id(registry_entries):
    registered = [e for e in registry_entries if e["subkey"] == r"Software\RegisteredApplications"]
    assert [(e["name"], e["flags"]) for e in registered] == [(APP_ID, {"uninsdeletevalue"})]
