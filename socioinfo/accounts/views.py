"""Signing in and out, password reset, the second factor, "my account" and invitations.

Every page that is not public goes through ``socioinfo.accounts.permissions``."""

from base64 import b32encode
from typing import Any, cast
from urllib.parse import urlencode

import segno
from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from socioinfo.accounts import selectors, services
from socioinfo.accounts.forms import (
    EmailAuthenticationForm,
    InvitationForm,
    NewPasswordForm,
    SignInCodeForm,
    TokenForm,
)
from socioinfo.accounts.models import Invitation, User
from socioinfo.accounts.permissions import (
    permission_required,
    second_factor_missing,
    second_factor_url,
)
from socioinfo.accounts.roles import Role

NOINDEX = {"noindex": True}


def _next_url(request: HttpRequest, default: str = "accounts:account") -> str:
    """The safe ``next`` address of the request, or ``default``."""
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(default)


def _lockout_facts() -> dict[str, int]:
    return {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }


# Signing in and out -------------------------------------------------------------------------


class LoginView(auth_views.LoginView):
    """E-mail and password; then the second factor for roles that need it."""

    template_name = "accounts/login.html"
    form_class = EmailAuthenticationForm
    extra_context = NOINDEX

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **_lockout_facts()}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if second_factor_missing(request):
            return redirect(second_factor_url(_next_url(request)))
        return super().get(request, *args, **kwargs)

    def get_success_url(self) -> str:
        target = _next_url(self.request)
        if second_factor_missing(self.request):
            return second_factor_url(target)
        return target


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"
    extra_context = NOINDEX


# Password reset by e-mail -------------------------------------------------------------------


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")
    extra_context = NOINDEX


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"
    extra_context = NOINDEX


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = NOINDEX

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Whoever holds the e-mailed link owns the address: lift a lock-out at once.
        reset_lockout(username=form.user.email)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    extra_context = NOINDEX


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")
    extra_context = NOINDEX

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


password_change = permission_required()(PasswordChangeView.as_view())


# Second factor ------------------------------------------------------------------------------


_TOO_MANY = gettext_lazy("Too many wrong codes in a row. Wait a minute and try the newest code.")


def _confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-created_at").first()


@login_required
def second_factor(request: HttpRequest) -> HttpResponseBase:
    """Ask for the code, or set up the app first if the user has none."""
    if not second_factor_missing(request) and user_has_device(request.user, confirmed=True):
        return redirect(_next_url(request))
    if user_has_device(request.user, confirmed=True):
        return second_factor_check(request)
    return second_factor_setup(request)


def second_factor_check(request: HttpRequest) -> HttpResponseBase:
    """The code from the app, or a backup code (each works once)."""
    form = SignInCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device: Any = (
            StaticDevice.objects.filter(user=request.user, confirmed=True).first()
            if form.is_backup_code
            else _confirmed_device(request.user)
        )
        if device is None:
            form.add_error("token", _("This code is not right."))
        elif not device.verify_is_allowed()[0]:
            form.add_error("token", _TOO_MANY)
        elif device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            if form.is_backup_code:
                _warn_about_backup_codes(request)
            return redirect(_next_url(request))
        elif form.is_backup_code:
            form.add_error("token", _("This backup code is not right, or it was used already."))
        else:
            form.add_error(
                "token",
                _(
                    "This code is not right. Type the code the app shows now; if it never "
                    "works, check that the time on your phone is set automatically."
                ),
            )
    return render(
        request,
        "accounts/second_factor_check.html",
        {"form": form, "next": _next_url(request), **NOINDEX},
    )


def _warn_about_backup_codes(request: HttpRequest) -> None:
    left = selectors.backup_codes_left(request.user)
    messages.warning(
        request,
        ngettext(
            "You signed in with a backup code; %(count)d is left. Make new ones on your "
            "account page, and set up the app again if the phone is lost.",
            "You signed in with a backup code; %(count)d are left. Make new ones on your "
            "account page, and set up the app again if the phone is lost.",
            left,
        )
        % {"count": left},
    )


@login_required
def second_factor_setup(request: HttpRequest) -> HttpResponseBase:
    """Show a new key as a QR code and as text; confirm it with the first code. Replacing a
    confirmed app needs this session to have confirmed the old one first."""
    user = request.user
    if user_has_device(user, confirmed=True) and second_factor_missing(request):
        return redirect(second_factor_url(_next_url(request)))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("token", _TOO_MANY)
        elif device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            otp_login(request, device)
            messages.success(request, _("The second factor is set up. Keep the app on your phone."))
            request.session[BACKUP_CODES_SESSION_KEY] = services.new_backup_codes(cast(User, user))
            return redirect(
                f"{reverse('accounts:backup_codes')}?{urlencode({'next': _next_url(request)})}"
            )
        else:
            form.add_error("token", _("This code is not right. Type the code the app shows now."))
    key = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(
            scale=5, svgclass="qr-code", lineclass="qr-line", dark="#1b1b1b", light="#ffffff"
        ),
        "key_groups": [key[i : i + 4] for i in range(0, len(key), 4)],
        "required": second_factor_missing(request) or _required_by_role(user),
        **NOINDEX,
    }
    return render(request, "accounts/second_factor_setup.html", context)


BACKUP_CODES_SESSION_KEY = "socioinfo_new_backup_codes"


