"""Public planning pages over the demo: the plan, an item, progress, working groups."""

import re

import pytest

from socioinfo.planning.demo import PLAN_SLUG
from socioinfo.planning.models import Plan, PlanItem, PlanStatus

pytestmark = pytest.mark.django_db
PLAN = f"/plans/{PLAN_SLUG}/"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_plan_page_shows_every_measure_with_responsibility_and_time_frame(
    client, planning_demo
):
    page = text_of(client.get(PLAN))
    for item in PlanItem.objects.filter(plan__slug=PLAN_SLUG):
        assert f">{item.text}<" in page, item.code
    measures = re.findall(r'class="code">([A-E]\d\.\d)</a>', page)
    assert len(measures) == 42
    assert '<dd lang="cs">průběžně – ' not in page  # responsibility and time frame apart
    assert '<dd lang="cs">2018 – 2024</dd>' in page
    assert '<dd lang="cs">OSP ve spolupráci s JMK</dd>' in page
    assert "<dt>OSP</dt><dd>Odbor sociální péče Magistrátu města Brna</dd>" in page


def test_a_measure_page_shows_its_parents_and_the_priority_time_frame_when_it_has_none(
    client, planning_demo
):
    page = text_of(client.get(f"{PLAN}items/E1.2/"))
    assert "Zajišťovat osvětovou činnost" in page
    assert f'href="{PLAN}items/E1/"' in page and f'href="{PLAN}items/E/"' in page
    # E1.2 has no time frame of its own; its priority E1 is "(průběžně)".
    assert '<dd><span lang="cs">průběžně</span> (' in page


def test_an_unknown_item_is_not_found(client, planning_demo):
    assert client.get(f"{PLAN}items/Z9.9/").status_code == 404


def test_the_progress_dashboard_has_a_chart_and_a_table_of_the_same_numbers(client, planning_demo):
    page = text_of(client.get(f"{PLAN}progress/"))
    assert page.count('<svg class="bar-chart"') == 2
    chart = re.search(r'aria-labelledby="goals-chart".*?</svg>', page).group(0)
    chart_values = re.findall(r'class="bar-value"[^>]*>(\d+) %', chart)
    table = page.split('id="goals-chart"', 1)[1].split("</table>", 1)[0]
    table_values = re.findall(r"<td>(\d+) %</td>", table)
    assert chart_values == table_values and len(chart_values) == 5
    assert "<script" not in page.split('<main id="main"', 1)[1]


def test_a_draft_plan_is_not_shown_to_the_public(client, planning_demo):
    draft = Plan.objects.get(slug__startswith="demo-navrh")
    assert draft.status == PlanStatus.CONSULTATION
    assert client.get(f"/plans/{draft.slug}/").status_code == 404
    assert client.get(f"/plans/{draft.slug}/export.json").status_code == 404
    assert draft.name not in text_of(client.get("/plans/")).split('id="plans-title"')[1]


def test_the_plans_page_lists_the_open_consultation(client, planning_demo):
    page = text_of(client.get("/plans/"))
    assert "Návrh akčního plánu" in page.split('id="consultations-title"')[1]


def test_a_measure_lists_directory_services_of_its_types_and_an_empty_unmet_needs_state(
    client, planning_demo
):
    from socioinfo.directory.models import ServiceFormOffer, ServiceType
    from tests.factories import ServiceFactory

    respite = ServiceType.objects.get(slug="odlehcovaci-sluzby")
    service = ServiceFactory(service_type=respite, name="Odlehčovací služba Ukázka")
    ServiceFormOffer.objects.create(
        service=service, form="residential", capacity=12, capacity_unit="beds"
    )
    page = text_of(client.get(f"{PLAN}items/A1.2/"))
    assert "Odlehčovací služba Ukázka" in page
    assert "12" in page.split("Odlehčovací služba Ukázka", 1)[1].split("</tr>", 1)[0]
    needs = page.split('id="needs-title"', 1)[1].split("</section>", 1)[0]
    assert 'href="/socio-info-centre/"' in needs


def test_a_measure_shows_the_unmet_needs_the_advice_centre_recorded(client, planning_demo):
    from socioinfo.advice.models import Enquiry, UnmetNeed, UnmetReason
    from socioinfo.areas.models import Area
    from socioinfo.directory.models import ServiceType
    from socioinfo.planning.models import PlanItem

    respite = ServiceType.objects.get(slug="odlehcovaci-sluzby")
    measure = PlanItem.objects.filter(code="A1.2", service_types=respite).first()
    assert measure is not None
    district = measure.areas.first() or Area.objects.get(name="Brno-Bystrc")
    for reason, times in ((UnmetReason.CAPACITY, 6), (UnmetReason.WAITING_LIST, 2)):
        for _n in range(times):
            UnmetNeed.objects.create(
                enquiry=Enquiry.objects.create(),
                reason=reason,
                service_type=respite,
                district=district,
            )
    page = text_of(client.get(f"{PLAN}items/A1.2/"))
    needs = page.split('id="needs-title"', 1)[1].split("</section>", 1)[0]
    rows = needs.split("<tr>")[2:]
    assert len(rows) == 2
    assert district.name in rows[0] and '<td class="num">6</td>' in rows[0]
    assert '<td class="num">2</td>' not in rows[1]  # fewer than 5: hidden in public
    assert 'href="/socio-info-centre/statistics/"' in needs
