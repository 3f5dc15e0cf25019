"""What the attributes of a package mean to us: their taxonomy terms resolved to our code lists
(by the ids the API gives them, else by taxonomy and code, so a package from another Socioinfo
installation with other UUIDs resolves too) and their values parsed. Every parser raises
ValueError with a sentence that says what to write instead."""

import datetime
import json
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from socioinfo.api.datapackage import profile
from socioinfo.api.datapackage.reader import Row
from socioinfo.api.taxonomies import (
    AGE_GROUPS,
    FORMS,
    SERVICE_TYPES,
    TARGET_GROUPS,
    form_term_id,
    group_term_id,
)
from socioinfo.areas.models import Area
from socioinfo.directory.models import (
    AccessibilityFeature,
    AgeGroup,
    Language,
    RecordSource,
    ServiceStatus,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.models.taxonomy import CapacityUnit, ServiceForm

# Which record fields (terms of profile.FIELDS) each table may carry.
FIELDS_OF = {
    "organization": {"source", "is_active", "translations", "web"},
    "service": {
        *("status", "valid_from", "valid_to", "is_free"),
        *("registry_id", "source", "translations", "web"),
    },
    "location": {
        *("city_district", "municipality", "street", "house_number"),
        *("registry_id", "source", "translations", "web"),
    },
    "phone": {"order"},
    "contact": {"order"},
}
# Which code lists each table may carry.
CODE_LISTS_OF = {
    "service": {"service_type", "form", "target_group", "age_group", "feature"},
    "location": {"feature"},
}


class CodeLists:
    """Our code lists, languages and areas, read once per import."""

    def __init__(self) -> None:
        self.by_id: dict[str, tuple[str, Any]] = {}
        self.by_code: dict[tuple[str, str], tuple[str, Any]] = {}
        for t in ServiceType.objects.all():
            self._add(SERVICE_TYPES.id, "service_type", t, t.paragraph or t.slug, t.slug)
            if t.group:
                self.by_id[group_term_id(t.group)] = ("group", t.group)
        for g in TargetGroup.objects.all():
            self._add(TARGET_GROUPS.id, "target_group", g, g.registry_code or g.slug, g.slug)
        for a in AgeGroup.objects.all():
            self._add(AGE_GROUPS.id, "age_group", a, a.slug)
        for f in AccessibilityFeature.objects.all():
            self._add(profile.ACCESSIBILITY.id, "feature", f, f.code)
        for value, _label in ServiceForm.choices:
            self.by_id[form_term_id(value)] = ("form", value)
            self.by_code[(FORMS.id, value)] = ("form", value)
        for code in profile.FIELD_TERMS:
            self.by_id[profile.field_term_id(code)] = ("field", code)
            self.by_code[(profile.FIELDS.id, code)] = ("field", code)
        self.taxonomy_ids = {t.name: t.id for t in profile.PACKAGE_TAXONOMIES}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.areas = {
            (a.level, a.code): a for a in Area.objects.only("id", "level", "code", "name")
        }
        self.interface_languages = [
            code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
        ]

    def _add(self, taxonomy_id: str, kind: str, obj: Any, *codes: str) -> None:
        self.by_id[str(obj.pk)] = (kind, obj)
        for code in codes:
            self.by_code.setdefault((taxonomy_id, code), (kind, obj))

    def resolve(self, term: Row) -> tuple[str, Any] | None:
        """(kind, our object or value) of a taxonomy_term row, None when we do not know it."""
        found = self.by_id.get(term.get("id"))
        if found is None:
            taxonomy = term.get("taxonomy_id") or self.taxonomy_ids.get(term.get("taxonomy"), "")
            found = self.by_code.get((str(taxonomy), str(term.get("code", ""))))
        return found

    def area(self, urn: str, level: str | None = None) -> Area:
        parts = urn.split(":")
        if len(parts) != 5 or parts[:3] != ["urn", "cz", "area"] or (level and parts[3] != level):
            raise ValueError(
                _("Write the area as urn:cz:area:%(level)s:<official code>, not “%(value)s”.")
                % {"level": level or "<level>", "value": urn}
            )
        area = self.areas.get((parts[3], parts[4]))
        if area is None:
            raise ValueError(
                _(
                    "No area of level %(level)s has the code %(code)s; load the areas first "
                    "(manage.py load_areas) or correct the code."
                )
                % {"level": parts[3], "code": parts[4]}
            )
        return area

    def field(self, code: str, text: str) -> Any:
        """The value of a record-field attribute."""
        if code in ("valid_from", "valid_to"):
            return date(text)
        if code in ("is_free", "is_active"):
            if text not in ("true", "false"):
                raise ValueError(_("Write true or false, not “%(value)s”.") % {"value": text})
            return text == "true"
        if code == "status":
            return choice(text, ServiceStatus.values)
        if code == "source":
            return choice(text, RecordSource.values)
        if code == "order":
            if not text.isdigit():
                raise ValueError(
                    _("The order must be a whole number from 0, not “%(value)s”.") % {"value": text}
                )
            return int(text)
        if code in ("city_district", "municipality"):
            return self.area(text, code)
        if code == "translations":
            return self.translations(text)
        if code == "web":
            return web(text)
        return text

    def translations(self, text: str) -> dict[str, dict[str, str]]:
        data = json_object(text)
        for language, texts in data.items():
            if language not in self.interface_languages:
                raise ValueError(
                    _("“%(language)s” is not a language of the portal; use %(languages)s.")
                    % {"language": language, "languages": ", ".join(self.interface_languages)}
                )
            if not isinstance(texts, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in texts.items()
            ):
                raise ValueError(
                    _('Give each language its texts by field, e.g. {"en": {"name": "…"}}.')
                )
        return data


def date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": text}
        ) from None


