"""Both API clients behind one interface, so a test module runs every test
with each: the async one (the window) and the blocking one (the CLI), the
latter in a worker thread as the CLI runs it in its own.

A module opts in with ``pytestmark = pytest.mark.usefixtures("client_kind")``
after importing the ``client_kind`` fixture, and makes its clients with
:func:`make_client`."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from screenpop.core.goapi import BlockingGoApiClient, Credentials, GoApiClient

CLIENT_KINDS = ("async", "blocking")


class _Current:
    kind = "async"


current = _Current()


@pytest.fixture(params=CLIENT_KINDS)
def client_kind(request, monkeypatch) -> str:
    monkeypatch.setattr(current, "kind", request.param)
    return request.param


class BlockingAsAsync:
    """:class:`BlockingGoApiClient` with the async client's methods."""

    def __init__(self, client: BlockingGoApiClient) -> None:
        self._client = client

    async def __aenter__(self) -> BlockingAsAsync:
        return self

    async def __aexit__(self, *_exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._client.close()

    async def get_customer_info(self, **query: Any) -> Any:
        return await asyncio.to_thread(self._client.get_customer_info, **query)

    async def check_login(self) -> None:
        await asyncio.to_thread(self._client.check_login)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


def make_client(endpoint: str, credentials: Credentials, **options: Any) -> Any:
    """The client of the current kind (async by default)."""
    if current.kind == "blocking":
        return BlockingAsAsync(BlockingGoApiClient(endpoint, credentials, **options))
    return GoApiClient(endpoint, credentials, **options)


def body_stream(chunks: Any) -> Any:
    """A streamed response body the current kind can read."""
    if current.kind == "blocking":
        return chunks

    async def streamed() -> Any:
        for chunk in chunks:
            yield chunk

    return streamed()
