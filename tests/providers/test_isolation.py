"""A provider editor cannot change another organisation's data through any view or API
endpoint (each tried, the database checked after); nobody approves their own change
request; staff pages need signing in. Public data changes only after approval."""

import json

import pytest
from django.core.exceptions import PermissionDenied

from socioinfo.directory.models import (
    ContactPoint,
    Location,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
)
from socioinfo.providers import services
from socioinfo.providers.models import ChangeRequest, ChangeStatus
from tests.accounts.helpers import sign_in
from tests.providers.helpers import form_fields

pytestmark = pytest.mark.django_db

DIRECTORY = (
    Organisation,
    Service,
    Location,
    ServiceAtLocation,
    ContactPoint,
    OpeningRule,
    ServiceFormOffer,
)


def _state():
    """Everything a change could touch: every directory row's values and the requests."""
    rows = {
        model.__name__: sorted(
            (str(row["id"]), json.dumps(row, default=str, sort_keys=True))
            for row in model.objects.values()
        )
        for model in DIRECTORY
    }
    rows["requests"] = sorted(str(pk) for pk in ChangeRequest.objects.values_list("pk", flat=True))
    return rows


def _edit_urls(organisation):
    service = organisation.services.get()
    location = organisation.locations.get()
    return {
        "organisation_edit": f"/providers/organisation/{organisation.pk}/",
        "service_new": f"/providers/organisation/{organisation.pk}/new-service/",
        "location_new": f"/providers/organisation/{organisation.pk}/new-place/",
        "service_edit": f"/providers/service/{service.pk}/",
        "service_confirm": f"/providers/service/{service.pk}/confirm/",
        "location_edit": f"/providers/place/{location.pk}/",
        "admin_service": f"/admin/directory/service/{service.pk}/change/",
        "admin_organisation": f"/admin/directory/organisation/{organisation.pk}/change/",
        "admin_location": f"/admin/directory/location/{location.pk}/change/",
        "admin_service_add": "/admin/directory/service/add/",
    }


def _tampered_post(organisation):
    """What a form of another organisation would send, with new values everywhere."""
    service = organisation.services.get()
    return {
        "name": "Převzato",
        "street": "Jiná",
        "description": "x",
        "service_type": str(service.service_type_id),
        "organisation": str(organisation.pk),
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-0-kind": "phone",
        "contacts-0-value": "+420 777 000 000",
        "hours-TOTAL_FORMS": "0",
        "hours-INITIAL_FORMS": "0",
        "capacities-TOTAL_FORMS": "0",
        "capacities-INITIAL_FORMS": "0",
    }


def test_a_provider_editor_cannot_change_another_organisations_data_through_any_edit_view(
    editor_client, theirs
):
    before = _state()
    for name, url in _edit_urls(theirs).items():
        got = editor_client.get(url)
        sent = editor_client.post(url, _tampered_post(theirs))
        if name.startswith("admin"):
            # Provider editors never enter the admin: the site's sign-in page or a refusal.
            assert got.status_code in (302, 403), name
            assert sent.status_code in (302, 403), name
            assert sent.status_code == 403 or "login/" in sent["Location"], name
        else:
            assert got.status_code == 403 or name == "service_confirm", name
            assert sent.status_code == 403, name
    assert _state() == before


def test_the_edit_views_cover_every_url_of_the_app():
    from socioinfo.providers import urls

    covered = {"organisation_edit", "service_new", "location_new", "service_edit",
               "service_confirm", "location_edit"}  # fmt: skip
    reading = {"dashboard", "requests", "request", "queue", "review", "stale", "still_correct"}
    assert {pattern.name for pattern in urls.urlpatterns} == covered | reading


