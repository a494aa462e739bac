"""The delegates' export for the console's jobs: rows streamed from one `values_list` query.

The console's export resource (`DelegateExportResource`) builds every cell through a model
instance, a field and a widget: at 100,000 delegates that took 341 s (CSV) and 507 s (XLSX) in
the worker, 65 and 97 times the same rows read by one SQL query and written by `csv.writer`
(bench/README.md, issue #19: the target is under 60 s). Here the rows come from one query over a
server-side cursor, as tuples, and each cell that depends only on a few values (a delegation's
name in the reader's language, a choice's label, a nationality, a date, the photo's state) is
worked out once per distinct value, by the resource's own field and widget on a stand-in
delegate, then reused. Only the cells typed by people (names, function, e-mail, badge and masked
passport number) are made per row, through the same two rules as the resource:
`conference.text.spreadsheet_cell` (no control characters, a formula kept as text) and
`passports.masked`. The file is the resource's, cell for cell: same columns, headers, order,
masking and escaping (tests/delegations/import_export/test_streamed_export.py compares both).

Paid for by bench/large_conference_http.py --only jobs --jobs-before (bench/README.md, 100,000
delegates, medians of 5 runs, fresh processes): the CSV job takes 1.2 s (x3.0 one SQL query
written by `csv.writer`) where the resource's path took 14.0 s (x36) in the same run, and the
XLSX job 9.7 s (1.2 times openpyxl writing the same rows alone) where it took 22.3 s; the
worker peaks at 115 MB (119 MB before), 9 MB over its start.
"""

from collections.abc import Iterator

from conference.text import spreadsheet_cell
from delegations import passports
from delegations.models import Delegate, Delegation
from delegations.resources.exports import DelegateExportResource

# Rows fetched from the server-side cursor at a time: memory stays flat, round trips few.
CHUNK_SIZE = 2000

# The columns the query reads, in this order (the row tuples unpack into `_cells`' names).
# The primary key comes last so that a list whose search made its query DISTINCT still gives one
# row per delegate.
COLUMNS = (
    "delegation__kind",
    "delegation__country",
    "delegation__name",
    "title",
    "family_name",
    "given_names",
    "function",
    "role",
    "protocol_rank",
    "email",
    "nationality",
    "date_of_birth",
    "passport_last4",
    "badge_category",
    "badge_number",
    "accreditation_status",
    "photo",
    "pk",
)


class _Once(dict):
    """The cell of each distinct value, made by `make` the first time the value is met."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        cell = self[key] = self.make(key)
        return cell


def _text(value) -> str:
    """A typed cell as the resource writes it: the bare widget's text, then made safe."""
    return spreadsheet_cell("" if value is None else str(value))


def delegate_rows(queryset, *, native: bool = False) -> Iterator[list]:
    """The header, then each delegate's cells, in the queryset's order and with its filter, as
    `DelegateExportResource` exports them: text for CSV, or (`native`) a date of birth as a date
    for a spreadsheet. Cells depend on the active language, as the resource's do."""
    resource = DelegateExportResource()
    fields = {field.column_name: field for field in resource.get_export_fields()}

    def by_resource(column, stand_in):
        """The resource's own cell for a stand-in delegate carrying the distinct values."""
        field = fields[column]
        return _Once(
            lambda key: resource.export_field(field, stand_in(key), force_native_type=native)
        )

    delegation_names = by_resource(
        "delegation",
        lambda key: Delegate(delegation=Delegation(kind=key[0], country=key[1], name=key[2])),
    )
    roles = by_resource("role", lambda role: Delegate(role=role))
    ranks = by_resource("protocol_rank", lambda rank: Delegate(protocol_rank=rank))
    nationalities = by_resource("nationality", lambda code: Delegate(nationality=code))
    birth_dates = by_resource("date_of_birth", lambda born: Delegate(date_of_birth=born))
    categories = by_resource("badge_category", lambda category: Delegate(badge_category=category))
    statuses = by_resource("accreditation", lambda status: Delegate(accreditation_status=status))
    photos = by_resource(
        "photo", lambda key: Delegate(protocol_rank=key[0], photo="photo" if key[1] else "")
    )

    yield resource.get_export_headers()
    rows = resource.filter_export(queryset).values_list(*COLUMNS)
    for (
        kind,
        country,
        organisation,
        title,
        family_name,
        given_names,
        function,
        role,
        rank,
        email,
        nationality,
        born,
        last4,
        category,
        badge_number,
        status,
        photo,
        _pk,
    ) in rows.iterator(chunk_size=CHUNK_SIZE):
        yield [
            delegation_names[kind, country, organisation],
            _text(title),
            _text(family_name),
            _text(given_names),
            _text(function),
            roles[role],
            ranks[rank],
            _text(email),
            nationalities[nationality],
            birth_dates[born],
            _text(passports.masked(last4)),
            categories[category],
            _text(badge_number),
            statuses[status],
            photos[rank, bool(photo)],
        ]
