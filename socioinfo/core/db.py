"""Small database helpers shared by the apps."""

from collections.abc import Iterable

from django.db import connection


def table_state(latest: Iterable[tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    """For each (table, column): the row count and the column's largest value, as text, read
    in one round trip. It changes when a row is added or deleted, and when a row is saved
    (``updated_at``) or a link row added (``id``): what caches of whole tables are keyed by."""
    parts = [
        f"SELECT '{table}', COUNT(*), CAST(MAX({column}) AS TEXT) FROM {table}"  # noqa: S608
        for table, column in latest
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        return tuple(sorted(tuple(str(value) for value in row) for row in cursor.fetchall()))
