"""Content translations: the Czech text lives in the model's own fields, other languages in
one ``translations`` JSON column ({"en": {"name": "…"}, "uk": {…}}).

Why a JSON column and not a column per language: history keeps every translation change with
the row, a new interface language needs no migration, and one helper answers "which text, and
is it a fallback?" for templates and the API alike (see docs/adr/0002-content-translation.md).
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def other_languages() -> list[str]:
    """Interface languages other than the default, in settings order."""
    return [code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class LocalizedText:
    text: str
    language: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text


class TranslatableModel(models.Model):
    """Adds ``translations`` and ``localized()`` to a model; list the fields in
    ``translated_fields``."""

    translated_fields: tuple[str, ...] = ()

    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("Texts in other languages; the Czech text is in the fields themselves."),
    )

    class Meta:
        abstract = True

    def localized(self, field: str, language: str | None = None) -> LocalizedText:
        """The field's text in ``language`` (default: the active one), falling back to Czech."""
        language = (language or get_language() or DEFAULT_LANGUAGE).split("-")[0]
        base: str = getattr(self, field) or ""
        if language == DEFAULT_LANGUAGE:
            return LocalizedText(base, DEFAULT_LANGUAGE, False)
        translated = (self.translations or {}).get(language, {}).get(field, "")
        if translated:
            return LocalizedText(translated, language, False)
        return LocalizedText(base, DEFAULT_LANGUAGE, bool(base))

    def set_translation(self, language: str, field: str, text: str) -> None:
        if field not in self.translated_fields:
            raise ValueError(f"{field} is not a translated field of {type(self).__name__}")
        data: dict[str, Any] = dict(self.translations or {})
        texts = dict(data.get(language, {}))
        if text:
            texts[field] = text
        else:
            texts.pop(field, None)
        if texts:
            data[language] = texts
        else:
            data.pop(language, None)
        self.translations = data
