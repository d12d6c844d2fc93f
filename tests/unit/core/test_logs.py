"""The log file: where it goes, and that secrets never reach it."""

import logging

import pytest

from screenpop.core import logs


@pytest.fixture
def private_logs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(logs, "redactor", logs.SecretFilter())
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    yield tmp_path
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved[0])
    for handler in saved[1]:
        root.addHandler(handler)


def test_debug_log_file_masks_the_password_everywhere(private_logs, capsys):
    path = logs.setup_logging("DEBUG")
    logs.protect("hunter2pass")
    log = logging.getLogger("screenpop.test")
    log.debug("POST body goAction=x&goPass=hunter2pass&goUser=u")
    logging.getLogger("httpx").info("HTTP Request: GET https://h/?goPass=other-secret&x=1")
    try:
        raise ValueError("hunter2pass in an exception")
    except ValueError:
        log.exception("boom")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = path.read_text(encoding="utf-8") + capsys.readouterr().err
    assert str(path).startswith(str(private_logs))
    assert "hunter2pass" not in written
    assert "other-secret" not in written
    assert "goPass=********" in written
    assert "ValueError" in written


def test_unwritable_log_dir_costs_only_the_file(private_logs, monkeypatch):
    blocker = private_logs / "blocker"
    blocker.write_text("")
    monkeypatch.setattr(logs, "log_dir", lambda: blocker / "logs")
    assert logs.setup_logging("INFO") is None
    logging.getLogger("screenpop.test").info("still works")


def test_without_stderr_the_log_goes_to_the_file_only(private_logs, monkeypatch):
    # A windowed Windows bundle runs with sys.stderr None.
    monkeypatch.setattr("sys.stderr", None)
    path = logs.setup_logging("INFO")
    logging.getLogger("screenpop.test").warning("written without a console")
    handlers = logging.getLogger().handlers
    assert not any(type(handler) is logging.StreamHandler for handler in handlers)
    for handler in handlers:
        handler.flush()
    assert "written without a console" in path.read_text(encoding="utf-8")
