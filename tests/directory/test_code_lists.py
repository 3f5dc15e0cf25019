"""Code lists seeded from data/social_services by the data migration."""

import pytest
from django.core.management import call_command

from socioinfo.directory.models import AgeGroup, Language, ServiceType, TargetGroup

pytestmark = pytest.mark.django_db


def test_all_act_108_service_types_are_seeded_with_registry_codes():
    assert ServiceType.objects.count() == 34
    counselling = ServiceType.objects.get(paragraph="§37")
    assert counselling.name == "odborné sociální poradenství"
    assert counselling.registry_code == "DruhSocialniSluzby/1"
    assert counselling.registry_api_id == 3836
    assert counselling.localized("name", "en").text == "social counselling"


def test_service_types_know_the_forms_the_act_permits():
    homes = ServiceType.objects.get(paragraph="§49")
    assert homes.permitted_forms == ["residential"]
    respite = ServiceType.objects.get(paragraph="§44")
    assert respite.permitted_forms == ["field", "outpatient", "residential"]


def test_target_groups_keep_known_registry_codes():
    assert TargetGroup.objects.count() == 29
    assert TargetGroup.objects.get(name="senioři").registry_code == "CilovaSkupinaOsoby/24"


def test_age_groups_are_ordered_by_age_with_bounds():
    names = list(AgeGroup.objects.values_list("name", "min_age", "max_age"))
    assert ("mladí dospělí", 19, 26) in names
    assert ("starší senioři", 80, None) in names
    ages = [low for _name, low, _high in names if low is not None]
    assert ages == sorted(ages)


def test_the_six_portal_languages_are_available_for_services():
    codes = set(Language.objects.values_list("code", flat=True))
    assert {"cs", "en", "uk", "ru", "vi", "ar"} <= codes


def test_reloading_code_lists_changes_nothing():
    before = ServiceType.objects.count(), TargetGroup.objects.count(), AgeGroup.objects.count()
    call_command("load_code_lists", verbosity=0)
    after = ServiceType.objects.count(), TargetGroup.objects.count(), AgeGroup.objects.count()
    assert before == after
