"""A returned change request put back into the forms it came from, so the provider corrects
it instead of typing it again.

The unbound forms give what the page shows now (the public data), as a browser would send
it; the request's operations are laid over that: the record's own fields, rows of the
formsets changed, removed (ticked for removal) or added (as new rows), places added to or
removed from a service. The forms are then bound to the result and shown; sending them is an
ordinary new request. An operation that no longer fits (its row is gone) is reported, not
lost silently."""

from typing import Any

from django import forms

from socioinfo.providers import changes

Data = dict[str, list[str]]


def _put(data: Data, name: str, field: forms.Field, value: Any) -> None:
    """Set a field as a browser sends it: a ticked box as "on", an unticked one absent,
    several choices as several values."""
    if isinstance(field, forms.BooleanField):
        if value:
            data[name] = ["on"]
        else:
            data.pop(name, None)
        return
    value = field.prepare_value(value)
    if isinstance(value, list | tuple | set):
        data[name] = [str(item) for item in value]
    else:
        data[name] = ["" if value is None else str(value)]


def shown_data(*parts: Any) -> Data:
    """What the unbound forms and formsets show, as the data a browser would send."""
    data: Data = {}
    for part in parts:
        if isinstance(part, forms.BaseFormSet):
            for field in part.management_form:
                data[field.html_name] = [str(field.value())]
            rows = list(part.forms)
        else:
            rows = [part]
        for form in rows:
            for field in form:
                _put(data, field.html_name, field.field, field.value())
    return data


def overlay(
    data: Data,
    ops: list[dict[str, Any]],
    *,
    record: tuple[str, Any, forms.BaseForm],
    formsets: dict[str, forms.BaseFormSet],
    places: forms.BoundField | None = None,
    translations: forms.Form | None = None,
) -> list[dict[str, Any]]:
    """Lay ``ops`` over ``data``: ``record`` is (model name, pk, form) of the page's own
    record, ``formsets`` the formsets by the model of their rows, ``places`` the service
    form's field of places, ``translations`` the record's form of texts in other languages
    (fields ``<language>__<field>``). Returns the operations that found no place."""
    model, pk, form = record
    left: list[dict[str, Any]] = []
    for op in ops:
        if op["model"] == model and op["pk"] == str(pk):
            if translations is not None and "translations" in op["fields"]:
                # The proposed texts as a whole: a language left out was proposed empty.
                proposed = op["fields"]["translations"] or {}
                for key in translations.fields:
                    language, _sep, name = key.partition("__")
                    data[translations.add_prefix(key)] = [proposed.get(language, {}).get(name, "")]
            for name, value in op["fields"].items():
                if name in form.fields:
                    _put(
                        data,
                        form.add_prefix(name),
                        form.fields[name],
                        value,
                    )
        elif op["model"] == "serviceatlocation" and places is not None:
            chosen = data.setdefault(places.html_name, [])
            location = op["fields"].get("location") or op["old"].get("location")
            if op["action"] == "create" and location and location not in chosen:
                chosen.append(location)
            elif op["action"] == "delete" and location in chosen:
                chosen.remove(location)
        elif op["model"] in formsets:
            if not _overlay_row(data, op, formsets[op["model"]]):
                left.append(op)
        else:
            left.append(op)
    return left


def _overlay_row(data: Data, op: dict[str, Any], formset: forms.BaseFormSet) -> bool:
    total_name = formset.management_form["TOTAL_FORMS"].html_name
    if op["action"] == "create":
        index = int(data[total_name][0])
        data[total_name] = [str(index + 1)]
        row = formset.empty_form
        for name, value in op["fields"].items():
            if name in row.fields:
                key = formset.add_prefix(index) + f"-{name}"
                _put(data, key, row.fields[name], value)
        return True
    found = next(
        (i for i, row in enumerate(formset.initial_forms) if str(row.instance.pk) == op["pk"]),
        None,
    )
    if found is None:
        return False  # the row is gone since
    row = formset.forms[found]
    if op["action"] == "delete":
        data[formset.add_prefix(found) + "-DELETE"] = ["on"]
        return True
    for name, value in op["fields"].items():
        if name in row.fields:
            _put(data, row.add_prefix(name), row.fields[name], value)
    return True


def describe(ops: list[dict[str, Any]]) -> list[str]:
    """The operations that could not be put back, as people read them."""
    return [changes.diff(op).title for op in ops]
