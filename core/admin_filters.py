"""
Admin list filters that stay cheap on a large table.

``year_filter(field, title)``: the rows of one year of a date or datetime
field, the years offered from the first to the last year the table holds.
Django's ``date_hierarchy`` asks for the distinct years of every matching row
(a sort of the whole table, 40 ms on 100,000 rows); the first and last values
are two reads at the ends of the field's index.
"""

from datetime import datetime

from django.contrib import admin
from django.db.models import Max, Min
from django.utils import timezone


def year_filter(field_name: str, title):
    """A list filter by the year of ``field_name`` (the current time zone's years, newest first)."""

    class YearFilter(admin.SimpleListFilter):
        parameter_name = f"{field_name}_year"

        def lookups(self, request, model_admin):
            bounds = model_admin.get_queryset(request).aggregate(
                first=Min(field_name), last=Max(field_name)
            )
            if bounds["first"] is None:
                return []
            first, last = (self._year(value) for value in bounds.values())
            return [(str(year), str(year)) for year in range(last, first - 1, -1)]

        def queryset(self, request, queryset):
            try:
                year = int(self.value() or "")
            except ValueError:
                return queryset
            return queryset.filter(**{f"{field_name}__year": year})

        def _year(self, value) -> int:
            if isinstance(value, datetime) and timezone.is_aware(value):
                value = timezone.localtime(value)
            return value.year

    YearFilter.title = title
    YearFilter.__name__ = YearFilter.__qualname__ = f"YearFilter_{field_name}"
    return YearFilter
