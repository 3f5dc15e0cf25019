"""The demo year, generated from records, reproduces the seeds on the rendered statistics
page: 2,284 enquiries (seed 000) and the support shares of seed 004 within 0.5 pp."""

import re

import pytest
from django.urls import reverse

from socioinfo.advice.demo import DEMO_YEAR, load_advice_demo
from socioinfo.advice.models import Enquiry

# Seed 004: shares of contacts by type of support.
SEED_004 = {
    "interpreting": 56.5,
    "counselling": 53.5,
    "prevention": 17.5,
    "networking": 16.1,
}


@pytest.fixture(scope="module")
def advice_demo(demo_data, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        report = load_advice_demo()
        yield report
        transaction.set_rollback(True)


def _table(html: str, slug: str) -> dict[str, str]:
    """Row key → last cell of the data table ``slug`` on the page."""
    body = html.split(f'data-table="{slug}"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr data-key="([^"]*)">(.*?)</tr>', body, re.S)
    return {key: re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)[-1].strip() for key, cells in rows}


def _percent(text: str) -> float:
    return float(text.replace("%", "").replace(",", ".").replace("\xa0", "").strip())


def test_the_demo_years_statistics_page_shows_2284_enquiries_and_the_seed_shares(
    advice_demo, worker_client
):
    page = worker_client.get(reverse("advice:statistics"), {"year": DEMO_YEAR})
    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'class="lead total">\s*2\s?284\b', html.replace("\xa0", " "))
    months = _table(html, "months")
    assert sum(int(v) for v in months.values()) == 2284
    shares = {key: _percent(value) for key, value in _table(html, "support").items()}
    for kind, seed in SEED_004.items():
        assert abs(shares[kind] - seed) <= 0.5, (kind, shares[kind], seed)
    assert sum(shares.values()) > 100  # one contact carries several types


def test_the_demo_is_generated_again_without_duplicates(advice_demo):
    load_advice_demo()
    assert Enquiry.objects.filter(is_demo=True, status="done").count() == 2284


def test_the_public_page_shows_the_same_totals_and_hides_small_counts(advice_demo, client):
    page = client.get(reverse("advice_public:statistics"), {"year": DEMO_YEAR})
    html = page.content.decode()
    assert page.status_code == 200
    assert "2284" in html.replace("\xa0", "").replace(" ", "")
    cells = [
        value
        for slug in ("districts", "topics", "languages", "unmet-districts")
        for value in _counts(html, slug)
    ]
    assert all(c >= 5 for c in cells if c is not None)


def _counts(html: str, slug: str) -> list[int | None]:
    body = html.split(f'data-table="{slug}"', 1)[1].split("</table>", 1)[0]
    out: list[int | None] = []
    for cell in re.findall(r'<td class="num">(.*?)</td>', body, re.S):
        text = cell.strip().replace("\xa0", "")
        out.append(int(text) if text.isdigit() else None)
    return out


def test_staff_download_the_statistics_as_csv_and_xlsx(advice_demo, worker_client):
    csv_file = worker_client.get(
        reverse("advice:statistics_file", args=["csv"]), {"year": DEMO_YEAR}
    )
    assert csv_file["Content-Type"].startswith("text/csv")
    text = csv_file.content.decode()
    assert len(text.splitlines()) > 30
    xlsx = worker_client.get(reverse("advice:statistics_file", args=["xlsx"]), {"year": DEMO_YEAR})
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == len(text.splitlines())
    support = [r for r in rows[1:] if r[2] == 1290]
    assert support  # interpreting: 56.5 % of 2,284 contacts


def test_every_chart_has_its_data_table_and_no_script(advice_demo, client):
    html = client.get(reverse("advice_public:statistics"), {"year": DEMO_YEAR}).content.decode()
    assert html.count('<svg class="bar-chart"') == html.count("data-table=")
    assert html.count('<svg class="bar-chart"') >= 10
    assert "<script" not in html.split("<main", 1)[1]
