"""Brno's plan 2019–2028 from seed 001: the parser over the text in data/planning/ and the
loader that `make demo` runs."""

from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from socioinfo.planning.demo import PLAN_SLUG, load_planning_demo, read_seed_plan
from socioinfo.planning.models import ItemText, Plan, PlanItem, PlanStatus, ResponsibleBody
from socioinfo.planning.seed_text import parse_time_frame, split_measure

DATA = Path(__file__).resolve().parents[2] / "data" / "planning"


def walk(node, depth=0):
    yield depth, node
    for child in node.children:
        yield from walk(child, depth + 1)


def test_the_parser_reads_the_whole_tree_of_the_seed():
    seed = read_seed_plan()
    counts = Counter(depth for depth, _node in walk(seed.primary_goal))
    assert counts == {0: 1, 1: 5, 2: 12, 3: 42}
    assert seed.primary_goal.text == "Posílit soudržnost mezi obyvateli města"
    assert [goal.code for goal in seed.primary_goal.children] == list("ABCDE")
    assert (seed.year_from, seed.year_to) == (2019, 2028)
    assert seed.vision_value == "Soudržné a respektující město"


def test_the_parser_keeps_the_irregular_lines_as_written():
    # After a full stop, without a dash, an unclosed parenthesis, a mistyped year.
    d11 = split_measure("D1.1 Pozitivně medializovat téma. (průběžně – OSP, OSZ, KMZV, TIS, NNO)")
    assert (d11.text, d11.time_frame.text, d11.responsibility) == (
        "Pozitivně medializovat téma.",
        "průběžně",
        "OSP, OSZ, KMZV, TIS, NNO",
    )
    b12 = split_measure("B1.2 Aktualizovat Strategický plán (průběžně OSP, OSZ + ASZ)")
    assert b12.responsibility == "OSP, OSZ + ASZ"
    c23 = split_measure("C2.3 Podporovat (komplexní programy) (průběžně - SMB, NNO, ÚP")
    assert (c23.text, c23.responsibility) == ("Podporovat (komplexní programy)", "SMB, NNO, ÚP")
    frame, rest = parse_time_frame("do 220 – OŠMT")
    assert (frame.text, frame.kind, frame.year_to, rest) == ("do 220", "by_year", None, "OŠMT")


@pytest.mark.django_db
def test_the_seed_plan_loads_with_its_goals_priorities_and_measures():
    load_planning_demo()
    plan = Plan.objects.get(slug=PLAN_SLUG)
    assert plan.name == "Plán 2019 - 2028 pro hodnotu vize Soudržné a respektující město"
    assert plan.status == PlanStatus.APPROVED
    by_depth = Counter(plan.items.values_list("depth", flat=True))
    assert by_depth == {0: 1, 1: 5, 2: 12, 3: 42}
    primary = plan.items.get(depth=0)
    assert primary.text == "Posílit soudržnost mezi obyvateli města"
    assert list(plan.items.filter(depth=1).values_list("code", flat=True)) == list("ABCDE")
    assert list(plan.items.filter(depth=2).values_list("code", flat=True)) == [
        "A1", "A2", "B1", "B2", "C1", "C2", "D1", "D2", "D3", "E1", "E2", "E3"
    ]  # fmt: skip
    goal_b = plan.items.get(code="B")
    assert goal_b.text == (
        "Kontinuálně podporovat koordinovaný přístup k řešení problematiky sociálně "
        "vyloučených lokalit"
    )
    a1 = plan.items.get(code="A1")
    assert a1.parent == plan.items.get(code="A")
    assert a1.responsibility == "OSP, JMK, NNO a jejich instituce poskytující služby ve městě"
    assert [b.abbreviation for b in a1.responsible_bodies.all()] == ["JMK", "NNO", "OSP"]
    assert plan.items.get(code="E1").time_frame == "průběžně"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "text", "time_frame", "kind", "years", "responsibility"),
    [
        ("A1.3", "Podporovat pečující osoby", "průběžně", "ongoing", (None, None), "OSP"),
        (
            "A1.5",
            "Spolupracovat s Jihomoravským krajem při budování udržitelné, potřebné a "
            "efektivní sítě kvalitních sociálních služeb a jejího financování",
            "průběžně",
            "ongoing",
            (None, None),
            "OSP ve spolupráci s JMK",
        ),
        (
            "B1.3",
            "Propojovat trendy v oblasti bydlení s opatřeními pro desegregaci",
            "2018 – 2024",
            "range",
            (2018, 2024),
            "OSP, BO",
        ),
        (
            "C1.3",
            "Zmapovat využití a podporu dalšího zavádění ICT a asistivních technologií do praxe",
            "do 2020",
            "by_year",
            (None, 2020),
            "OSP, FSS MU",
        ),
        (
            "D3.3",
            "Plán projektů proti nenávisti na ZŠ a SŠ",
            "do 220",
            "by_year",
            (None, None),
            "OŠMT",
        ),
        ("E2.4", "Podporovat fundraising v NNO", "", "unspecified", (None, None), ""),
    ],
)
def test_measures_keep_their_text_time_frame_and_responsibility(
    code, text, time_frame, kind, years, responsibility
):
    load_planning_demo()
    item = PlanItem.objects.get(plan__slug=PLAN_SLUG, code=code)
    assert item.depth == 3
    assert item.text == text
    assert (item.time_frame, item.time_frame_kind) == (time_frame, kind)
    assert (item.year_from, item.year_to) == years
    assert item.responsibility == responsibility


@pytest.mark.django_db
def test_responsible_bodies_are_linked_from_the_glossary():
    load_planning_demo()
    b2 = PlanItem.objects.get(plan__slug=PLAN_SLUG, code="B2")
    # "ANNO JMK" is one body, not also JMK.
    assert [b.abbreviation for b in b2.responsible_bodies.all()] == ["ANNO JMK", "OSP"]
    assert ResponsibleBody.objects.get(abbreviation="OSP").name == (
        "Odbor sociální péče Magistrátu města Brna"
    )
    c13 = PlanItem.objects.get(plan__slug=PLAN_SLUG, code="C1.3")
    assert [b.abbreviation for b in c13.responsible_bodies.all()] == ["FSS MU", "OSP"]


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_keeps_ids():
    call_command("load_planning_demo", "--today", "2026-11-24")
    seed_items = PlanItem.objects.filter(plan__slug=PLAN_SLUG)
    first = dict(seed_items.values_list("code", "id"))
    texts = ItemText.objects.filter(item__plan__slug=PLAN_SLUG)
    assert texts.count() == 60
    call_command("load_planning_demo", "--today", "2026-11-24")
    assert dict(seed_items.values_list("code", "id")) == first
    assert texts.count() == 60
    assert Plan.objects.get(slug=PLAN_SLUG).status_changes.count() == 1


def test_the_seed_text_is_kept_in_data_with_its_provenance():
    assert (DATA / "brno_plan_2019_2028_soudrzne_a_respektujici_mesto.txt").exists()
    provenance = (DATA.parent / "PROVENANCE.md").read_text()
    assert "planning/brno_plan_2019_2028_soudrzne_a_respektujici_mesto.txt" in provenance
