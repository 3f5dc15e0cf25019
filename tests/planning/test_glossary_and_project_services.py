"""Planners keep the glossary of abbreviations and a project's directory services on their
own pages; nobody else may."""

import re

import pytest

from socioinfo.accounts.roles import Role
from socioinfo.directory.models import Service
from socioinfo.planning.models import PlanItem, Project, ResponsibleBody
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def planner(client):
    return sign_in(client, make_user(Role.PLANNER))


def test_the_glossary_page_lists_the_abbreviations_without_a_full_name(planner, planning_demo):
    page = planner.get("/planning/glossary/").content.decode()
    missing = ResponsibleBody.objects.filter(name="").order_by("abbreviation")
    assert missing.count() == 5  # KNPSC, TIS, OKO, KPAR, OSR: the city has to supply them
    assert "5 abbreviations have no full name yet" in page
    for entry in missing:
        assert f'href="/planning/glossary/{entry.pk}/"' in page
    osp = ResponsibleBody.objects.get(abbreviation="OSP")
    assert osp.name in page


def test_a_full_name_filled_in_shows_under_the_plan(planner, planning_demo):
    entry = ResponsibleBody.objects.get(abbreviation="OSR")
    item = entry.items.select_related("plan").first()
    response = planner.post(
        f"/planning/glossary/{entry.pk}/",
        {"abbreviation": "OSR", "name": "Odbor strategického rozvoje MMB"},
    )
    assert response.status_code == 302
    plan_page = planner.get(f"/plans/{item.plan.slug}/").content.decode()
    assert "<dt>OSR</dt><dd>Odbor strategického rozvoje MMB</dd>" in plan_page


def test_a_new_abbreviation_is_linked_to_the_items_that_already_name_it(planner, planning_demo):
    # Remove "NNO" (nestátní neziskové organizace) and add it anew, as a planner adds an
    # abbreviation that the plans already use ("ANNO JMK" must not count).
    ResponsibleBody.objects.filter(abbreviation="NNO").delete()
    naming = [
        i.pk for i in PlanItem.objects.all() if re.search(r"(?<!\w)NNO(?!\w)", i.responsibility)
    ]
    assert len(naming) > 1
    response = planner.post(
        "/planning/glossary/", {"abbreviation": " NNO ", "name": "nestátní neziskové organizace"}
    )
    assert response.status_code == 302
    entry = ResponsibleBody.objects.get(abbreviation="NNO")
    assert sorted(entry.items.values_list("pk", flat=True)) == sorted(naming)
    follow = planner.get("/planning/glossary/").content.decode()
    assert f"NNO is added; {len(naming)} items name it." in follow


def test_a_duplicate_abbreviation_is_refused_and_the_name_typed_is_kept(planner, planning_demo):
    response = planner.post("/planning/glossary/", {"abbreviation": "osp", "name": "Jiný název"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "The glossary already has osp." in page
    assert 'value="Jiný název"' in page
    assert ResponsibleBody.objects.filter(abbreviation__iexact="osp").count() == 1


def test_an_abbreviation_in_use_cannot_be_removed_an_unused_one_can(planner, planning_demo):
    used = ResponsibleBody.objects.get(abbreviation="OSP")
    planner.post(f"/planning/glossary/{used.pk}/", {"remove": "1"})
    assert ResponsibleBody.objects.filter(pk=used.pk).exists()
    unused = ResponsibleBody.objects.create(abbreviation="XYZ", name="Nepoužitá zkratka")
    planner.post(f"/planning/glossary/{unused.pk}/", {"remove": "1"})
    assert not ResponsibleBody.objects.filter(pk=unused.pk).exists()


def test_a_planner_finds_links_and_unlinks_a_directory_service(planner, demo_data, planning_demo):
    project = Project.objects.first()
    service = (
        Service.objects.select_related("organisation").exclude(planning_projects=project).first()
    )
    word = service.name.split()[0]
    page = planner.get(f"/planning/projects/{project.slug}/", {"service": word}).content.decode()
    assert f'name="link_service" value="{service.pk}"' in page
    response = planner.post(
        f"/planning/projects/{project.slug}/", {"link_service": str(service.pk), "service": word}
    )
    assert response.status_code == 302
    assert (
        response["Location"].endswith(f"?service={word}#services")
        or "service=" in response["Location"]
    )
    assert project.services.filter(pk=service.pk).exists()
    public = planner.get(f"/projects/{project.slug}/").content.decode()
    assert service.name in public
    planner.post(f"/planning/projects/{project.slug}/", {"unlink_service": str(service.pk)})
    assert not project.services.filter(pk=service.pk).exists()


@pytest.mark.parametrize(
    "role", [Role.WORKING_GROUP_MEMBER, Role.PROVIDER_EDITOR, Role.ADVICE_WORKER]
)
def test_others_keep_neither_the_glossary_nor_a_projects_services(
    client, demo_data, planning_demo, role
):
    sign_in(client, make_user(role))
    entry = ResponsibleBody.objects.get(abbreviation="OSR")
    project = Project.objects.first()
    service = Service.objects.exclude(planning_projects=project).first()
    assert client.get("/planning/glossary/").status_code == 403
    assert (
        client.post("/planning/glossary/", {"abbreviation": "NEW", "name": "x"}).status_code == 403
    )
    assert (
        client.post(
            f"/planning/glossary/{entry.pk}/", {"abbreviation": "OSR", "name": "x"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/planning/projects/{project.slug}/", {"link_service": str(service.pk)}
        ).status_code
        == 403
    )
    entry.refresh_from_db()
    assert entry.name == "" and not ResponsibleBody.objects.filter(abbreviation="NEW").exists()
    assert not project.services.filter(pk=service.pk).exists()
