"""Signing in with e-mail and password, staff pages closed to anonymous visitors, and the
lock-out after repeated failures."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from socioinfo.accounts.roles import Role
from tests.accounts.helpers import PASSWORD, make_user, sign_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def post_login(client, email, password, **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra})


def test_a_provider_editor_signs_in_with_e_mail_in_any_letter_case(client):
    make_user(Role.PROVIDER_EDITOR, email="jana@spolek.cz", password=PASSWORD)
    response = post_login(client, "Jana@Spolek.CZ", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:account")
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_wrong_password_shows_the_form_again_with_a_message(client):
    make_user(email="jana@spolek.cz", password=PASSWORD)
    response = post_login(client, "jana@spolek.cz", "spatne-heslo")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_sign_in_returns_to_the_page_asked_for_but_never_to_another_site(client):
    make_user(email="jana@spolek.cz", password=PASSWORD)
    response = post_login(client, "jana@spolek.cz", PASSWORD, next="/accounts/password/change/")
    assert response["Location"] == "/accounts/password/change/"
    client.logout()
    response = post_login(client, "jana@spolek.cz", PASSWORD, next="https://evil.example/")
    assert response["Location"] == reverse("accounts:account")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/directory/service/",
        "/accounts/",
        "/accounts/invitations/",
        "/accounts/password/change/",
        "/accounts/second-factor/",
        "/accounts/second-factor/setup/",
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in_on_staff_pages(client, url):
    response = client.get(url, follow=True)
    final, _status = response.redirect_chain[-1]
    assert final.startswith(LOGIN + "?next=")
    assert response.status_code == 200


def test_the_admin_login_is_the_sites_login(client):
    response = client.get(reverse("admin:login") + "?next=/admin/directory/")
    assert response["Location"] == LOGIN + "?next=%2Fadmin%2Fdirectory%2F"


def test_a_signed_in_person_without_the_role_gets_403_not_a_login_loop(client):
    sign_in(client, make_user(Role.WORKING_GROUP_MEMBER))
    assert client.get(reverse("accounts:invitations")).status_code == 403


def test_logout_ends_the_session(client):
    sign_in(client, make_user(Role.CITY_EDITOR))
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


# Lock-out -------------------------------------------------------------------------------------


def fail(client, email, times):
    for _attempt in range(times):
        response = post_login(client, email, "spatne-heslo")
    return response


def test_sign_in_is_blocked_after_the_failure_limit_even_with_the_right_password(client, settings):
    make_user(email="jana@spolek.cz", password=PASSWORD)
    assert fail(client, "jana@spolek.cz", settings.AXES_FAILURE_LIMIT - 1).status_code == 200
    locked = fail(client, "JANA@spolek.cz", 1)  # letter case does not reset the count
    assert locked.status_code == 429
    text = locked.content.decode()
    assert reverse("accounts:password_reset") in text  # the page says what to do
    assert "15" in text  # …and for how long
    response = post_login(client, "jana@spolek.cz", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_holds_one_address_from_one_ip_not_a_colleague(client, settings):
    make_user(email="jana@spolek.cz", password=PASSWORD)
    make_user(email="petr@spolek.cz", password=PASSWORD)
    fail(client, "jana@spolek.cz", settings.AXES_FAILURE_LIMIT)
    assert post_login(client, "petr@spolek.cz", PASSWORD).status_code == 302


def test_the_lock_out_ends_after_the_cool_off(client, settings):
    make_user(email="jana@spolek.cz", password=PASSWORD)
    fail(client, "jana@spolek.cz", settings.AXES_FAILURE_LIMIT)
    assert post_login(client, "jana@spolek.cz", PASSWORD).status_code == 429
    # The attempts were made longer ago than the cool-off: time moves by rewriting them.
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(seconds=1)
    )
    assert post_login(client, "jana@spolek.cz", PASSWORD).status_code == 302


def test_a_password_reset_by_e_mail_lifts_the_lock_out(client, settings, mailoutbox):
    make_user(email="jana@spolek.cz", password=PASSWORD)
    fail(client, "jana@spolek.cz", settings.AXES_FAILURE_LIMIT)
    client.post(reverse("accounts:password_reset"), {"email": "jana@spolek.cz"})
    link = next(line for line in mailoutbox[0].body.splitlines() if "/password/reset/" in line)
    form_url = client.get(link.split("testserver")[1], follow=True).redirect_chain[-1][0]
    new = "Nove-heslo-na-jaro-2027"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    assert post_login(client, "jana@spolek.cz", new).status_code == 302


def test_the_class_based_gate_asks_the_same_questions(rf):
    """PermissionRequiredMixin: sign in, second factor, then has_perm with the object."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse
    from django.views import View

    from socioinfo.accounts.permissions import PermissionRequiredMixin
    from tests.factories import ServiceFactory

    service = ServiceFactory()

    class ChangeService(PermissionRequiredMixin, View):
        permission = "directory.change_service"

        def get_permission_object(self):
            return service

        def get(self, request):
            return HttpResponse("ok")

    def call(user, verified=True):
        request = rf.get("/x/")
        request.user = user
        user.is_verified = lambda: verified
        return ChangeService.as_view()(request)

    assert call(AnonymousUser())["Location"].startswith(LOGIN)
    editor = make_user(Role.CITY_EDITOR)
    assert call(editor, verified=False)["Location"].startswith(reverse("accounts:second_factor"))
    assert call(make_user(Role.CITY_EDITOR)).status_code == 200
    own = make_user(Role.PROVIDER_EDITOR, organisations=[service.organisation])
    assert call(own).status_code == 200
    with pytest.raises(PermissionDenied):
        call(make_user(Role.PROVIDER_EDITOR, organisations=[ServiceFactory().organisation]))
