"""Projects, action plans, monitoring, the evaluation report and the exports of a plan."""

import csv
import io
import json
import re

import pytest

from socioinfo.accounts.roles import Role
from socioinfo.planning.demo import PLAN_SLUG
from socioinfo.planning.models import ActionPlan, PlanItem, ProgressReport, Project
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db
PLAN = f"/plans/{PLAN_SLUG}/"


def test_seed_001s_projects_are_linked_to_measures_and_districts(client, planning_demo):
    families = Project.objects.get(name="Podpora stabilizace ohrožených rodin")
    assert sorted(families.districts.values_list("name", flat=True)) == [
        "Brno-Královo Pole",
        "Brno-jih",
        "Brno-sever",
        "Brno-střed",
        "Brno-Židenice",
    ]
    assert families.description.startswith("Projekt se věnuje podpoře ohrožených rodin")
    charbulova = Project.objects.get(name="Zařízení sociálních služeb Charbulova")
    assert list(charbulova.districts.values_list("name", flat=True)) == ["Brno-Černovice"]
    assert set(charbulova.measures.values_list("code", flat=True)) == {"A1.1", "A1.3"}
    page = client.get(f"{PLAN}items/A1.3/").content.decode()
    assert "/projects/zarizeni-socialnich-sluzeb-charbulova/" in page


def test_this_years_action_plan_takes_the_measures_of_the_projects(planning_demo):
    action_plan = ActionPlan.objects.get()
    codes = sorted(action_plan.entries.values_list("measure__code", flat=True))
    assert codes == ["A1.1", "A1.2", "A1.3", "B2.1"]


def test_the_dashboard_averages_the_latest_report_of_each_measure(client, planning_demo):
    ProgressReport.objects.all().delete()
    a11 = PlanItem.objects.get(plan__slug=PLAN_SLUG, code="A1.1")
    ProgressReport.objects.create(measure=a11, year=2020, status="in_progress", percent=40)
    ProgressReport.objects.create(measure=a11, year=2021, status="done", percent=100)
    page = client.get(f"{PLAN}progress/").content.decode()
    rows = re.findall(r'items/(A|A1)/">\1</a></th>.*?<td>(\d+) %</td></tr>', page, re.S)
    # A has 8 measures, A1 has 5: the one done measure gives 100/8 and 100/5.
    assert rows == [("A", "12"), ("A1", "20")]


def test_planners_record_progress_and_others_cannot(client, planning_demo):
    url = f"/planning/plans/{PLAN_SLUG}/items/C1.3/progress/"
    form = {"year": 2021, "status": "done", "percent": 100, "narrative": "Zmapováno."}
    sign_in(client, make_user(Role.PROVIDER_EDITOR))
    assert client.post(url, form).status_code == 403
    sign_in(client, make_user(Role.PLANNER))
    assert client.post(url, form).status_code == 302
    report = ProgressReport.objects.get(
        measure__code="C1.3", measure__plan__slug=PLAN_SLUG, year=2021
    )
    assert (report.status, report.percent, report.narrative) == ("done", 100, "Zmapováno.")


def test_the_evaluation_report_lists_what_the_next_plan_takes_over(client, planning_demo):
    page = client.get(f"{PLAN}evaluation/").content.decode()
    carried = page.split('id="eval-next"', 1)[1]
    assert "D3.3" in carried  # delayed in the demo
    assert ">C1.3<" not in carried  # done by 2020
    assert "Zpráva o využití ICT a asistivních technologií" in page


def test_the_csv_export_has_every_item_with_responsibility_and_time_frame(client, planning_demo):
    response = client.get(f"{PLAN}export.csv")
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 60
    b13 = next(r for r in rows if r["code"] == "B1.3")
    assert (b13["time_frame"], b13["responsibility"], b13["responsible_bodies"]) == (
        "2018 – 2024",
        "OSP, BO",
        "BO; OSP",
    )
    assert (b13["parent_code"], b13["level"]) == ("B1", "opatření")


def test_the_json_export_is_the_tree(client, planning_demo):
    data = json.loads(client.get(f"{PLAN}export.json").content)
    (primary,) = data["items"]
    assert primary["text"] == "Posílit soudržnost mezi obyvateli města"
    assert [goal["code"] for goal in primary["items"]] == list("ABCDE")
    measures = [m for g in primary["items"] for p in g["items"] for m in p["items"]]
    assert len(measures) == 42
    assert {"abbreviation": "OSP", "name": "Odbor sociální péče Magistrátu města Brna"} in data[
        "responsible_bodies"
    ]


def test_the_document_exports_hold_the_whole_plan(client, planning_demo):
    printable = client.get(f"{PLAN}print/").content.decode()
    doc = client.get(f"{PLAN}export.doc")
    assert doc["Content-Type"].startswith("application/msword")
    for page in (printable, doc.content.decode()):
        assert len(re.findall(r"<li><strong>[A-E]\d\.\d</strong>", page)) == 42
        assert "@page" in page


def test_the_action_plan_of_the_year_is_public_and_linked_from_the_plan(client, planning_demo):
    action_plan = ActionPlan.objects.get()
    url = f"{PLAN}action-plans/{action_plan.year}/"
    assert f'href="{url}"' in client.get(PLAN).content.decode()
    page = client.get(url).content.decode()
    assert page.count('<th scope="row"><a href=') == 4
    assert "/projects/zarizeni-socialnich-sluzeb-charbulova/" in page
    assert client.get(f"{PLAN}action-plans/1999/").status_code == 404


def test_the_next_plan_starts_from_the_measures_not_done(client, planning_demo):
    from socioinfo.planning.models import Plan

    url = f"/planning/plans/{PLAN_SLUG}/next/"
    form = {"name": "Plán 2029–2038", "slug": "plan-2029-2038", "year_from": 2029, "year_to": 2038}
    sign_in(client, make_user(Role.PROVIDER_EDITOR))
    assert client.post(url, form).status_code == 403
    sign_in(client, make_user(Role.PLANNER))
    assert 'href="/planning/plans/' in client.get(f"{PLAN}evaluation/").content.decode()
    assert client.post(url, form).status_code == 302
    draft = Plan.objects.get(slug="plan-2029-2038")
    assert draft.previous.slug == PLAN_SLUG and draft.status == "draft"
    done = set(
        ProgressReport.objects.filter(measure__plan__slug=PLAN_SLUG, status="done").values_list(
            "measure__code", flat=True
        )
    )
    assert done == {"B1.3", "C1.3"}  # demo: 2018 – 2024 and do 2020
    codes = set(draft.items.filter(depth=3).values_list("code", flat=True))
    assert len(codes) == 40 and not codes & done
    d33 = draft.items.get(code="D3.3")
    assert (d33.time_frame, d33.parent.code, d33.parent.parent.code) == ("do 220", "D3", "D")
    assert [b.abbreviation for b in d33.responsible_bodies.all()] == ["OŠMT"]
    assert list(draft.levels.values_list("name", flat=True)) == [
        "primární cíl", "dílčí cíl", "priorita", "opatření"
    ]  # fmt: skip
