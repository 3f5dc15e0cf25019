"""Operations on directory rows as plain data: what a change request stores, how it is
shown field by field and how it is applied.

An operation is ``{"model", "pk", "action", "fields", "old"}``: ``action`` is create, update
or delete; ``fields`` the proposed values, ``old`` the public values when proposed (update,
delete). Values are JSON: foreign keys and many-to-many fields as id strings, dates and
times in ISO format."""

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from socioinfo.directory.models import (
    ContactPoint,
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
)

# The models a provider may change, by the name operations use.
MODELS: dict[str, type[models.Model]] = {
    "organisation": Organisation,
    "service": Service,
    "location": Location,
    "contactpoint": ContactPoint,
    "serviceformoffer": ServiceFormOffer,
    "openingrule": OpeningRule,
    "openingexception": OpeningException,
    "serviceatlocation": ServiceAtLocation,
}
# Fields an operation may set on each model; anything else in stored data is ignored, so a
# request can never touch status, source, registry ids or the like by accident.
EDITABLE: dict[str, tuple[str, ...]] = {
    "organisation": ("name", "legal_form", "website", "description", "translations"),
    "service": (
        "organisation",
        "name",
        "service_type",
        "description",
        "eligibility",
        "fees",
        "is_free",
        "valid_from",
        "valid_to",
        "target_groups",
        "age_groups",
        "languages",
        "accessibility_features",
        "areas_served",
        "translations",
        "status",
    ),
    "location": (
        "organisation",
        "name",
        "street",
        "house_number",
        "city",
        "postcode",
        "latitude",
        "longitude",
        "accessibility_features",
        "accessibility_notes",
        "transport_notes",
        "translations",
    ),
    "contactpoint": ("organisation", "service", "location", "kind", "value", "note", "order"),
    "serviceformoffer": (
        "service",
        "form",
        "capacity",
        "capacity_unit",
        "capacity_note",
        "continuous",
    ),
    "openingrule": ("service", "service_at_location", "weekday", "opens", "closes", "note"),
    "openingexception": (
        "service",
        "service_at_location",
        "date",
        "is_closed",
        "opens",
        "closes",
        "note",
    ),
    "serviceatlocation": ("service", "location", "note"),
}
# Apply order: parents before children, children deleted before parents.
ORDER = [
    "organisation",
    "location",
    "service",
    "serviceatlocation",
    "serviceformoffer",
    "contactpoint",
    "openingrule",
    "openingexception",
]


def model_name(obj: models.Model) -> str:
    return type(obj)._meta.model_name  # type: ignore[return-value]


def _field(model: str, name: str) -> Any:
    return MODELS[model]._meta.get_field(name)


