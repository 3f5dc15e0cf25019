"""Planners keep projects and action plans on their pages; nobody else may."""

import pytest

from socioinfo.accounts.roles import Role
from socioinfo.areas.models import Area
from socioinfo.planning.demo import PLAN_SLUG
from socioinfo.planning.models import ActionPlan, PlanItem, Project
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db


def project_form(**fields):
    a12 = PlanItem.objects.get(plan__slug=PLAN_SLUG, code="A1.2")
    lisen = Area.objects.get(level="city_district", name="Brno-Líšeň")
    return {
        "name": "Terénní služby v Líšni",
        "slug": "terenni-sluzby-lisen",
        "description": "Ukázka.",
        "status": "prepared",
        "budget": "1500000",
        "funding_source": "rozpočet města",
        "measures": [a12.pk],
        "districts": [lisen.pk],
        **fields,
    }


def test_a_planner_creates_a_project_linked_to_a_measure_and_a_district(client, planning_demo):
    sign_in(client, make_user(Role.PLANNER))
    response = client.post("/planning/projects/new/", project_form())
    assert response["Location"] == "/projects/terenni-sluzby-lisen/"
    project = Project.objects.get(slug="terenni-sluzby-lisen")
    assert [m.code for m in project.measures.all()] == ["A1.2"]
    assert str(project.budget) == "1500000.00"
    page = client.get("/projects/terenni-sluzby-lisen/").content.decode()
    assert "Brno-Líšeň" in page and "rozpočet města" in page


def test_a_planner_adds_an_entry_to_next_years_action_plan(client, planning_demo):
    sign_in(client, make_user(Role.PLANNER))
    b21 = PlanItem.objects.get(plan__slug=PLAN_SLUG, code="B2.1")
    url = f"/planning/plans/{PLAN_SLUG}/action-plans/2027/"
    client.post(url, {"measure": b21.pk, "activities": "Dluhová poradna v Líšni.", "budget": ""})
    action_plan = ActionPlan.objects.get(plan__slug=PLAN_SLUG, year=2027)
    assert action_plan.entries.get().measure == b21
    assert (
        "Dluhová poradna v Líšni."
        in client.get(f"/plans/{PLAN_SLUG}/action-plans/2027/").content.decode()
    )


@pytest.mark.parametrize("role", [Role.PROVIDER_EDITOR, Role.WORKING_GROUP_MEMBER])
def test_others_keep_neither_projects_nor_action_plans(client, planning_demo, role):
    sign_in(client, make_user(role))
    assert client.post("/planning/projects/new/", project_form()).status_code == 403
    url = f"/planning/plans/{PLAN_SLUG}/action-plans/2027/"
    assert client.post(url, {"activities": "X"}).status_code == 403
    assert not Project.objects.filter(slug="terenni-sluzby-lisen").exists()
    assert not ActionPlan.objects.filter(year=2027).exists()


def test_anonymous_is_sent_to_sign_in(client, planning_demo):
    response = client.get("/planning/projects/podpora-stabilizace-ohrozenych-rodin/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_planner_adds_an_indicator_and_records_its_value(client, planning_demo):
    from socioinfo.planning.models import Indicator

    url = f"/planning/plans/{PLAN_SLUG}/items/A1.3/indicators/"
    sign_in(client, make_user(Role.PROVIDER_EDITOR))
    assert client.get(url).status_code == 403
    sign_in(client, make_user(Role.PLANNER))
    client.post(
        url,
        {
            "add_indicator": "1",
            "name": "Podpoření pečující",
            "unit": "osob",
            "baseline": "100",
            "baseline_year": "2019",
            "target": "300",
            "target_year": "2028",
        },
    )
    indicator = Indicator.objects.get(name="Podpoření pečující")
    assert indicator.measure.code == "A1.3"
    client.post(url, {"add_value": "1", "indicator": indicator.pk, "year": "2024", "value": "180"})
    client.post(url, {"add_value": "1", "indicator": indicator.pk, "year": "2024", "value": "185"})
    assert [(v.year, int(v.value)) for v in indicator.values.all()] == [(2024, 185)]
    page = client.get(f"/plans/{PLAN_SLUG}/items/A1.3/").content.decode()
    assert "Podpoření pečující" in page and "2024: 185" in page
