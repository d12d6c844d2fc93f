"""Screenpop: a desktop CTI screen-pop for croco-dial / GOautodial call centers."""

__version__ = "0.1.0"
APP_NAME = "Screenpop"