def test_rows_of_another_organisation_cannot_be_slipped_into_ones_own_form(
    editor_client, mine, theirs
):
    my_service = mine.services.get()
    their_service = theirs.services.get()
    their_contact = their_service.contacts.get()
    their_link = their_service.service_at_locations.get()
    their_location = theirs.locations.get()
    url = f"/providers/service/{my_service.pk}/"
    fields = form_fields(editor_client.get(url))
    before = _state()
    attempts = [
        {"contacts-0-id": [str(their_contact.pk)], "contacts-0-value": ["+420 777 000 000"]},
        {"contacts-0-DELETE": ["on"], "contacts-0-id": [str(their_contact.pk)]},
        {
            "hours-1-service_at_location": [str(their_link.pk)],
            "hours-1-weekday": ["3"],
            "hours-1-opens": ["08:00"],
            "hours-1-closes": ["09:00"],
        },  # fmt: skip
        {"locations": [str(their_location.pk)]},
    ]
    for changes in attempts:
        response = editor_client.post(url, {**fields, **changes})
        assert response.status_code == 200  # the form shows an error
        assert 'role="alert"' in response.content.decode()
    assert _state() == before


def test_the_service_layer_refuses_operations_on_another_organisations_rows(editor, mine, theirs):
    their_service = theirs.services.get()
    my_service = mine.services.get()
    attempts = [
        # their service, filed under my organisation
        [
            {
                "model": "service",
                "pk": str(their_service.pk),
                "action": "update",
                "fields": {"name": "x"},
                "old": {},
            }
        ],  # fmt: skip
        # moving my service to their organisation
        [
            {
                "model": "service",
                "pk": str(my_service.pk),
                "action": "update",
                "fields": {"organisation": str(theirs.pk)},
                "old": {},
            }
        ],  # fmt: skip
        # a contact for their service
        [
            {
                "model": "contactpoint",
                "pk": "6f1c7d0e-1111-4c7e-9a51-000000000001",
                "action": "create",
                "fields": {
                    "service": str(their_service.pk),
                    "kind": "phone",
                    "value": "+420 777 000 000",
                },
                "old": {},
            }
        ],  # fmt: skip
        # deleting a whole service is not a provider's change
        [
            {
                "model": "service",
                "pk": str(my_service.pk),
                "action": "delete",
                "fields": {},
                "old": {},
            }
        ],  # fmt: skip
    ]
    before = _state()
    for ops in attempts:
        with pytest.raises(PermissionDenied):
            services.propose(user=editor, organisation=mine, kind="service", title="t", ops=ops)
    assert _state() == before


