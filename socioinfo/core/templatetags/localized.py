"""Template helpers for translated content: ``{% localized obj "field" as text %}`` gives a
LocalizedText (text, language, is_fallback), so templates can mark Czech fallbacks."""

from typing import Any

from django import template

from socioinfo.core.i18n import LocalizedText

register = template.Library()


@register.simple_tag
def localized(obj: Any, field: str) -> LocalizedText:
    if obj is None:
        return LocalizedText("", "cs", False)
    return obj.localized(field)


@register.filter
def loc(obj: Any, field: str) -> str:
    """Just the text, for short labels (names of code-list values)."""
    if obj is None:
        return ""
    return obj.localized(field).text
