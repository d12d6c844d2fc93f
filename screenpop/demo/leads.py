"""Sample leads served by the embedded demo server.

The data mimics what a GOautodial / croco-dial ``goGetCustomerInfo`` call
really returns, including the awkward parts a client has to survive:
values as strings (MySQL style) *and* as numbers (the vendor page), the three
shapes of ``custom_info`` (``null``, ``[]``, object), the MySQL empty date
``0000-00-00``, non-ASCII names, characters that need escaping in XML,
unknown extra fields, a phone number shared by two leads and an
``is_customer`` row count above 1.

Summary (lead id -> phone, what it demonstrates):

=====  ==========  =========================================================
14246  8004321000  the vendor page's example, numeric lead_id/list_id
15001  2065551234  customer (1), custom_info object, date_of_birth 0000-00-00
15002  5125550198  custom_info ``[]`` (empty PHP array)
15003  3312345678  Spanish accents and Ñ, custom_info with non-ASCII values
15004  512345678   "Zoë Łukasiewicz-Ørsted", Polish number
15005  3125550147  extra fields entry_date/vendor_lead_code, XML-hostile text
15006  7135550110  older lead sharing its phone with 15012
15012  7135550110  newer lead: the one a phone lookup must return
15007  6175550123  is_customer 2 (two rows in go_customers), custom_info object
=====  ==========  =========================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The columns goGetCustomerInfo selects from vicidial_list, in the order the
# server returns them. Clients may rely on neither order nor completeness, but
# the demo reproduces both so a client can be checked against the real thing.
LEAD_INFO_FIELDS: tuple[str, ...] = (
    "lead_id",
    "list_id",
    "title",
    "first_name",
    "middle_initial",
    "last_name",
    "phone_number",
    "alt_phone",
    "email",
    "address1",
    "address2",
    "address3",
    "city",
    "state",
    "province",
    "postal_code",
    "country_code",
    "gender",
    "date_of_birth",
    "status",
    "user",
    "comments",
)

# Field and custom column names become XML element names, so they must be
# plain identifiers (MySQL column names on real servers are).
_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

LeadValue = str | int
CustomInfo = dict[str, str] | list[str] | None


@dataclass(frozen=True)
class DemoLead:
    """One row of ``vicidial_list`` plus what the server adds around it.

    ``fields`` holds the 22 standard ``lead_info`` columns and may hold
    extra ones (kept after the standard ones, to exercise unknown-field
    handling). ``custom_info`` is ``None`` (no custom fields), ``[]`` (an
    empty PHP array) or column -> string. ``customers`` is the
    ``is_customer`` row count. Treat instances as read-only: the server only
    ever hands out copies.
    """

    fields: dict[str, LeadValue]
    custom_info: CustomInfo = None
    customers: int = 0

    def __post_init__(self) -> None:
        missing = [name for name in LEAD_INFO_FIELDS if name not in self.fields]
        if missing:
            raise ValueError(f"lead is missing fields: {', '.join(missing)}")
        names = list(self.fields)
        if isinstance(self.custom_info, dict):
            names += list(self.custom_info)
        bad = [name for name in names if not _NAME_RE.match(name)]
        if bad:
            raise ValueError(f"not usable as XML element names: {bad}")
        if not str(self.fields["lead_id"]).isdigit():
            raise ValueError("lead_id must be all digits")
        if self.customers < 0:
            raise ValueError("customers is a row count and cannot be negative")

    @property
    def lead_id(self) -> int:
        """The lead id as a number, whichever type ``fields`` stores."""
        return int(self.fields["lead_id"])

    @property
    def phone_digits(self) -> str:
        """The phone number reduced to digits, as the server compares it."""
        return "".join(ch for ch in str(self.fields["phone_number"]) if ch.isdigit())

    def lead_info(self) -> dict[str, LeadValue]:
        """A fresh ``lead_info`` mapping: standard columns first, then extras."""
        info = {name: self.fields[name] for name in LEAD_INFO_FIELDS}
        info.update((k, v) for k, v in self.fields.items() if k not in info)
        return info

    def custom_info_copy(self) -> CustomInfo:
        """A copy of ``custom_info`` so a reply can never alias sample data."""
        if self.custom_info is None:
            return None
        if isinstance(self.custom_info, dict):
            return dict(self.custom_info)
        return list(self.custom_info)


def _row(lead_id: int, list_id: int, phone_number: str, **values: str) -> dict[str, LeadValue]:
    """Build a MySQL-style row (all strings); unset columns get server defaults.

    Keyword names that are not standard columns become extra fields, appended
    after the standard ones.
    """
    row: dict[str, LeadValue] = dict.fromkeys(LEAD_INFO_FIELDS, "")
    row.update(
        lead_id=str(lead_id),
        list_id=str(list_id),
        phone_number=phone_number,
        gender="U",
        date_of_birth="0000-00-00",
        status="NEW",
    )
    row.update(values)
    return row


# Exactly the example reply on the vendor's page, numbers included.
VENDOR_EXAMPLE = DemoLead(
    fields={
        "lead_id": 14246,
        "list_id": 22799125,
        "title": "Lic",
        "first_name": "Bruno",
        "middle_initial": "M",
        "last_name": "Macias",
        "phone_number": "8004321000",
        "alt_phone": "5587654321",
        "email": "brunoramiro@email.com",
        "address1": "Av. Reforma 123",
        "address2": "Interior 4B",
        "address3": "Col. Centro",
        "city": "Guadalajara",
        "state": "Jalisco",
        "province": "Ontario",
        "postal_code": "44100",
        "country_code": "MX",
        "gender": "U",
        "date_of_birth": "1825-10-23",
        "status": "PU",
        "user": "Bruno",
        "comments": "Additional information was requested.",
    },
    custom_info=None,
    customers=0,
)

# List 1001 has custom fields; its leads share the same columns, as real
# custom_<list_id> tables do.
_CUSTOMER = DemoLead(
    fields=_row(
        15001,
        1001,
        "2065551234",
        title="Mr",
        first_name="Daniel",
        middle_initial="R",
        last_name="Whitaker",
        alt_phone="2065550187",
        email="d.whitaker@example.com",
        address1="1420 Pine St",
        address2="Apt 5C",
        city="Seattle",
        state="WA",
        postal_code="98101",
        country_code="US",
        gender="M",
        status="SALE",
        user="agent007",
        comments="Renewed for 24 months; wants paper invoices.",
    ),
    custom_info={
        "plan_name": "Fiber 500",
        "contract_end": "2027-03-31",
        "monthly_fee": "59.99",
        "preferred_contact_time": "Weekdays after 6pm",
    },
    customers=1,
)

_EMPTY_CUSTOM_ARRAY = DemoLead(
    fields=_row(
        15002,
        1002,
        "5125550198",
        title="Ms",
        first_name="Priya",
        last_name="Raman",
        email="priya.raman@example.org",
        address1="801 Congress Ave",
        address2="Suite 300",
        city="Austin",
        state="TX",
        postal_code="78701",
        country_code="US",
        gender="F",
        date_of_birth="1988-04-17",
        status="CALLBK",
        user="agent012",
        comments="Call back next Tuesday about the upgrade.",
    ),
    custom_info=[],
    customers=0,
)

_SPANISH = DemoLead(
    fields=_row(
        15003,
        1003,
        "3312345678",
        title="Sr",
        first_name="José",
        last_name="Ñúñez Peña",
        alt_phone="5598765432",
        email="jose.nunez@example.mx",
        address1="Calle Ámsterdam 45",
        address2="Depto. 2",
        address3="Col. Hipódromo",
        city="Ciudad de México",
        state="CDMX",
        postal_code="06100",
        country_code="MX",
        gender="M",
        date_of_birth="1979-12-02",
        status="A",
        user="agente05",
        comments="Llamó por la factura de diciembre; prefiere atención en español.",
    ),
    custom_info={
        "idioma_preferido": "Español",
        "colonia": "Hipódromo Condesa",
        "referencia": "Entre Ámsterdam y Michoacán, portón café",
    },
    customers=0,
)

_POLISH = DemoLead(
    fields=_row(
        15004,
        1004,
        "512345678",
        title="Dr",
        first_name="Zoë",
        middle_initial="Ł",
        last_name="Łukasiewicz-Ørsted",
        email="zoe.lukasiewicz@example.pl",
        address1="ul. Floriańska 12/3",
        city="Kraków",
        state="Małopolskie",
        postal_code="31-019",
        country_code="PL",
        gender="F",
        date_of_birth="1991-07-30",
        status="NEW",
        comments="Prefers e-mail; asked about the Gdańsk office (Łódź was closed).",
    ),
    custom_info=None,
    customers=0,
)

# Extra columns some installations add to the select; also text that must be
# escaped in XML (&, <, >, quotes) and an apostrophe in the name.
_EXTRA_FIELDS = DemoLead(
    fields=_row(
        15005,
        1004,
        "3125550147",
        first_name="Marcus",
        last_name="O'Neill",
        email="marcus.oneill@example.com",
        address1="233 S Wacker Dr",
        city="Chicago",
        state="IL",
        postal_code="60606",
        country_code="US",
        gender="M",
        status="NI",
        user="agent007",
        comments='Asked about the "Fiber & TV" bundle <promo 2026>.',
        entry_date="2026-11-30 09:12:44",
        vendor_lead_code="VX-889",
    ),
    custom_info=None,
    customers=0,
)

# Two leads with one phone number: a phone lookup must return 15012, the
# highest lead id. The newer one is listed first so that neither "first
# match" nor "last match" happens to give the right answer.
_SHARED_PHONE_NEW = DemoLead(
    fields=_row(
        15012,
        1002,
        "7135550110",
        title="Mr",
        first_name="Carlos",
        last_name="Mendoza",
        email="carlos.mendoza@example.com",
        address1="909 Fannin St",
        city="Houston",
        state="TX",
        postal_code="77010",
        country_code="US",
        gender="M",
        status="CALLBK",
        user="agent012",
        comments="New inquiry about business lines.",
    ),
    custom_info=[],
    customers=0,
)

_SHARED_PHONE_OLD = DemoLead(
    fields=_row(
        15006,
        1002,
        "7135550110",
        title="Mr",
        first_name="Carlos",
        last_name="Mendoza",
        address1="4400 Post Oak Pkwy",
        city="Houston",
        state="TX",
        postal_code="77027",
        country_code="US",
        gender="M",
        status="NA",
        comments="Imported from the 2024 campaign; no answer.",
    ),
    custom_info=[],
    customers=0,
)

_REPEAT_CUSTOMER = DemoLead(
    fields=_row(
        15007,
        1001,
        "6175550123",
        title="Mrs",
        first_name="Sunita",
        middle_initial="K",
        last_name="Patel",
        alt_phone="6175550999",
        email="sunita.patel@example.com",
        address1="100 Summer St",
        address2="Floor 12",
        city="Boston",
        state="MA",
        postal_code="02110",
        country_code="US",
        gender="F",
        date_of_birth="1972-09-14",
        status="SALE",
        user="agent003",
        comments="Two accounts: home and office.",
    ),
    custom_info={
        "plan_name": "Business 1G",
        "contract_end": "2028-01-15",
        "monthly_fee": "149.00",
        "preferred_contact_time": "Mornings",
    },
    customers=2,
)

SAMPLE_LEADS: tuple[DemoLead, ...] = (
    VENDOR_EXAMPLE,
    _CUSTOMER,
    _EMPTY_CUSTOM_ARRAY,
    _SPANISH,
    _POLISH,
    _EXTRA_FIELDS,
    _SHARED_PHONE_NEW,
    _SHARED_PHONE_OLD,
    _REPEAT_CUSTOMER,
)