@login_required
@require_http_methods(["GET", "POST"])
def backup_codes(request: HttpRequest) -> HttpResponseBase:
    """New backup codes are shown once, right after they are made; otherwise the page says
    how many are left and makes new ones (with the second factor confirmed in this
    session)."""
    if not request.user.is_verified():  # type: ignore[union-attr]
        return redirect(second_factor_url(request.get_full_path()))
    if request.method == "POST":
        request.session[BACKUP_CODES_SESSION_KEY] = services.new_backup_codes(
            cast(User, request.user)
        )
        return redirect("accounts:backup_codes")
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    return render(
        request,
        "accounts/backup_codes.html",
        {
            "codes": codes,
            "left": selectors.backup_codes_left(request.user),
            "next": _next_url(request),
            **NOINDEX,
        },
    )


def _required_by_role(user: Any) -> bool:
    from socioinfo.accounts.roles import SECOND_FACTOR_ROLES

    return bool(selectors.roles_of(user) & {role.value for role in SECOND_FACTOR_ROLES})


# My account ---------------------------------------------------------------------------------


@permission_required()
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = [Role(name).label for name in sorted(selectors.roles_of(user))]
    return render(
        request,
        "accounts/account.html",
        {
            "roles": roles,
            "organisations": selectors.organisations_of(user),
            "has_second_factor": _confirmed_device(user) is not None,
            "backup_codes_left": selectors.backup_codes_left(user),
            "second_factor_required": _required_by_role(user),
            "may_use_admin": user.has_perm("accounts.access_admin"),
            "may_invite": user.has_perm("accounts.invite_to_organisation"),
            **NOINDEX,
        },
    )


# Invitations --------------------------------------------------------------------------------


@permission_required("accounts.invite_to_organisation")
def invitations(request: HttpRequest) -> HttpResponse:
    """A city editor invites a provider's staff member to their organisation."""
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        if not request.user.has_perm("accounts.invite_to_organisation", organisation):
            form.add_error("organisation", _("You may not invite people to this organisation."))
        else:
            invitation = services.invite(
                email=form.cleaned_data["email"],
                organisation=organisation,
                by=cast(User, request.user),
            )
            services.send_invitation(invitation, site_url=request.build_absolute_uri("/"))
            messages.success(
                request,
                _("The invitation has been sent to %(email)s. The link works for %(days)d days.")
                % {"email": invitation.email, "days": settings.SOCIOINFO_INVITATION_DAYS},
            )
            return redirect("accounts:invitations")
    return render(
        request,
        "accounts/invitations.html",
        {
            "form": form,
            "invitations": selectors.recent_invitations(),
            "days": settings.SOCIOINFO_INVITATION_DAYS,
            **NOINDEX,
        },
    )


@require_POST
@permission_required("accounts.change_invitation")
def revoke_invitation(request: HttpRequest, pk: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk)
    services.revoke_invitation(invitation)
    messages.success(
        request, _("The invitation for %(email)s no longer works.") % {"email": invitation.email}
    )
    return redirect("accounts:invitations")


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens: set a password (new account) or accept while
    signed in (existing account)."""
    try:
        invitation = services.read_invitation(token)
    except services.InvitationError as error:
        return _invitation_refused(request, error.reason)
    existing = services.existing_account(invitation.email)
    user = request.user if request.user.is_authenticated else None
    if existing is not None:
        if user is None:
            return render(
                request,
                "accounts/invitation_sign_in.html",
                {"invitation": invitation, "path": request.get_full_path(), **NOINDEX},
            )
        if user.pk != existing.pk:
            return _invitation_refused(request, "other_account", invitation=invitation)
        if second_factor_missing(request):
            return redirect(second_factor_url(request.get_full_path()))
        if request.method == "POST":
            try:
                services.accept_invitation(token, user=cast(User, user))
            except services.InvitationError as error:
                return _invitation_refused(request, error.reason, invitation=invitation)
            messages.success(
                request,
                _("You now edit for %(organisation)s.")
                % {"organisation": invitation.organisation.name},
            )
            return redirect("accounts:account")
        return render(
            request, "accounts/invitation_accept.html", {"invitation": invitation, **NOINDEX}
        )
    form = NewPasswordForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            new_user = services.accept_invitation(
                token,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except services.InvitationError as error:  # used or taken meanwhile
            return _invitation_refused(request, error.reason, invitation=invitation)
        login(request, new_user, backend="socioinfo.accounts.backends.EmailPasswordBackend")
        messages.success(
            request,
            _("Welcome! Your account is ready and you edit for %(organisation)s.")
            % {"organisation": invitation.organisation.name},
        )
        return redirect("accounts:account")
    return render(
        request,
        "accounts/invitation_new_account.html",
        {"invitation": invitation, "form": form, **NOINDEX},
    )


def _invitation_refused(
    request: HttpRequest, reason: str, invitation: Invitation | None = None
) -> HttpResponse:
    return render(
        request,
        "accounts/invitation_refused.html",
        {"reason": reason, "invitation": invitation, **NOINDEX},
        status={
            "expired": 410,
            "used": 410,
            "revoked": 410,
            "other_account": 403,
            "account_exists": 409,
        }.get(reason, 404),
    )


def locked_out(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """django-axes' answer to a blocked sign-in: what happened and what to do."""
    return render(
        request,
        "accounts/locked_out.html",
        {**_lockout_facts(), **NOINDEX},
        status=429,
    )
