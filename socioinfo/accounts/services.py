"""Changing accounts: roles, memberships, invitations and the demo's staff login."""

import datetime
import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from socioinfo.accounts.models import Invitation, Membership, User
from socioinfo.accounts.roles import ADMIN_SITE_ROLES, Role
from socioinfo.accounts.selectors import forget_cached_access
from socioinfo.directory.models import Organisation

INVITATION_SALT = "socioinfo.accounts.invitation"


BACKUP_CODES = 10


def new_backup_codes(user: User) -> list[str]:
    """Ten new single-use backup codes for when the phone is not at hand (django-otp's
    static tokens); the earlier ones stop working."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="backup codes", confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


@transaction.atomic
def set_roles(user: User, roles: Iterable[str]) -> None:
    """Give the user exactly these roles; ``is_staff`` follows (the admin site's roles)."""
    names = {Role(role).value for role in roles}
    user.groups.set(Group.objects.filter(name__in=names))
    is_staff = bool(names & {role.value for role in ADMIN_SITE_ROLES}) or user.is_superuser
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])
    forget_cached_access(user)


def add_role(user: User, role: Role) -> None:
    set_roles(user, {*user.groups.values_list("name", flat=True), role.value})


@transaction.atomic
def add_membership(user: User, organisation: Organisation, *, by: User | None) -> Membership:
    """Make the user a provider editor of the organisation (idempotent)."""
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"created_by": by}
    )
    if not user.groups.filter(name=Role.PROVIDER_EDITOR.value).exists():
        add_role(user, Role.PROVIDER_EDITOR)
    forget_cached_access(user)
    return membership


@transaction.atomic
def reset_staff_login(email: str = "spravce@example.org") -> tuple[User, str]:
    """Create (or reset) an administrator with a fresh random password; return both.

    For a developer's machine and the demo: the password is printed once, never stored.
    """
    password = secrets.token_urlsafe(12)
    user = User.objects.filter(email__iexact=email).first() or User(email=email.lower())
    user.is_staff = True
    user.is_superuser = True
    user.is_active = True
    user.set_password(password)
    user.save()
    add_role(user, Role.ADMINISTRATOR)
    return user, password


# Invitations ----------------------------------------------------------------------------------


class InvitationError(Exception):
    """The link cannot be used; ``reason`` is one of invalid, expired, used, revoked."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _InvitationSigner(signing.TimestampSigner):
    """Signs with the time given (the moment the invitation was issued), not the clock."""

    def __init__(self, issued_at: datetime.datetime | None = None) -> None:
        super().__init__(salt=INVITATION_SALT)
        self.issued_at = issued_at

    def timestamp(self) -> str:
        if self.issued_at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.issued_at.timestamp()))


def existing_account(email: str) -> User | None:
    """The account with this e-mail address (any letter case), if there is one."""
    return User.objects.filter(email__iexact=email.strip()).first()


def invitation_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=settings.SOCIOINFO_INVITATION_DAYS)


def invitation_token(invitation: Invitation, *, issued_at: datetime.datetime | None = None) -> str:
    """The signed token of the invitation's link; it expires ``SOCIOINFO_INVITATION_DAYS``
    after ``issued_at`` (now by default)."""
    return _InvitationSigner(issued_at).sign_object({"invitation": str(invitation.pk)})


def invitation_path(invitation: Invitation, **kwargs: Any) -> str:
    from django.urls import reverse

    return reverse("accounts:accept_invitation", args=[invitation_token(invitation, **kwargs)])


@transaction.atomic
def invite(
    *, email: str, organisation: Organisation, by: User | None, now: datetime.datetime | None = None
) -> Invitation:
    """Record an invitation for ``email`` to edit for ``organisation``; earlier pending
    invitations of the same person to the same organisation are revoked (one link works)."""
    now = now or timezone.now()
    email = email.strip().lower()
    Invitation.objects.pending(at=now).filter(
        email__iexact=email, organisation=organisation
    ).update(revoked_at=now)
    return Invitation.objects.create(
        email=email,
        organisation=organisation,
        invited_by=by,
        expires_at=now + invitation_max_age(),
    )


def send_invitation(invitation: Invitation, *, site_url: str | None = None) -> str:
    """E-mail the invitation's link; return the link. ``site_url`` is the site's address
    (the request's own when invited from a page, SOCIOINFO_SITE_URL otherwise)."""
    link = (site_url or settings.SOCIOINFO_SITE_URL).rstrip("/") + invitation_path(invitation)
    context = {
        "invitation": invitation,
        "link": link,
        "days": settings.SOCIOINFO_INVITATION_DAYS,
        "inviter": invitation.invited_by,
    }
    send_mail(
        subject=_("Invitation to edit %(organisation)s in Socioinfo")
        % {"organisation": invitation.organisation.name},
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
    return link


def read_invitation(token: str, *, now: datetime.datetime | None = None) -> Invitation:
    """The invitation a link stands for, if it can still be accepted; else InvitationError."""
    try:
        payload = _InvitationSigner().unsign_object(token, max_age=invitation_max_age())
    except signing.SignatureExpired:
        raise InvitationError("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise InvitationError("invalid") from None
    invitation_id = payload.get("invitation") if isinstance(payload, dict) else None
    invitation = (
        Invitation.objects.select_related("organisation").filter(pk=invitation_id).first()
        if isinstance(invitation_id, str)
        else None
    )
    if invitation is None:
        raise InvitationError("invalid")
    if invitation.accepted_at:
        raise InvitationError("used")
    if invitation.revoked_at:
        raise InvitationError("revoked")
    if invitation.expires_at <= (now or timezone.now()):
        raise InvitationError("expired")
    return invitation


@transaction.atomic
def accept_invitation(
    token: str,
    *,
    user: User | None = None,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    now: datetime.datetime | None = None,
) -> User:
    """Use the invitation once: add the membership to ``user`` (an existing account signed
    in as the invited address) or create the account with ``password``. Returns the user."""
    now = now or timezone.now()
    invitation = read_invitation(token, now=now)
    # Lock the row so two simultaneous clicks cannot both use it.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationError("used" if invitation.accepted_at else "revoked")
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationError("account_exists")
        user = User.objects.create_user(
            invitation.email, password, first_name=first_name, last_name=last_name
        )
    elif user.email.lower() != invitation.email.lower():
        raise InvitationError("other_account")
    add_membership(user, invitation.organisation, by=invitation.invited_by)
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    return user


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, now: datetime.datetime | None = None) -> None:
    """The link stops working (an accepted invitation stays accepted)."""
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = now or timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
