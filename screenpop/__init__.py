"""Screenpop: a desktop CTI screen-pop for croco-dial / GOautodial call centers."""

__version__ = "0.1.0"
APP_NAME = "Screenpop"
# Folder name under the platform's config, data, cache, log and runtime dirs.
APP_DIR_NAME = "screenpop"