def to_json(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted(str(to_json(item)) for item in value)
    return value


def current_value(obj: models.Model, name: str) -> Any:
    """The JSON value of a field of a saved (or unsaved) row."""
    field: Any = obj._meta.get_field(name)
    if field.many_to_many:
        if obj._state.adding:
            return []
        return to_json(list(getattr(obj, name).values_list("pk", flat=True)))
    if field.is_relation:
        return to_json(getattr(obj, field.attname))
    return to_json(getattr(obj, name))


def snapshot(obj: models.Model, names: Any = None) -> dict[str, Any]:
    """The JSON values of the editable fields of a row (or of ``names``)."""
    names = names or EDITABLE[model_name(obj)]
    return {name: current_value(obj, name) for name in names}


def update_op(obj: models.Model, values: dict[str, Any]) -> dict[str, Any] | None:
    """An update of ``obj`` to ``values`` (only the fields that differ); None if none do."""
    values = {name: to_json(value) for name, value in values.items()}
    old = snapshot(obj, values)
    changed = {name: value for name, value in values.items() if value != old[name]}
    if not changed:
        return None
    return {
        "model": model_name(obj),
        "pk": str(obj.pk),
        "action": "update",
        "fields": changed,
        "old": {name: old[name] for name in changed},
    }


def create_op(obj: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    """A new row with a key chosen now, so other operations of the request can refer to it."""
    return {
        "model": model_name(obj),
        "pk": str(obj.pk),
        "action": "create",
        "fields": {name: to_json(value) for name, value in values.items()},
        "old": {},
    }


def delete_op(obj: models.Model) -> dict[str, Any]:
    return {
        "model": model_name(obj),
        "pk": str(obj.pk),
        "action": "delete",
        "fields": {},
        "old": snapshot(obj),
    }


def _from_json(model: str, name: str, value: Any) -> Any:
    field = _field(model, name)
    if value is None or field.many_to_many:
        return value
    if field.is_relation:
        return uuid.UUID(value) if isinstance(value, str) else value
    return field.to_python(value)


def load(op: dict[str, Any]) -> models.Model | None:
    """The row an operation is about, as it is now (None: gone or not created yet)."""
    return MODELS[op["model"]].objects.filter(pk=op["pk"]).first()  # type: ignore[attr-defined]


def build(op: dict[str, Any]) -> tuple[models.Model, dict[str, list[str]]]:
    """The row with the operation's values set in memory (not saved), and its many-to-many
    values to set after saving."""
    model = op["model"]
    obj = load(op) if op["action"] != "create" else None
    if obj is None:
        obj = MODELS[model](pk=uuid.UUID(op["pk"]))
    many: dict[str, list[str]] = {}
    for name, value in op["fields"].items():
        if name not in EDITABLE[model]:
            continue
        field = _field(model, name)
        if field.many_to_many:
            many[name] = list(value or [])
        elif field.is_relation:
            setattr(obj, field.attname, _from_json(model, name, value))
        else:
            setattr(obj, name, _from_json(model, name, value))
    return obj, many


def sort_for_apply(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    creates_updates = [op for op in ops if op["action"] != "delete"]
    deletes = [op for op in ops if op["action"] == "delete"]
    creates_updates.sort(key=lambda op: ORDER.index(op["model"]))
    deletes.sort(key=lambda op: -ORDER.index(op["model"]))
    return deletes + creates_updates


# Presentation ---------------------------------------------------------------------------------


def display(model: str, name: str, value: Any) -> str:
    """A stored value as people read it: choice labels, names of related rows, yes/no."""
    field = _field(model, name)
    if value is None or value == "" or value == []:
        return "—"
    if field.many_to_many:
        names = [str(o) for o in field.related_model.objects.filter(pk__in=value)]
        return ", ".join(sorted(names)) or "—"
    if field.is_relation:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related is not None else _("(a new record of this request)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def label(model: str, name: str) -> str:
    return str(_field(model, name).verbose_name)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    now: str | None  # the public value today, when it changed since the request was made


@dataclass
class OperationDiff:
    model_label: str
    title: str
    action: str
    rows: list[FieldChange]

    @property
    def changed_since(self) -> bool:
        return any(row.now is not None for row in self.rows)


def _translation_rows(
    model: str, op: dict[str, Any], current: models.Model | None
) -> list[FieldChange]:
    """A change of the translations as one row per language and text that differs."""
    from django.utils.translation import get_language_info

    def text(value: Any, code: str, name: str) -> str:
        return str(((value or {}).get(code) or {}).get(name, ""))

    old, new = op["old"].get("translations"), op["fields"].get("translations")
    if op["action"] == "delete":
        new = None
    now = current_value(current, "translations") if current is not None else None
    rows = []
    codes = sorted({*(old or {}), *(new or {})})
    for code in codes:
        for name in MODELS[model].translated_fields:  # type: ignore[attr-defined]
            before, after = text(old, code, name), text(new, code, name)
            if before == after:
                continue
            today = text(now, code, name) if current is not None else before
            rows.append(
                FieldChange(
                    f"{label(model, name)} ({get_language_info(code)['name_local']})",
                    before or "—",
                    after or "—",
                    (today or "—") if today != before else None,
                )
            )
    return rows


def diff(op: dict[str, Any]) -> OperationDiff:
    """Field by field: the value when proposed, the proposed value, and the value now where
    it is no longer what the proposer saw."""
    model = op["model"]
    current = load(op)
    rows = []
    names = list(op["fields"]) if op["action"] != "delete" else list(op["old"])
    for name in names:
        if name not in EDITABLE[model]:
            continue
        if name == "translations":
            rows += _translation_rows(model, op, current)
            continue
        old = op["old"].get(name)
        new = op["fields"].get(name) if op["action"] != "delete" else None
        now = None
        if op["action"] != "create" and current is not None:
            value_now = current_value(current, name)
            if value_now != old:
                now = display(model, name, value_now)
        elif op["action"] != "create" and current is None:
            now = _("(deleted meanwhile)")
        rows.append(
            FieldChange(
                label(model, name), display(model, name, old), display(model, name, new), now
            )
        )
    title = str(current) if current is not None else _("new")
    return OperationDiff(str(MODELS[model]._meta.verbose_name), title, op["action"], rows)
