"""Fixtures for tests that need real system services."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.integration.secret_service import (
    SecretService,
    SecretServiceUnavailable,
    start_secret_service,
)


@pytest.fixture
def secret_service(tmp_path, monkeypatch) -> Iterator[SecretService]:
    """A private D-Bus session bus and gnome-keyring-daemon, unlocked, with
    HOME and XDG_* under ``tmp_path``; this process's environment points at
    them for the test (``secret_service.env`` is for subprocesses).

    Without the daemons the test is skipped on a workstation but fails under
    CI (``CI`` set): CI must never count a skipped keyring test as a pass.
    """
    try:
        service = start_secret_service(tmp_path / "session")
    except SecretServiceUnavailable as exc:
        message = f"no private Secret Service: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        for name in service.unset:
            monkeypatch.delenv(name, raising=False)
        for name, value in service.overrides.items():
            monkeypatch.setenv(name, value)
        yield service
    finally:
        service.stop()