def test_a_stored_request_cannot_reach_beyond_its_organisation_on_approval(
    editor, city_editor, mine, theirs
):
    their_service = theirs.services.get()
    change = ChangeRequest.objects.create(
        organisation=mine, kind="service", title="t", proposed_by=editor,
        changes=[{"model": "service", "pk": str(their_service.pk), "action": "update",
                  "fields": {"name": "x"}, "old": {}}],
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.approve(change, by=city_editor)
    their_service.refresh_from_db()
    assert their_service.name != "x"


def test_every_api_endpoint_refuses_writes(editor_client, theirs):
    service = theirs.services.get()
    link = service.service_at_locations.get()
    urls = [
        "/api/hsds/services", f"/api/hsds/services/{service.pk}",
        "/api/hsds/organizations", f"/api/hsds/organizations/{theirs.pk}",
        "/api/hsds/service_at_locations", f"/api/hsds/service_at_locations/{link.pk}",
        "/api/hsds/taxonomies", "/api/hsds/taxonomy_terms",
        "/api/v1/services", f"/api/v1/services/{service.pk}", "/api/v1/districts",
        "/api/v1/life_situations", "/api/v1/services.geojson", "/api/v1/hsds-datapackage.zip",
        "/api/v1/staff/services.csv", "/api/v1/staff/services.xlsx",
    ]  # fmt: skip
    body = json.dumps({"name": "Převzato", "organization_id": str(theirs.pk)})
    before = _state()
    for url in urls:
        for method in ("post", "put", "patch", "delete"):
            response = getattr(editor_client, method)(url, body, content_type="application/json")
            assert response.status_code in (403, 405), (method, url, response.status_code)
    assert _state() == before


def test_a_provider_editor_cannot_approve_their_own_change_request(client, editor, mine):
    sign_in(client, editor, verified=False)
    change = services.propose(
        user=editor, organisation=mine, kind="service", title="t",
        ops=[{"model": "service", "pk": str(mine.services.get().pk), "action": "update",
              "fields": {"name": "Schváleno sebou"}, "old": {}}],
    )  # fmt: skip
    before = _state()
    assert client.get(f"/providers/review/{change.pk}/").status_code == 403
    assert (
        client.post(f"/providers/review/{change.pk}/", {"decision": "approve"}).status_code == 403
    )
    assert client.get("/providers/review/").status_code == 403
    with pytest.raises((PermissionDenied, services.ChangeRequestError)):
        services.approve(change, by=editor)
    assert _state() == before
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_a_city_editor_cannot_approve_a_request_they_proposed(client, city_editor, mine):
    change = ChangeRequest.objects.create(
        organisation=mine, kind="service", title="t", proposed_by=city_editor,
        changes=[{"model": "service", "pk": str(mine.services.get().pk), "action": "update",
                  "fields": {"name": "Schváleno sebou"}, "old": {}}],
    )  # fmt: skip
    sign_in(client, city_editor)
    before = _state()
    assert (
        client.post(f"/providers/review/{change.pk}/", {"decision": "approve"}).status_code == 403
    )
    assert _state() == before


def test_another_organisations_change_requests_stay_private(client, other_editor, editor, mine):
    change = services.propose(
        user=editor, organisation=mine, kind="service", title="Tajné",
        ops=[{"model": "service", "pk": str(mine.services.get().pk), "action": "update",
              "fields": {"name": "Tajné"}, "old": {}}],
    )  # fmt: skip
    sign_in(client, other_editor, verified=False)
    assert client.get(f"/providers/requests/{change.pk}/").status_code == 403
    assert "Tajné" not in client.get("/providers/requests/").content.decode()
    assert "Tajné" not in client.get("/providers/").content.decode()


def test_staff_pages_send_anonymous_visitors_to_sign_in(client, mine):
    change = ChangeRequest.objects.create(organisation=mine, kind="service", title="t")
    urls = [
        "/providers/", "/providers/requests/", f"/providers/requests/{change.pk}/",
        "/providers/review/", f"/providers/review/{change.pk}/", "/providers/stale/",
        *(url for name, url in _edit_urls(mine).items() if not name.startswith("admin")),
    ]  # fmt: skip
    before = _state()
    for url in urls:
        for method in ("get", "post"):
            if url.endswith("/confirm/") and method == "get":
                continue  # POST only
            response = getattr(client, method)(url)
            assert response.status_code == 302, (method, url)
            assert response["Location"].startswith("/accounts/login/"), (method, url)
    assert _state() == before


def test_a_provider_editor_does_not_see_the_city_pages(editor_client):
    for url in ("/providers/review/", "/providers/stale/"):
        assert editor_client.get(url).status_code == 403


def test_a_city_editor_without_a_confirmed_second_factor_is_asked_for_it(client, city_editor):
    sign_in(client, city_editor, verified=False)
    response = client.get("/providers/review/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/second-factor/")


def test_the_admin_shows_change_requests_read_only_to_city_editors(
    client, city_editor, editor, mine
):
    change = ChangeRequest.objects.create(organisation=mine, kind="service", title="Záznam")
    sign_in(client, city_editor)
    assert "Záznam" in client.get("/admin/providers/changerequest/").content.decode()
    assert client.get(f"/admin/providers/changerequest/{change.pk}/change/").status_code == 200
    assert client.get(f"/admin/providers/changerequest/{change.pk}/delete/").status_code == 403
    sign_in(client, editor, verified=False)
    response = client.get("/admin/providers/changerequest/")
    assert response.status_code == 302
