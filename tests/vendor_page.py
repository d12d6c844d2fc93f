"""The vendor page's example reply, copied by hand from
``shared/reference/get-customer-info-api.md``: an oracle kept apart from the
demo server's own data, so tests of the server are not tautologies."""

VENDOR_EXAMPLE = {
    "result": "success",
    "lead_info": {
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
    "custom_info": None,
    "is_customer": 0,
}