def choice(text: str, allowed: list[str]) -> str:
    if text not in allowed:
        raise ValueError(
            _("“%(value)s” is not allowed here; write one of: %(allowed)s.")
            % {"value": text, "allowed": ", ".join(allowed)}
        )
    return text


def json_object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        raise ValueError(
            _('“%(value)s” is not a JSON object; write it as {"key": value}.') % {"value": text}
        )
    return data


def is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def web(text: str) -> dict[str, Any]:
    """A web contact: address, note and order."""
    data = json_object(text)
    url, note, order = data.get("url"), data.get("note", ""), data.get("order", 0)
    if not isinstance(url, str) or not isinstance(note, str) or not is_count(order):
        raise ValueError(
            _('Write the web address as {"url": "https://…", "note": "…", "order": 1}.')
        )
    return {"url": url, "note": note, "order": order}


def capacity(text: str) -> dict[str, Any]:
    """A form attribute's value: capacity, unit, note and non-stop flag (all optional), as
    ``ServiceFormOffer`` fields."""
    if not text:
        return {}
    data = json_object(text)
    number, unit = data.get("capacity"), data.get("unit", "")
    note, non_stop = data.get("note", ""), data.get("non_stop", False)
    if (
        set(data) - {"capacity", "unit", "note", "non_stop"}
        or (number is not None and not is_count(number))
        or unit not in ("", *CapacityUnit.values)
        or not isinstance(note, str)
        or not isinstance(non_stop, bool)
    ):
        raise ValueError(
            _(
                'Write the capacity as {"capacity": 20, "unit": "%(units)s", "note": "…", '
                '"non_stop": true} (every key optional).'
            )
            % {"units": "|".join(CapacityUnit.values)}
        )
    return {
        "capacity": number,
        "capacity_unit": unit,
        "capacity_note": note,
        "continuous": non_stop,
    }


def time_of(text: str) -> datetime.time | None:
    """HH:MM or HH:MM:SS as a time; None for 24:00 (a closing time only)."""
    if text.startswith("24:"):
        return None
    return datetime.time.fromisoformat(text if len(text) > 5 else text + ":00")
