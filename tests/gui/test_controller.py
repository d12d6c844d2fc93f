"""LookupController on the qasync loop, with a scripted client."""

import asyncio

from gui_helpers import wait_until

from screenpop.core.errors import LeadNotFound
from screenpop.core.intake import parse_input, parse_lead_id
from screenpop.core.models import CustomerInfo
from screenpop.ui.controller import LookupController


def _info(lead_id: str) -> CustomerInfo:
    return CustomerInfo.from_api({"lead_info": {"lead_id": lead_id}, "is_customer": 0})


class ScriptedClient:
    """Answers after ``delays[lead_id]`` seconds; can be told to ignore cancellation."""

    def __init__(self, delays=None, ignore_cancel=False):
        self.delays = delays or {}
        self.ignore_cancel = ignore_cancel
        self.calls: list[str] = []
        self.closed = False

    async def get_customer_info(self, *, phone=None, lead_id=None):
        key = lead_id or phone
        self.calls.append(key)
        delay = self.delays.get(key, 0)
        if self.ignore_cancel:
            # A badly behaved client that answers anyway: only the generation
            # check stands between this reply and the window.
            try:
                await asyncio.sleep(delay)
            except asyncio.CancelledError:
                await asyncio.sleep(delay)
        else:
            await asyncio.sleep(delay)
        if key == "404":
            raise LeadNotFound(f"lead ID {key}")
        return _info(key)

    async def aclose(self):
        self.closed = True


class Recorder:
    def __init__(self, controller: LookupController):
        self.events: list[tuple] = []
        controller.started.connect(lambda r: self.events.append(("started", r.searched)))
        controller.succeeded.connect(
            lambda r, info: self.events.append(("succeeded", info.lead.lead_id))
        )
        controller.failed.connect(lambda r, m, retry: self.events.append(("failed", m, retry)))
        controller.finished.connect(lambda: self.events.append(("finished",)))

    def kinds(self) -> list[str]:
        return [event[0] for event in self.events]


async def test_a_superseded_reply_never_emits_even_if_the_client_ignores_cancel():
    client = ScriptedClient(delays={"1": 0.2}, ignore_cancel=True)
    controller = LookupController(client)
    recorder = Recorder(controller)

    controller.lookup(parse_lead_id("1"))
    await asyncio.sleep(0.02)
    controller.lookup(parse_lead_id("2"))
    await wait_until(lambda: ("finished",) in recorder.events)
    await asyncio.sleep(0.35)  # the first reply has come and gone

    assert recorder.events == [
        ("started", "lead ID 1"),
        ("started", "lead ID 2"),
        ("succeeded", "2"),
        ("finished",),
    ]
    await controller.aclose()


async def test_failure_is_reported_with_the_user_message():
    controller = LookupController(ScriptedClient())
    recorder = Recorder(controller)

    controller.lookup(parse_lead_id("404"))
    await wait_until(lambda: not controller.is_busy())

    assert recorder.events[1:] == [
        ("failed", "No lead found for lead ID 404.", True),
        ("finished",),
    ]
    await controller.aclose()


async def test_retry_repeats_the_last_request():
    client = ScriptedClient()
    controller = LookupController(client)
    controller.retry()  # nothing to repeat yet
    assert client.calls == []

    controller.lookup(parse_input("8004321000"))
    await wait_until(lambda: not controller.is_busy())
    controller.retry()
    await wait_until(lambda: not controller.is_busy())

    assert client.calls == ["8004321000", "8004321000"]
    await controller.aclose()


async def test_aclose_cancels_the_lookup_in_flight_and_closes_the_client():
    client = ScriptedClient(delays={"1": 5})
    controller = LookupController(client)
    recorder = Recorder(controller)
    controller.lookup(parse_lead_id("1"))
    await asyncio.sleep(0.02)

    await asyncio.wait_for(controller.aclose(), timeout=1)

    assert client.closed
    assert recorder.kinds() == ["started"]
    controller.lookup(parse_lead_id("2"))  # ignored after close
    assert recorder.kinds() == ["started"]


async def test_a_burst_of_pops_sends_few_requests_and_shows_the_last_number():
    client = ScriptedClient(delays={str(n): 0.005 for n in range(30)})
    controller = LookupController(client)
    controller.lookup(parse_lead_id("100"))  # the agent's first lookup proves the login
    await wait_until(lambda: not controller.is_busy())
    await asyncio.sleep(0.2)
    client.calls.clear()
    recorder = Recorder(controller)

    for number in range(30):  # 30 pops in about 0.3 s
        controller.lookup(parse_lead_id(str(number)), explicit=False)
        await asyncio.sleep(0.01)
    await wait_until(lambda: not controller.is_busy())

    assert client.calls[0] == "0"  # the first pop went out at once
    assert client.calls[-1] == "29"  # and the newest was the last sent
    assert len(client.calls) <= 4
    assert [e for e in recorder.events if e[0] == "succeeded"][-1] == ("succeeded", "29")
    await controller.aclose()


async def test_the_same_number_popped_again_soon_reuses_the_record():
    client = ScriptedClient()
    controller = LookupController(client)
    recorder = Recorder(controller)
    pop = parse_input("8004321000")

    controller.lookup(pop, explicit=False)
    await wait_until(lambda: not controller.is_busy())
    await asyncio.sleep(0.2)  # past the burst interval
    controller.lookup(pop, explicit=False)
    await wait_until(lambda: not controller.is_busy())
    assert client.calls == ["8004321000"]
    assert recorder.kinds().count("succeeded") == 2

    controller.lookup(pop, explicit=True)  # Enter always asks the dialer
    await wait_until(lambda: not controller.is_busy())
    assert client.calls == ["8004321000", "8004321000"]

    controller.reuse_seconds = 0  # switched off
    await asyncio.sleep(0.2)
    controller.lookup(pop, explicit=False)
    await wait_until(lambda: not controller.is_busy())
    assert len(client.calls) == 3
    await controller.aclose()
