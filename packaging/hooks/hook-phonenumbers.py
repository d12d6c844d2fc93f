"""Replaces the contributed phonenumbers hook, which collects every submodule:
Screenpop parses and formats numbers, which needs the region metadata that
phonenumbers imports lazily per country (data, shortdata), not the geocoder,
carrier and time-zone tables (about 40 MiB)."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = [
    *collect_submodules("phonenumbers.data"),
    *collect_submodules("phonenumbers.shortdata"),
]
