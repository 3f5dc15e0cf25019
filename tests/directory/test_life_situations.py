"""The curated life situations: seeded by the data migration, kept when staff edit them."""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from socioinfo.directory.life_situations import (
    default_path,
    load_life_situations,
    read_life_situations,
)
from socioinfo.directory.models import LifeSituation

pytestmark = pytest.mark.django_db

EXPECTED = {
    "dluhy",
    "ztrata-bydleni",
    "pece-o-rodice",
    "dite-s-postizenim",
    "domaci-nasili",
    "zavislost",
    "nahla-krize",
    "osamelost-ve-stari",
    "jazykova-bariera",
    "odchod-z-vezeni-nebo-ustavu",
    "ztrata-prace",
    "dusevni-onemocneni",
    "bez-domova",
    "rodina-v-krizi",
    "pece-na-konci-zivota",
}


def test_the_migration_seeds_at_least_fifteen_situations_in_czech_and_english():
    situations = LifeSituation.objects.all()
    assert situations.count() >= 15
    assert set(situations.values_list("slug", flat=True)) >= EXPECTED
    for situation in situations:
        assert situation.name and situation.summary
        assert not situation.localized("name", "en").is_fallback, situation.slug
        assert not situation.localized("summary", "en").is_fallback, situation.slug
        assert situation.service_types.exists(), situation.slug


def test_situations_map_to_the_services_that_help():
    debts = LifeSituation.objects.get(slug="dluhy")
    assert debts.name == "Mám dluhy a nezvládám splácet"
    assert debts.localized("name", "en").text == "I have debts I cannot repay"
    assert debts.service_types.filter(paragraph="§37").exists()
    violence = LifeSituation.objects.get(slug="domaci-nasili")
    assert set(violence.service_types.values_list("paragraph", flat=True)) >= {"§60a", "§60"}
    assert violence.target_groups.filter(slug="obeti-domaciho-nasili").exists()
    assert (
        LifeSituation.objects.get(slug="osamelost-ve-stari")
        .target_groups.filter(slug="seniori")
        .exists()
    )


def test_reloading_keeps_staff_edits_unless_update_is_asked_for():
    debts = LifeSituation.objects.get(slug="dluhy")
    debts.name = "Dluhy a exekuce"
    debts.save()
    debts.service_types.clear()
    call_command("load_life_situations", stdout=StringIO())
    debts.refresh_from_db()
    assert debts.name == "Dluhy a exekuce"
    assert not debts.service_types.exists()

    call_command("load_life_situations", "--update", stdout=StringIO())
    debts.refresh_from_db()
    assert debts.name == "Mám dluhy a nezvládám splácet"
    assert debts.service_types.exists()


def test_a_deleted_situation_comes_back_and_nothing_is_duplicated():
    total = LifeSituation.objects.count()
    LifeSituation.objects.get(slug="bez-domova").delete()
    result = load_life_situations(apps)
    assert (result.created, result.unchanged) == (1, total - 1)
    assert LifeSituation.objects.count() == total


def test_an_unknown_service_type_rejects_the_whole_file(tmp_path):
    data = json.loads((default_path()).read_text())
    data["situations"][3]["service_types"].append("neexistujici-druh")
    data["situations"][0]["name"]["cs"] = "Změněno"
    path = tmp_path / "situations.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        load_life_situations(apps, path, update=True)
    assert "neexistujici-druh" in str(error.value)
    assert data["situations"][3]["slug"] in str(error.value)
    assert not LifeSituation.objects.filter(name="Změněno").exists()


def test_missing_translations_and_broken_json_get_clear_messages(tmp_path):
    path = tmp_path / "situations.json"
    path.write_text(
        json.dumps({"situations": [{"slug": "x", "name": {"cs": "X"}, "summary": {"cs": "Y"}}]}),
        encoding="utf-8",
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        read_life_situations(path)
    text = " ".join(error.value.messages)
    assert "name in language en" in text
    assert "no service type" in text

    path.write_text('{"situations": [\n  {"slug": }\n]}', encoding="utf-8")
    with translation.override("en"), pytest.raises(CommandError, match="line 2"):
        call_command("load_life_situations", "--file", str(path))
