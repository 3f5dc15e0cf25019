"""Search over a shared corpus. The suite runs on SQLite and again on PostgreSQL, and these
tests assert exact ordered lists, so both databases must give the same results."""

import datetime

import pytest

from socioinfo.areas.models import Area
from socioinfo.directory.models import (
    AccessibilityFeature,
    Language,
    LifeSituation,
    Location,
    OpeningRule,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.services import save_location
from socioinfo.search.facets import facet_counts_for as facet_counts
from socioinfo.search.models import SynonymGroup
from socioinfo.search.places import resolve_place
from socioinfo.search.query import SearchParams, nearest_services, search
from tests.factories import OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

# Points in known districts.
STRED = (49.1951, 16.6080)  # náměstí Svobody, Brno-střed
BYSTRC = (49.2260, 16.5190)
LISEN = (49.2090, 16.6900)
# Wednesday 25 November 2026, 10:00 Prague time.
WEDNESDAY_MORNING = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)


def service(
    name,
    paragraph,
    groups=(),
    point=STRED,
    description="",
    languages=("cs",),
    form="outpatient",
    hours=True,
    features=(),
    status=ServiceStatus.ACTIVE,
):
    organisation = OrganisationFactory()
    svc = ServiceFactory(
        organisation=organisation,
        name=name,
        service_type=ServiceType.objects.get(paragraph=paragraph),
        description=description,
        status=status,
    )
    svc.target_groups.set(TargetGroup.objects.filter(slug__in=groups))
    svc.languages.set(Language.objects.filter(code__in=languages))
    svc.accessibility_features.set(AccessibilityFeature.objects.filter(code__in=features))
    ServiceFormOffer.objects.create(service=svc, form=form, capacity=10, capacity_unit="clients")
    location = save_location(
        Location(organisation=organisation, street="Test", latitude=point[0], longitude=point[1])
    )
    link = ServiceAtLocation.objects.create(service=svc, location=location)
    if hours:
        for day in range(5):
            OpeningRule.objects.create(
                service_at_location=link,
                weekday=day,
                opens=datetime.time(8),
                closes=datetime.time(16),
            )
    svc.save()  # reindex with everything in place
    return svc


@pytest.fixture
def corpus():
    return {
        "care": service(
            "Pečovatelská služba Bystrc", "§40", ["seniori"], BYSTRC, "Dovážka obědů a úklid."
        ),
        "care2": service(
            "Pečovatelská služba Líšeň", "§40", ["seniori"], LISEN, hours=False, form="field"
        ),
        "home": service(
            "Domov Javor", "§49", ["seniori"], LISEN, "Domov pro seniory.", form="residential"
        ),
        "debt": service(
            "Dluhová poradna Jasná cesta",
            "§37",
            ["osoby-v-krizi"],
            STRED,
            "Pomůžeme s dluhy a exekucemi.",
            languages=("cs", "uk"),
            features=("wheelchair",),
        ),
        "advice": service(
            "Občanská poradna",
            "§37",
            ["rodiny-s-ditetem-detmi"],
            BYSTRC,
            "Rodinné vztahy, bydlení.",
        ),
        "shelter": service(
            "Azylový dům Pod střechou",
            "§57",
            ["osoby-bez-pristresi"],
            STRED,
            "Ubytování pro lidi bez domova.",
            form="residential",
        ),
        "club": service("Klub Kompas", "§62", [], LISEN, "Nízkoprahový klub pro mladé."),
        "draft": service(
            "Pečovatelská služba Návrh", "§40", ["seniori"], STRED, status=ServiceStatus.DRAFT
        ),
    }


def names(text="", **filters):
    return [hit.service.name for hit in search(SearchParams(text=text, **filters)).hits]


def test_case_and_diacritics_do_not_matter(corpus):
    expected = ["Pečovatelská služba Bystrc", "Pečovatelská služba Líšeň"]
    assert names("pecovatelska") == expected
    assert names("PEČOVATELSKÁ") == expected
    assert names("Pecovatelske sluzby") == expected


@pytest.mark.parametrize("word", ["senior", "seniory", "seniorům", "seniorum", "senioři"])
def test_czech_inflection_finds_services_for_seniors(corpus, word):
    found = names(word)
    assert set(found) == {"Pečovatelská služba Bystrc", "Pečovatelská služba Líšeň", "Domov Javor"}


@pytest.mark.parametrize("word", ["dluhy", "dluhů", "zadlužení", "exekuce"])
def test_debt_words_find_debt_counselling_first(corpus, word):
    assert names(word)[0] == "Dluhová poradna Jasná cesta"


def test_small_typos_are_forgiven_and_reported(corpus):
    result = search(SearchParams(text="pečovatelkská"))
    assert [h.service.name for h in result.hits][:1] == ["Pečovatelská služba Bystrc"]
    assert result.corrections == {"pečovatelkská": "pecovatelsk"}
    assert names("azylovy") == ["Azylový dům Pod střechou"]


