"""Invitations: a city editor invites a provider's staff; the link is signed, works once and
expires; accepting creates the account or adds the membership to an existing one."""

import datetime
import json
import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from socioinfo.accounts import services
from socioinfo.accounts.models import Invitation, Membership, User
from socioinfo.accounts.roles import Role
from tests.accounts.helpers import PASSWORD, make_user, sign_in
from tests.factories import OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

NEW = "Nove-heslo-na-jaro-2027"


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Spolek Most")


def accept_path(invitation, **kwargs) -> str:
    return services.invitation_path(invitation, **kwargs)


def new_account(client, path, **extra):
    data = {"first_name": "Jana", "last_name": "Nová", "password1": NEW, "password2": NEW}
    return client.post(path, {**data, **extra})


def test_a_city_editor_invites_by_e_mail_and_the_link_creates_the_account(
    client, organisation, mailoutbox
):
    editor = make_user(Role.CITY_EDITOR)
    sign_in(client, editor)
    response = client.post(
        reverse("accounts:invitations"),
        {"email": "Jana@Spolek.cz", "organisation": organisation.pk},
    )
    assert response["Location"] == reverse("accounts:invitations")
    (message,) = mailoutbox
    assert message.to == ["jana@spolek.cz"]
    assert "Spolek Most" in message.subject
    path = re.search(r"http://testserver(/accounts/invitation/\S+/)", message.body).group(1)

    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    assert "jana@spolek.cz" in page.content.decode()
    response = new_account(client, path)
    assert response["Location"] == reverse("accounts:account")
    user = User.objects.get(email="jana@spolek.cz")
    assert user.check_password(NEW)
    assert user.get_full_name() == "Jana Nová"
    assert list(Membership.objects.filter(user=user).values_list("organisation", flat=True)) == [
        organisation.pk
    ]
    assert user.has_perm("directory.change_service", ServiceFactory(organisation=organisation))
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == user and invitation.invited_by == editor
    assert client.get(reverse("accounts:account")).status_code == 200  # signed in


def test_the_link_works_once(client, organisation):
    invitation = services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    path = accept_path(invitation)
    new_account(client, path)
    client.logout()
    again = client.get(path)
    assert again.status_code == 410
    assert again.context["reason"] == "used"
    with pytest.raises(services.InvitationError):
        services.accept_invitation(path.split("/")[-2], password=NEW)
    assert User.objects.filter(email="jana@spolek.cz").count() == 1


def test_a_tampered_link_is_refused(client, organisation):
    invitation = services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    token = services.invitation_token(invitation)
    other = services.invite(email="petr@spolek.cz", organisation=organisation, by=None)
    # The other invitation's id with this invitation's signature.
    _payload, stamp, signature = token.split(":")
    other_payload = signing.b64_encode(
        json.dumps({"invitation": str(other.pk)}, separators=(",", ":")).encode()
    ).decode()
    forged = f"{other_payload}:{stamp}:{signature}"
    for bad in (token[:-2] + "xx", forged, "nesmysl"):
        response = client.get(reverse("accounts:accept_invitation", args=[bad]))
        assert response.status_code == 404
        assert response.context["reason"] == "invalid"
    assert new_account(client, reverse("accounts:accept_invitation", args=[forged])).status_code
    assert not User.objects.exists()


def test_a_link_older_than_the_validity_is_refused(client, organisation, settings):
    invitation = services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    days = settings.SOCIOINFO_INVITATION_DAYS
    issued = timezone.now() - datetime.timedelta(days=days, minutes=1)
    response = client.get(accept_path(invitation, issued_at=issued))
    assert response.status_code == 410
    assert response.context["reason"] == "expired"
    fresh_enough = timezone.now() - datetime.timedelta(days=days) + datetime.timedelta(minutes=1)
    assert client.get(accept_path(invitation, issued_at=fresh_enough)).status_code == 200


def test_an_invitation_past_its_recorded_expiry_is_refused(organisation):
    sent = timezone.now() - datetime.timedelta(days=30)
    invitation = services.invite(
        email="jana@spolek.cz", organisation=organisation, by=None, now=sent
    )
    token = services.invitation_token(invitation)  # a fresh signature does not help
    with pytest.raises(services.InvitationError) as error:
        services.read_invitation(token)
    assert error.value.reason == "expired"
    assert services.read_invitation(token, now=sent + datetime.timedelta(days=1)) == invitation


def test_a_new_invitation_cancels_the_older_link(client, organisation):
    first = services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    response = client.get(accept_path(first))
    assert response.status_code == 410 and response.context["reason"] == "revoked"


def test_a_city_editor_can_cancel_an_invitation(client, organisation):
    invitation = services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    sign_in(client, make_user(Role.CITY_EDITOR))
    client.post(reverse("accounts:revoke_invitation", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_an_existing_account_signs_in_and_gets_the_membership(client, organisation):
    other = OrganisationFactory()
    jana = make_user(
        Role.PROVIDER_EDITOR, organisations=[other], email="jana@spolek.cz", password=PASSWORD
    )
    invitation = services.invite(email="JANA@spolek.cz", organisation=organisation, by=None)
    path = accept_path(invitation)
    page = client.get(path)
    assert "accounts/invitation_sign_in.html" in [t.name for t in page.templates]
    # Setting a password through the link is not possible for an existing account.
    new_account(client, path)
    jana.refresh_from_db()
    assert jana.check_password(PASSWORD)

    sign_in(client, jana)
    assert client.get(path).status_code == 200
    assert client.post(path)["Location"] == reverse("accounts:account")
    assert set(Membership.objects.filter(user=jana).values_list("organisation", flat=True)) == {
        organisation.pk,
        other.pk,
    }


def test_someone_signed_in_as_another_person_cannot_take_the_invitation(client, organisation):
    invitation = services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    make_user(email="jana@spolek.cz")
    petr = make_user(Role.PROVIDER_EDITOR, email="petr@spolek.cz")
    sign_in(client, petr)
    response = client.post(accept_path(invitation))
    assert response.status_code == 403
    assert not Membership.objects.filter(organisation=organisation).exists()


@pytest.mark.parametrize(
    "role", [Role.PROVIDER_EDITOR, Role.PLANNER, Role.ADVICE_WORKER, Role.WORKING_GROUP_MEMBER]
)
def test_only_city_editors_and_administrators_may_invite(client, organisation, role):
    sign_in(client, make_user(role, organisations=[organisation]))
    assert client.get(reverse("accounts:invitations")).status_code == 403
    response = client.post(
        reverse("accounts:invitations"),
        {"email": "x@spolek.cz", "organisation": organisation.pk},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_the_invite_command_prints_a_working_link(organisation, mailoutbox, settings):
    from io import StringIO

    from django.core.management import call_command

    organisation.ico = "26975530"
    organisation.save()
    out = StringIO()
    call_command("invite", "jana@spolek.cz", "26975530", stdout=out)
    link = out.getvalue().strip()
    assert link.startswith(settings.SOCIOINFO_SITE_URL + "/accounts/invitation/")
    assert link in mailoutbox[0].body
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert services.read_invitation(token).organisation == organisation


def test_a_password_link_never_takes_over_an_account_made_meanwhile(organisation):
    invitation = services.invite(email="jana@spolek.cz", organisation=organisation, by=None)
    token = services.invitation_token(invitation)
    make_user(email="jana@spolek.cz", password=PASSWORD)
    with pytest.raises(services.InvitationError) as error:
        services.accept_invitation(token, password=NEW)
    assert error.value.reason == "account_exists"
    assert User.objects.get(email="jana@spolek.cz").check_password(PASSWORD)
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
