"""Sample records the write-path tests create: field values as a form or the CLI gives them."""

PERSON = {"family_name": "Kowalski", "given_names": "Jan", "nation_code": "POL"}
EXCHANGE = {
    "title": "Cold Response",
    "kind": "joint exercise",
    "host_nation": "NOR",
    "partner_nations": "USA, GBR",
    "start_date": "2026-03-01",
    "end_date": "2026-03-20",
}
AGREEMENT = {
    "title": "Officer exchange",
    "kind": "memorandum_of_understanding",
    "parties": "USA POL",
}
