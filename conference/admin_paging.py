"""Console lists that page by key, not by OFFSET, so page 1,000 costs what page 1 costs.

Django's ChangeList pages with OFFSET: the database sorts and skips every row before the page,
so a list of 100,000 delegates took 204 ms on page 1 and 777 ms on page 1,000 (issue 19). A list
with `keyset_ordering` (a unique key ending in the primary key, matched by an index) pages from
the last row shown instead: "next" asks for the rows after it, "previous" for the rows before
the first, and the database walks the index from there (`(a, b, id) > (x, y, z)` is a row
comparison PostgreSQL and SQLite both answer from a composite index).

A column sort chosen by the organiser has no index to walk, so it keeps Django's numbered pages,
capped at `MAX_OFFSET_PAGES`: past the cap the list asks for a filter rather than sort the table
to skip rows.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import IS_FACETS_VAR, ORDER_VAR, ChangeList
from django.core.paginator import Paginator
from django.db.models import BooleanField, F, Func, Value

AFTER_VAR = "after"
BEFORE_VAR = "before"
MAX_OFFSET_PAGES = 50


class RowComparison(Func):
    """`(a, b, c) > (x, y, z)` in SQL, as a condition for `filter()`."""

    output_field = BooleanField()

    def __init__(self, columns, operator, values):
        if operator not in ("<", ">"):
            raise ValueError("operator must be < or >")
        self.operator = operator
        self.width = len(columns)
        super().__init__(*columns, *(Value(value) for value in values))

    def as_sql(self, compiler, connection, **extra_context):
        sqls, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            sqls.append(sql)
            params.extend(expression_params)
        left, right = ", ".join(sqls[: self.width]), ", ".join(sqls[self.width :])
        return f"({left}) {self.operator} ({right})", params


class CappedPaginator(Paginator):
    """Numbered pages, never more than MAX_OFFSET_PAGES of them: the OFFSET stays bounded."""

    @property
    def num_pages(self):
        return min(super().num_pages, MAX_OFFSET_PAGES)


class KeysetChangeList(ChangeList):
    """Pages by the model admin's `keyset_ordering`, from the row named by ?after= or ?before=."""

    def __init__(self, request, model, *args, **kwargs):
        # Read before Django's init, which filters and paginates; dropped from the list's own
        # parameters afterwards, so filter and sort links start again from the first page.
        self.cursor = _cursor(request.GET)
        super().__init__(request, model, *args, **kwargs)
        for name in (AFTER_VAR, BEFORE_VAR):
            self.params.pop(name, None)
            self.filter_params.pop(name, None)
        self.remove_facet_link = self.get_query_string(remove=[IS_FACETS_VAR])
        self.add_facet_link = self.get_query_string({IS_FACETS_VAR: True})

    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        for name in (AFTER_VAR, BEFORE_VAR):
            lookup_params.pop(name, None)
        return lookup_params

    @property
    def keyset(self):
        """Whether this list pages by key: only in the order its index serves."""
        return not self.params.get(ORDER_VAR)

    def get_ordering(self, request, queryset):
        if self.keyset:
            return list(self.model_admin.keyset_ordering)
        return super().get_ordering(request, queryset)

    def get_results(self, request):
        if not self.keyset:
            super().get_results(request)
            self.keyset_previous = self.keyset_next = None
            self.offset_capped = self.result_count > MAX_OFFSET_PAGES * self.list_per_page
            return
        per_page = self.list_per_page
        self.offset_capped = False
        self.page_num = 1  # a keyset list has no page numbers
        super().get_results(request)  # counts, "show all"; its page 1 query is lazy
        if not self.multi_page or (self.show_all and self.can_show_all):
            self.keyset_previous = self.keyset_next = None
            return
        names = list(self.model_admin.keyset_ordering)
        direction, pk = self.cursor
        key = self._key_of(pk) if pk is not None else None
        if key is None:
            rows = list(self.queryset[: per_page + 1])
            more_before, more_after = False, len(rows) > per_page
            rows = rows[:per_page]
        elif direction == AFTER_VAR:
            rows = list(self.queryset.filter(_after(names, key))[: per_page + 1])
            more_before, more_after = True, len(rows) > per_page
            rows = rows[:per_page]
        else:
            backwards = [F(name).desc() for name in names]
            rows = list(
                self.queryset.filter(_before(names, key)).order_by(*backwards)[: per_page + 1]
            )
            more_before, more_after = len(rows) > per_page, True
            rows = rows[:per_page][::-1]
        self.result_list = rows
        self.keyset_previous = (
            self.get_query_string({BEFORE_VAR: rows[0].pk}, [AFTER_VAR])
            if rows and more_before
            else None
        )
        self.keyset_next = (
            self.get_query_string({AFTER_VAR: rows[-1].pk}, [BEFORE_VAR])
            if rows and more_after
            else None
        )

    def _key_of(self, pk):
        """The ordering key of the row the cursor names (one lookup by primary key); None if it
        is gone meanwhile, and the list starts again from its first page."""
        names = list(self.model_admin.keyset_ordering)
        picked = {f"key_{index}": F(name) for index, name in enumerate(names)}
        row = self.root_queryset.filter(pk=pk).annotate(**picked).values_list(*picked).first()
        return row


def _after(names, key):
    return RowComparison([F(name) for name in names], ">", key)


def _before(names, key):
    return RowComparison([F(name) for name in names], "<", key)


def _cursor(query):
    for direction in (AFTER_VAR, BEFORE_VAR):
        value = query.get(direction, "")
        if value:
            if not value.isdigit() or len(value) > 18:
                raise IncorrectLookupParameters(f"{direction} must be a row id")
            return direction, int(value)
    return None, None


class KeysetPagingMixin:
    """For a ModelAdmin: page by `keyset_ordering` (names of fields or of the queryset's
    aliases, ending in "id"), which an index of the model must match, column by column."""

    keyset_ordering = ()
    # Counting the whole table again for "(N total)" costs as much as the page itself.
    show_full_result_count = False

    def get_changelist(self, request, **kwargs):
        return KeysetChangeList

    def get_paginator(self, request, queryset, per_page, **kwargs):
        return CappedPaginator(queryset, per_page, **kwargs)
