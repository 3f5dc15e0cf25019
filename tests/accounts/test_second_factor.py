"""The second factor (TOTP): required for staff roles before any staff page, accepted with a
valid code, optional for provider editors."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from socioinfo.accounts.roles import SECOND_FACTOR_ROLES, Role
from tests.accounts.helpers import PASSWORD, add_device, current_code, make_user, sign_in

pytestmark = pytest.mark.django_db

SECOND_FACTOR = reverse("accounts:second_factor")


def sign_in_with_password(client, email):
    return client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})


@pytest.mark.parametrize("role", sorted(SECOND_FACTOR_ROLES))
def test_staff_roles_must_confirm_a_second_factor_before_staff_pages(client, role):
    make_user(role, email="staff@mesto.cz", password=PASSWORD)
    response = sign_in_with_password(client, "staff@mesto.cz")
    assert response["Location"].startswith(SECOND_FACTOR)
    for url in ("/accounts/", "/admin/", "/accounts/password/change/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(SECOND_FACTOR) or "/login/" in response["Location"]
    assert client.get("/accounts/").url.startswith(SECOND_FACTOR)


def test_the_staff_api_refuses_an_unconfirmed_session(client):
    sign_in(client, make_user(Role.PLANNER), verified=False)
    response = client.get("/api/v1/staff/services.csv")
    assert response.status_code == 403


def test_provider_editors_and_working_group_members_need_no_second_factor(client):
    for role in (Role.PROVIDER_EDITOR, Role.WORKING_GROUP_MEMBER):
        client.logout()
        make_user(role, email=f"{role.name.lower()}@spolek.cz", password=PASSWORD)
        response = sign_in_with_password(client, f"{role.name.lower()}@spolek.cz")
        assert response["Location"] == reverse("accounts:account")
        assert client.get("/accounts/").status_code == 200


def test_setting_up_the_app_with_a_valid_code_opens_staff_pages(client):
    editor = make_user(Role.CITY_EDITOR, email="redakce@mesto.cz", password=PASSWORD)
    sign_in_with_password(client, "redakce@mesto.cz")
    page = client.get(SECOND_FACTOR + "?next=/admin/", follow=True)
    assert page.redirect_chain == []  # no device yet: the set-up is shown right there
    html = page.content.decode()
    assert "<svg" in html  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "".join(page.context["key_groups"]) in html.replace(" ", "")

    wrong = client.post(reverse("accounts:second_factor_setup"), {"token": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)  # no waiting
    response = client.post(
        reverse("accounts:second_factor_setup"),
        {"token": current_code(device), "next": "/admin/"},
    )
    # First the backup codes, shown once, with the way on to where the person was going.
    assert response["Location"] == reverse("accounts:backup_codes") + "?next=%2Fadmin%2F"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_the_next_sign_in_asks_for_the_code_and_accepts_a_valid_one(client):
    editor = make_user(Role.CITY_EDITOR, email="redakce@mesto.cz", password=PASSWORD)
    device = add_device(editor)
    sign_in_with_password(client, "redakce@mesto.cz")
    page = client.get(SECOND_FACTOR)
    assert "accounts/second_factor_check.html" in [t.name for t in page.templates]
    assert client.post(SECOND_FACTOR, {"token": "123456"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    # django-otp slows down guessing: after a wrong code the next try waits a moment.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    response = client.post(SECOND_FACTOR, {"token": current_code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_cannot_be_used_twice(client):
    editor = make_user(Role.CITY_EDITOR, email="redakce@mesto.cz", password=PASSWORD)
    device = add_device(editor)
    sign_in_with_password(client, "redakce@mesto.cz")
    code = current_code(device)
    assert client.post(SECOND_FACTOR, {"token": code})["Location"]
    client.logout()
    sign_in_with_password(client, "redakce@mesto.cz")
    assert client.post(SECOND_FACTOR, {"token": code}).status_code == 200  # refused
    assert client.get("/accounts/").status_code == 302


def test_a_confirmed_app_cannot_be_replaced_without_its_code(client):
    editor = make_user(Role.CITY_EDITOR, email="redakce@mesto.cz", password=PASSWORD)
    add_device(editor)
    sign_in_with_password(client, "redakce@mesto.cz")
    response = client.get(reverse("accounts:second_factor_setup"))
    assert response["Location"].startswith(SECOND_FACTOR)
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()


def test_a_provider_editor_who_set_up_a_second_factor_is_asked_for_it(client):
    provider = make_user(Role.PROVIDER_EDITOR, email="jana@spolek.cz", password=PASSWORD)
    add_device(provider)
    response = sign_in_with_password(client, "jana@spolek.cz")
    assert response["Location"].startswith(SECOND_FACTOR)


# Backup codes ---------------------------------------------------------------------------------


def _codes_after_setup(client, email="redakce@mesto.cz"):
    """Set up the app as a new city editor; return the backup codes shown once after it."""
    editor = make_user(Role.CITY_EDITOR, email=email, password=PASSWORD)
    sign_in_with_password(client, email)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(
        reverse("accounts:second_factor_setup"), {"token": current_code(device), "next": "/admin/"}
    )
    assert response["Location"] == reverse("accounts:backup_codes") + "?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    codes = page.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    html = page.content.decode()
    assert all(f"{c[:4]} {c[4:]}" in html for c in codes)
    assert 'href="/admin/"' in html  # continue where the person was going
    # Shown once: the next visit says how many are left and offers new ones.
    again = client.get(reverse("accounts:backup_codes"))
    assert again.context["codes"] is None and again.context["left"] == 10
    return editor, codes


def test_setting_up_the_app_gives_ten_backup_codes_shown_once(client):
    _codes_after_setup(client)


def test_a_backup_code_signs_in_once_and_warns_how_many_are_left(client):
    editor, codes = _codes_after_setup(client)
    client.logout()
    sign_in_with_password(client, "redakce@mesto.cz")
    client.cookies["django_language"] = "en"
    # Typed as shown (with the space) and in capitals: accepted.
    response = client.post(
        SECOND_FACTOR,
        {"token": f"{codes[0][:4]} {codes[0][4:]}".upper(), "next": "/accounts/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/accounts/"
    page = response.content.decode()
    assert "You signed in with a backup code; 9 are left." in page
    assert "Backup codes (9 left)" in page
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in_with_password(client, "redakce@mesto.cz")
    refused = client.post(SECOND_FACTOR, {"token": codes[0]})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert client.get("/admin/").status_code == 302


def test_making_new_backup_codes_ends_the_old_ones(client):
    editor, old = _codes_after_setup(client)
    client.post(reverse("accounts:backup_codes"))
    new = client.get(reverse("accounts:backup_codes")).context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    client.logout()
    sign_in_with_password(client, "redakce@mesto.cz")
    assert client.post(SECOND_FACTOR, {"token": old[1]}).status_code == 200
    from django_otp.plugins.otp_static.models import StaticDevice

    StaticDevice.objects.filter(user=editor).update(throttling_failure_count=0)
    assert client.post(SECOND_FACTOR, {"token": new[1]}).status_code == 302


def test_backup_codes_are_not_shown_nor_made_without_the_second_factor(client):
    editor, _codes = _codes_after_setup(client)
    client.logout()
    sign_in_with_password(client, "redakce@mesto.cz")  # password only, no code yet
    for response in (
        client.get(reverse("accounts:backup_codes")),
        client.post(reverse("accounts:backup_codes")),
    ):
        assert response["Location"].startswith(SECOND_FACTOR)
    from socioinfo.accounts.selectors import backup_codes_left

    assert backup_codes_left(editor) == 10


def test_a_lost_phone_is_replaced_after_signing_in_with_a_backup_code(client):
    editor, codes = _codes_after_setup(client)
    TOTPDevice.objects.filter(user=editor).delete()  # the phone is gone
    client.logout()
    sign_in_with_password(client, "redakce@mesto.cz")
    assert client.post(SECOND_FACTOR, {"token": codes[2]}).status_code == 302
    setup = client.get(reverse("accounts:second_factor_setup"))
    assert setup.status_code == 200 and "<svg" in setup.content.decode()


def test_a_wrong_shape_of_code_gets_a_message_that_says_what_to_type(client, settings):
    add_device(make_user(Role.CITY_EDITOR, email="redakce@mesto.cz", password=PASSWORD))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    sign_in_with_password(client, "redakce@mesto.cz")
    page = client.post(SECOND_FACTOR, {"token": "12ab"}).content.decode()
    assert "six digits the app shows, or a backup code of eight characters" in page
