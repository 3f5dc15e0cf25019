"""Checks of the planned records before anything is written: each model's own validation
(field rules, validators such as the IČO checksum, ``clean()``), the database's check
constraints in plain Python (so each breach is one message against its cell, without a query
per record), and uniqueness within the package and against the rest of the directory."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from socioinfo.api.datapackage.reader import Problems
from socioinfo.directory.models import Organisation, Service

# Relations are set by id and checked by the package's foreign keys, not by a query each.
RELATION_FIELDS = [
    "organisation",
    "service",
    "location",
    "service_at_location",
    "service_type",
    "city_district",
    "municipality",
]


def check_records(records: Iterable[Any], problems: Problems) -> None:
    """``records`` are ``plan.Planned``: an unsaved object and where its values came from."""
    for planned in records:
        obj = planned.obj
        try:
            # Uniqueness is checked for the whole package below (a record that is still
            # being added would clash with its own row in the directory).
            obj.full_clean(
                exclude=RELATION_FIELDS, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            report(planned, error, problems)
        for name, message in constraint_breaches(obj):
            report(planned, ValidationError({name: [message]}), problems)


def constraint_breaches(obj: Any) -> list[tuple[str, str]]:
    """The check constraints of the directory's models that a package can break (owners and
    weekdays are set by the import itself; opening exceptions check in ``clean()``)."""
    found = []
    fields = {f.attname for f in obj._meta.concrete_fields}
    if {"latitude", "longitude"} <= fields and (obj.latitude is None) != (obj.longitude is None):
        found.append(("latitude", _("Give both latitude and longitude, or neither.")))
    if (
        {"valid_from", "valid_to"} <= fields
        and obj.valid_from
        and obj.valid_to
        and obj.valid_to < obj.valid_from
    ):
        found.append(("valid_to", _("The end date is before the start date.")))
    if (
        {"capacity", "capacity_unit"} <= fields
        and obj.capacity is not None
        and not obj.capacity_unit
    ):
        found.append(("capacity", _("A capacity needs its unit.")))
    return found


def report(planned: Any, error: ValidationError, problems: Problems) -> None:
    messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    for name, texts in messages.items():
        file, row, column = planned.fields_from.get(name, planned.where)
        if name and name not in planned.fields_from and name != "__all__":
            column = name
        for text in texts:
            problems.add(file, row, column, text)


def check_unique(organisations: list[Any], services: list[Any], problems: Problems) -> None:
    """IČO and registry ids stay unique: within the package, and against records of the
    directory that the package does not name."""
    for planned_list, model, attr in (
        (organisations, Organisation, "ico"),
        (services, Service, "registry_id"),
    ):
        seen: dict[str, Any] = {}
        for planned in planned_list:
            value = getattr(planned.obj, attr)
            if value and value in seen:
                file, row, column = planned.fields_from.get(attr, planned.where)
                problems.add(
                    file,
                    row,
                    column,
                    _("“%(value)s” is also given to %(other)s in the package; make it unique.")
                    % {"value": value, "other": seen[value].obj.pk},
                )
            elif value:
                seen[value] = planned
        ids = {p.obj.pk for p in planned_list}
        taken = model.objects.filter(**{f"{attr}__in": list(seen)}).exclude(pk__in=ids)
        for other in taken.only("pk", "name", attr):
            planned = seen[getattr(other, attr)]
            file, row, column = planned.fields_from.get(attr, planned.where)
            problems.add(
                file,
                row,
                column,
                _(
                    "“%(value)s” already belongs to “%(name)s” (%(id)s) in the directory; "
                    "correct it, or include that record in the package with its own value."
                )
                % {"value": getattr(other, attr), "name": other.name, "id": other.pk},
            )
