"""The server setting: bare DOMAIN, host, base URL or full endpoint."""

import pytest

from screenpop.core.endpoint import is_loopback, resolve_endpoint
from screenpop.core.errors import ConfigError

FULL = "/goAPIv2/goAgent/goAPI.php"


@pytest.mark.parametrize(
    ("server", "endpoint"),
    [
        ("acme", f"https://acme.croco-dial.net{FULL}"),
        ("  ACME-2 ", f"https://acme-2.croco-dial.net{FULL}"),
        ("acme.croco-dial.net", f"https://acme.croco-dial.net{FULL}"),
        ("dialer.example.com", f"https://dialer.example.com{FULL}"),
        ("https://dialer.example.com/", f"https://dialer.example.com{FULL}"),
        ("https://dialer.example.com:8443", f"https://dialer.example.com:8443{FULL}"),
        ("https://example.com/gad", f"https://example.com/gad{FULL}"),
        (f"https://acme.croco-dial.net{FULL}", f"https://acme.croco-dial.net{FULL}"),
        ("http://127.0.0.1:8080", f"http://127.0.0.1:8080{FULL}"),
        ("http://localhost:9/", f"http://localhost:9{FULL}"),
        ("http://[::1]:8080", f"http://[::1]:8080{FULL}"),
    ],
)
def test_accepted_forms(server, endpoint):
    assert resolve_endpoint(server) == endpoint


@pytest.mark.parametrize(
    ("server", "phrase"),
    [
        ("", "No server is set"),
        ("   ", "No server is set"),
        ("http://dialer.example.com", "unencrypted"),
        ("ftp://dialer.example.com", "must start with https"),
        ("https://user:pw@dialer.example.com", "user name or password"),
        ("https://dialer.example.com/?goPass=x", "'?' or '#'"),
        ("https://dialer.example.com:99999", "not a valid server address"),
        ("https://", "no host name"),
        ("https://1.2.3.999", "not a valid server address"),
        ("https://xn--zz.com", "not a valid server address"),
        ("https://" + "a" * 5000 + ".com", "not a valid server address"),
    ],
)
def test_refused_forms(server, phrase):
    with pytest.raises(ConfigError, match=phrase):
        resolve_endpoint(server)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.9.9.9", "::1"])
def test_loopback(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["example.com", "10.0.0.1", "192.168.1.1", "localhost.evil.com"])
def test_not_loopback(host):
    assert not is_loopback(host)
