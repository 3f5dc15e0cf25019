"""Admin glue shared by the apps: editing content translations as ordinary form fields."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from socioinfo.core.i18n import DEFAULT_LANGUAGE, TranslatableModel


def translation_field_name(field: str, language: str) -> str:
    return f"{field}__{language}"


def _languages() -> list[tuple[str, Any]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]


class TranslationsModelForm(forms.ModelForm):
    """A model form with one field per translated field and language, stored in the model's
    ``translations`` JSON column."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translations = (self.instance.translations or {}) if self.instance else {}
        for name in list(self.fields):
            if "__" in name:
                field, language = name.rsplit("__", 1)
                self.initial.setdefault(name, translations.get(language, {}).get(field, ""))

    def save(self, commit: bool = True) -> Any:
        instance: TranslatableModel = self.instance
        for name, value in self.cleaned_data.items():
            if "__" in name:
                field, language = name.rsplit("__", 1)
                instance.set_translation(language, field, (value or "").strip())
        return super().save(commit=commit)


def translations_form(model: type[TranslatableModel]) -> type[TranslationsModelForm]:
    """A form class for ``model`` with translation fields for every non-default language."""
    declared: dict[str, forms.Field] = {}
    for field_name in model.translated_fields:
        model_field = model._meta.get_field(field_name)
        assert isinstance(model_field, models.Field)
        widget = (
            forms.Textarea(attrs={"rows": 3}) if isinstance(model_field, models.TextField) else None
        )
        for code, language_name in _languages():
            declared[translation_field_name(field_name, code)] = forms.CharField(
                label=f"{model_field.verbose_name} ({language_name})",
                required=False,
                widget=widget or forms.TextInput(attrs={"size": 60}),
            )
    meta = type("Meta", (), {"model": model, "exclude": ["translations"]})
    return type(
        f"{model.__name__}TranslationsForm", (TranslationsModelForm,), {**declared, "Meta": meta}
    )


class TranslatedModelAdmin(admin.ModelAdmin):
    """A ModelAdmin that edits content translations in their own collapsed fieldset."""

    def get_form(self, request, obj=None, change=False, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("form", translations_form(self.model))
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):  # type: ignore[no-untyped-def]
        fieldsets = super().get_fieldsets(request, obj)
        names = [
            translation_field_name(f, code)
            for f in self.model.translated_fields
            for code, _name in _languages()
        ]
        main = []
        for title, options in fieldsets:
            fields = [f for f in options.get("fields", ()) if f not in names]
            main.append((title, {**options, "fields": fields}))
        return [*main, (_("Translations"), {"classes": ["collapse"], "fields": names})]
