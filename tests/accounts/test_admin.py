"""The admin obeys the same predicates: every ModelAdmin is wrapped, checks pass the object,
lists are scoped, and provider editors never reach another organisation's records."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from socioinfo.accounts.admin_site import RulesModelAdminMixin
from socioinfo.accounts.roles import Role
from socioinfo.directory.models import OpeningRule, Organisation, Service
from tests.accounts.helpers import make_user, sign_in
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_services():
    return ServiceFactory(name="Služba A"), ServiceFactory(name="Služba B")


def change_url(obj):
    return reverse(f"admin:directory_{obj._meta.model_name}_change", args=[obj.pk])


def admin_request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_every_registered_model_admin_and_inline_asks_the_rules():
    request = admin_request(make_user(Role.ADMINISTRATOR))
    for model_admin in admin.site._registry.values():
        assert isinstance(model_admin, RulesModelAdminMixin), model_admin
        for inline in model_admin.get_inline_instances(request, None):
            assert isinstance(inline, RulesModelAdminMixin), inline


def test_a_provider_editor_cannot_open_another_organisations_service_in_the_admin(
    client, two_services
):
    service_a, service_b = two_services
    provider = make_user(Role.PROVIDER_EDITOR, organisations=[service_a.organisation])
    sign_in(client, provider)
    for url in (change_url(service_b), change_url(service_b.organisation), "/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    response = client.post(change_url(service_b), {"name": "Přepsáno"})
    assert response.status_code == 302
    service_b.refresh_from_db()
    assert service_b.name == "Služba B"


def test_even_with_the_staff_flag_a_provider_editor_is_refused_on_b_by_the_model_admin(
    two_services,
):
    """Should someone tick "staff" for a provider editor, the ModelAdmin still asks the
    predicates about each object, and lists only their organisation's rows."""
    service_a, service_b = two_services
    provider = make_user(Role.PROVIDER_EDITOR, organisations=[service_a.organisation])
    provider.is_staff = True
    provider.save()
    request = admin_request(provider)
    services = admin.site._registry[Service]
    assert services.has_change_permission(request, service_a)
    assert not services.has_change_permission(request, service_b)
    assert not services.has_view_permission(request, service_b)
    assert not services.has_delete_permission(request, service_a)
    assert list(services.get_queryset(request)) == [service_a]
    organisations = admin.site._registry[Organisation]
    assert list(organisations.get_queryset(request)) == [service_a.organisation]
    assert services.get_object(request, str(service_b.pk)) is None


def test_inlines_are_asked_about_their_parent(two_services):
    service_a, service_b = two_services
    provider = make_user(Role.PROVIDER_EDITOR, organisations=[service_a.organisation])
    request = admin_request(provider)
    services = admin.site._registry[Service]
    hours = next(
        inline
        for inline in services.get_inline_instances(admin_request(make_user(Role.CITY_EDITOR)))
        if inline.model is OpeningRule
    )
    assert hours.has_change_permission(request, service_a)
    assert not hours.has_change_permission(request, service_b)
    assert not hours.has_add_permission(request, service_b)


def test_a_city_editor_edits_any_organisations_service_in_the_admin(client, two_services):
    _service_a, service_b = two_services
    sign_in(client, make_user(Role.CITY_EDITOR))
    assert client.get(change_url(service_b)).status_code == 200
    assert client.get(reverse("admin:directory_service_changelist")).status_code == 200


def test_only_administrators_change_accounts_and_areas_in_the_admin(client):
    editor = make_user(Role.CITY_EDITOR)
    other = make_user(Role.PLANNER)
    sign_in(client, editor)
    user_url = reverse("admin:accounts_user_change", args=[other.pk])
    page = client.get(user_url)
    assert page.status_code == 200  # a city editor may look people up…
    assert not page.context["has_change_permission"]  # …but not change them
    assert client.post(user_url, {"email": "x@example.org"}).status_code == 403
    assert client.get(reverse("admin:accounts_user_add")).status_code == 403
    assert client.get(reverse("admin:areas_area_add")).status_code == 403


def test_an_administrator_sets_roles_and_is_staff_follows(client):
    sign_in(client, make_user(Role.ADMINISTRATOR))
    person = make_user(Role.PLANNER)
    url = reverse("admin:accounts_user_change", args=[person.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "roles"}
    data.update(
        {
            "email": person.email,
            "is_active": "on",
            "roles": [Role.CITY_EDITOR.value, Role.PLANNER.value],
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    person.refresh_from_db()
    assert set(person.groups.values_list("name", flat=True)) == {"city editor", "planner"}
    assert person.is_staff


def test_planners_do_not_use_the_admin(client):
    sign_in(client, make_user(Role.PLANNER))
    assert client.get("/admin/").status_code == 302
