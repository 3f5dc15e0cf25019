"""Statistics for templates and files: charts beside their tables, CSV and XLSX."""

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from socioinfo.advice.selectors import Row, Statistics, Table, hidden_text, statistics_rows
from socioinfo.core.charts import horizontal_bars


@dataclass
class ChartedTable:
    table: Table
    chart: SafeString
    shows_share: bool


def _value_text(row: Row, shows_share: bool) -> str:
    if row.count is None:
        return hidden_text(row)
    if shows_share and row.share is not None:
        return f"{row.share:.1f} %".replace(".", ",")
    return str(row.count)


def charted(stats: Statistics) -> list[ChartedTable]:
    """Each table with its bar chart (shares for support types, counts otherwise)."""
    out = []
    for table in stats.tables:
        shows_share = table.slug == "support"
        bars = [
            (
                row.label,
                (row.share if shows_share else row.count) if row.count is not None else None,
                _value_text(row, shows_share),
            )
            for row in table.rows
        ]
        out.append(ChartedTable(table, horizontal_bars(bars), shows_share))
    return out


def _header() -> list[str]:
    return [_("Table"), _("Category"), _("Enquiries"), _("Share of enquiries (%)")]


def csv_response(stats: Statistics, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header())
    writer.writerows(statistics_rows(stats))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(stats: Statistics, filename: str) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet(_("Statistics")[:31])
    sheet.append(_header())
    for row in statistics_rows(stats):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
