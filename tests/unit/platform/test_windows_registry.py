"""The exact HKCU keys and values written on Windows, through the thin interface."""

from screenpop.platform import windows


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def set_value(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete_value(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)

    def delete_tree(self, key: str) -> None:
        for existing in [k for k in self.values if k[0] == key or k[0].startswith(key + "\\")]:
            del self.values[existing]


EXE = r"C:\Users\agent\AppData\Local\Programs\Screenpop\screenpop.exe"


def test_register_writes_protocol_keys_capabilities_and_registration():
    registry = FakeRegistry()
    windows.register(registry, [EXE], open_settings=False)
    values = registry.values
    command = rf'"{EXE}" -- "%1"'
    for scheme in ("tel", "callto", "sip", "sips"):
        key = rf"Software\Classes\{scheme}"
        assert values[(key, "")] == f"URL:{scheme} link (Screenpop)"
        assert values[(key, "URL Protocol")] == ""
        assert values[(rf"{key}\shell\open\command", "")] == command
        urls = r"Software\Screenpop\Capabilities\URLAssociations"
        assert values[(urls, scheme)] == scheme
    assert values[(r"Software\Screenpop\Capabilities", "ApplicationName")] == "Screenpop"
    registered = (r"Software\RegisteredApplications", "org.screenpop.Screenpop")
    assert values[registered] == r"Software\Screenpop\Capabilities"
    assert all(key.startswith("Software\\") for key, _ in values)  # HKCU-relative only


def test_unregister_removes_everything_it_wrote():
    registry = FakeRegistry()
    registry.set_value(r"Software\RegisteredApplications", "Other", r"Software\Other\Caps")
    windows.register(registry, [EXE], open_settings=False)
    windows.unregister(registry)
    assert registry.values == {
        (r"Software\RegisteredApplications", "Other"): r"Software\Other\Caps"
    }


def test_command_line_quotes_paths_with_spaces_and_the_link():
    assert windows.command_line([r"C:\Program Files\Py\python.exe", "-m", "screenpop"]) == (
        r'"C:\Program Files\Py\python.exe" "-m" "screenpop" -- "%1"'
    )
