"""Replaces the contributed Babel hook, which bundles CLDR data for all 1,100
locales (about 30 MiB): Screenpop only asks Babel for country names in the
languages it has a translation for, which needs Babel's global data and the
locale files of those languages and their parent, root."""

from pathlib import Path

import babel
from PyInstaller.utils.hooks import collect_submodules

from screenpop.core.config import LANGUAGES

_DATA = Path(babel.__file__).parent

datas = [(str(_DATA / "global.dat"), "babel")]
datas += [
    (str(_DATA / "locale-data" / f"{name}.dat"), "babel/locale-data")
    for name in ("root", *(language for language in LANGUAGES if language != "system"))
]

# The locale data are pickles that name Babel's classes (babel.dates and others).
hiddenimports = collect_submodules(
    "babel", filter=lambda name: not name.startswith("babel.messages")
)
