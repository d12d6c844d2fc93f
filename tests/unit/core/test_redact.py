"""The password is masked in every form a server or a log could show it."""

import logging

import pytest

from screenpop.core.redact import MASK, SecretFilter, scrub_secret

SECRET = "p@ss w;rd\"'é"


@pytest.mark.parametrize(
    "echo",
    [
        SECRET,
        "p%40ss%20w%3Brd%22%27%C3%A9",  # URL-encoded
        "p%40ss+w%3Brd%22%27%C3%A9",  # form-encoded
        "p@sswrdé",  # stripped as the goAPI server strips passwords
    ],
)
def test_every_spelling_is_masked(echo):
    shown = scrub_secret(f"bad password {echo} for agent7", SECRET)
    assert shown == f"bad password {MASK} for agent7"


def test_respaced_password_is_masked():
    assert scrub_secret("bad pass ab cd", "ab\tcd") == f"bad pass {MASK}"


@pytest.mark.parametrize("piece", ["Secret", "pass123", "cret;pa"])
def test_pieces_of_the_password_are_masked(piece):
    assert piece not in scrub_secret(f"rejected: {piece}!", "Secret;pass123")


def test_short_words_and_unrelated_text_stay():
    assert scrub_secret("the user may not log in", "maynot-login-99") == "the user may not log in"


def test_no_secret_no_change():
    assert scrub_secret("anything", "") == "anything"


def test_filter_masks_messages_and_tracebacks(caplog):
    redactor = SecretFilter()
    redactor.add_secret("hunter2pass")
    logger = logging.getLogger("screenpop.test_redact")
    caplog.handler.addFilter(redactor)
    try:
        logger.warning("sending goPass=%s", "hunter2pass")
        try:
            raise RuntimeError("url was ?goPass=hunter2pass")
        except RuntimeError:
            logger.exception("failed")
    finally:
        caplog.handler.removeFilter(redactor)
    assert "hunter2pass" not in caplog.text
    assert f"goPass={MASK}" in caplog.text
    assert "RuntimeError" in caplog.text  # the traceback is kept, masked