def test_the_thesaurus_is_editable_by_staff(corpus):
    assert names("babička") != []  # in the starting thesaurus: senior
    assert names("mrňous") == []
    SynonymGroup.objects.create(words="mrňous, mládež, klub")
    assert names("mrňous") == ["Klub Kompas"]


def test_life_situation_words_find_the_services_that_help(corpus):
    assert names("bez domova")[0] == "Azylový dům Pod střechou"


def test_unpublished_services_are_never_found(corpus):
    assert "Pečovatelská služba Návrh" not in names("pečovatelská")
    assert "Pečovatelská služba Návrh" not in names()


def test_browsing_without_words_lists_everything_by_name_ignoring_diacritics(corpus):
    # "Č…" sorts with "C…", "Š" with "S", on every database whatever its collation.
    assert names() == [
        "Azylový dům Pod střechou",
        "Dluhová poradna Jasná cesta",
        "Domov Javor",
        "Klub Kompas",
        "Občanská poradna",
        "Pečovatelská služba Bystrc",
        "Pečovatelská služba Líšeň",
    ]


def test_filters_combine_with_and(corpus):
    seniors = TargetGroup.objects.get(slug="seniori")
    bystrc = Area.objects.get(name="Brno-Bystrc")
    assert names(target_group=seniors, district=bystrc) == ["Pečovatelská služba Bystrc"]
    assert names("poradna", district=bystrc) == ["Občanská poradna"]
    assert names(form="residential") == ["Azylový dům Pod střechou", "Domov Javor"]
    ukrainian = Language.objects.get(code="uk")
    assert names(language=ukrainian) == ["Dluhová poradna Jasná cesta"]
    wheelchair = AccessibilityFeature.objects.get(code="wheelchair")
    assert names(feature=wheelchair) == ["Dluhová poradna Jasná cesta"]
    debts = LifeSituation.objects.get(slug="dluhy")
    assert "Dluhová poradna Jasná cesta" in names(situation=debts)
    assert "Domov Javor" not in names(situation=debts)


def test_open_now_uses_opening_hours(corpus):
    found = [h.service.name for h in search(SearchParams(open_now=True), at=WEDNESDAY_MORNING).hits]
    assert "Pečovatelská služba Líšeň" not in found  # no hours
    assert "Pečovatelská služba Bystrc" in found
    sunday = datetime.datetime(2026, 11, 29, 9, 0, tzinfo=datetime.UTC)
    assert search(SearchParams(open_now=True), at=sunday).total == 0


def test_near_sorts_by_distance(corpus):
    place = resolve_place("Bystrc")
    result = search(SearchParams(text="pečovatelská", near=place))
    assert [h.service.name for h in result.hits] == [
        "Pečovatelská služba Bystrc",
        "Pečovatelská služba Líšeň",
    ]
    assert result.hits[0].distance_km < result.hits[1].distance_km
    lisen = resolve_place("Líšeň")
    assert names(near=lisen)[:2] in (
        ["Domov Javor", "Klub Kompas"],
        ["Domov Javor", "Pečovatelská služba Líšeň"],
    )


def test_facets_count_results_and_keep_alternatives_of_a_chosen_facet(corpus):
    seniors = TargetGroup.objects.get(slug="seniori")
    facets = facet_counts(SearchParams(target_group=seniors))
    forms = {f.key: f.count for f in facets["form"]}
    assert forms == {"outpatient": 1, "field": 1, "residential": 1}
    groups = {f.key: (f.count, f.selected) for f in facets["target_group"]}
    assert groups["seniori"] == (3, True)
    assert groups["osoby-bez-pristresi"] == (1, False)
    districts = {f.label: f.count for f in facets["district"]}
    assert districts == {"Brno-Bystrc": 1, "Brno-Líšeň": 2}


def test_results_paginate(corpus):
    first = search(SearchParams(), page=1, page_size=3)
    second = search(SearchParams(), page=2, page_size=3)
    last = search(SearchParams(), page=99, page_size=3)
    assert (first.total, first.pages) == (7, 3)
    assert len(first.hits) == 3 and len(second.hits) == 3
    assert last.page == 3 and len(last.hits) == 1
    seen = [h.service.pk for r in (first, second, last) for h in r.hits]
    assert len(set(seen)) == 7


def test_nearest_services_answer_an_empty_search(corpus):
    assert search(SearchParams(text="xylofon")).total == 0
    nearest = nearest_services(resolve_place("náměstí Svobody") or resolve_place("střed"), 2)
    assert {h.service.name for h in nearest} == {
        "Azylový dům Pod střechou",
        "Dluhová poradna Jasná cesta",
    }


def test_english_text_is_searchable(corpus):
    debt = corpus["debt"]
    debt.set_translation("en", "description", "Help with debts and enforcement.")
    debt.save()
    assert names("enforcement") == ["Dluhová poradna Jasná cesta"]
