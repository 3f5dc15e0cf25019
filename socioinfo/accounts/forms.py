"""Forms for signing in, the second factor, roles and invitations."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from socioinfo.accounts.models import User
from socioinfo.accounts.roles import Role
from socioinfo.directory.models import Organisation


class EmailAuthenticationForm(AuthenticationForm):
    """E-mail and password. The field keeps Django's name ``username`` (django-axes reads it)."""

    username = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The e-mail address or the password is not right. Both are case-sensitive "
            "only in the password."
        ),
        "inactive": _("This account has been switched off. Ask the city's administrator."),
    }


class TokenForm(forms.Form):
    """A six-digit code from an authenticator app."""

    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Type only the digits the app shows."))
        return token


class SignInCodeForm(forms.Form):
    """At sign-in: the six-digit code from the app, or one of the backup codes."""

    token = forms.CharField(
        label=_("Six-digit code from your authenticator app, or a backup code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off"}),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split()).replace("-", "").lower()
        if not (token.isdigit() and len(token) == 6) and not (
            len(token) == 8 and token.isalnum() and token.isascii()
        ):
            raise forms.ValidationError(
                _("Type the six digits the app shows, or a backup code of eight characters.")
            )
        return token

    @property
    def is_backup_code(self) -> bool:
        return len(self.cleaned_data["token"]) == 8


class NewPasswordForm(forms.Form):
    """Name and a new password, for someone joining through an invitation."""

    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail of the person to invite"),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation they will edit for"),
        queryset=Organisation.objects.filter(is_active=True).order_by("name"),
        empty_label=_("– choose –"),
    )


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Role.choices, required=False, label=_("roles"), **kwargs)


class UserAdminChangeForm(UserChangeForm):
    roles = RolesField(
        help_text=_("What the person may do is decided by their roles (docs/permissions.md).")
    )

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "is_active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["roles"] = list(self.instance.groups.values_list("name", flat=True))


class UserAdminCreationForm(BaseUserCreationForm):
    roles = RolesField()

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name"]
