"""The provider's forms: plain HTML forms that work without JavaScript. Each form can
state its difference from the public data as change-request operations
(``socioinfo.providers.changes``); nothing here saves."""

import datetime
from typing import Any

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.core.i18n import other_languages
from socioinfo.directory.models import (
    ContactPoint,
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
)
from socioinfo.providers import changes

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
CHECKBOXES = forms.CheckboxSelectMultiple
TEXT = forms.Textarea(attrs={"rows": 4})


def _values(form: forms.ModelForm) -> dict[str, Any]:
    names = form._meta.fields or ()  # type: ignore[attr-defined]
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


def _fresh(obj: models.Model) -> models.Model:
    """The row as stored (a bound form changes its instance in memory while validating)."""
    return type(obj)._default_manager.get(pk=obj.pk)


def has_errors(*parts: Any) -> bool:
    """Any of the bound forms or formsets has an error to show."""
    for part in parts:
        if not part.is_bound:
            continue
        if isinstance(part, forms.BaseFormSet):
            if part.total_error_count():
                return True
        elif part.errors:
            return True
    return False


def model_form_ops(form: forms.ModelForm, extra: dict[str, Any] | None = None) -> list:
    """The form's difference from the stored row: one create or update operation."""
    values = {**_values(form), **(extra or {})}
    if form.instance._state.adding:
        return [changes.create_op(form.instance, values)]
    return [changes.update_op(_fresh(form.instance), values)]


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the city's editor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: why the change, or anything the editor should know."),
    )


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "legal_form", "website", "description"]
        widgets = {"description": TEXT}


class ServiceForm(forms.ModelForm):
    locations = forms.ModelMultipleChoiceField(
        queryset=Location.objects.none(),
        required=False,
        widget=CHECKBOXES,
        label=_("Where the service is provided"),
        help_text=_("Your organisation's places. A new place can be added on the dashboard."),
    )

    class Meta:
        model = Service
        fields = [
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
        ]
        widgets = {
            "areas_served": CHECKBOXES,
            "description": TEXT,
            "eligibility": TEXT,
            "fees": forms.Textarea(attrs={"rows": 2}),
            "valid_from": DATE,
            "valid_to": DATE,
            "target_groups": CHECKBOXES,
            "age_groups": CHECKBOXES,
            "languages": CHECKBOXES,
            "accessibility_features": CHECKBOXES,
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        locations: Any = self.fields["locations"]
        locations.queryset = organisation.locations.order_by("street", "name")
        areas: Any = self.fields["areas_served"]
        areas.queryset = Area.objects.filter(level=AreaLevel.CITY_DISTRICT).order_by("name")
        areas.help_text = _(
            "For field services: the city districts where your staff come to clients."
        )
        if not self.instance._state.adding:
            self.fields["locations"].initial = list(
                self.instance.service_at_locations.values_list("location_id", flat=True)
            )

    def ops(self, translations: dict[str, Any] | None = None) -> list:
        """The service's own fields (with ``translations`` when given), then the places
        added and removed."""
        adding = self.instance._state.adding
        extra = (
            {"organisation": self.organisation, "status": ServiceStatus.ACTIVE} if adding else {}
        )
        values = {k: v for k, v in _values(self).items() if k != "locations"}
        if translations is not None:
            values["translations"] = translations
        ops: list[dict[str, Any] | None]
        if adding:
            ops = [changes.create_op(self.instance, {**values, **extra})]
            current: dict[Any, ServiceAtLocation] = {}
        else:
            ops = [changes.update_op(_fresh(self.instance), values)]
            current = {sal.location_id: sal for sal in self.instance.service_at_locations.all()}
        chosen = {location.pk for location in self.cleaned_data.get("locations") or []}
        for location_id in sorted(chosen - set(current), key=str):
            link = ServiceAtLocation(service_id=self.instance.pk, location_id=location_id)
            ops.append(
                changes.create_op(link, {"service": self.instance.pk, "location": location_id})
            )
        for location_id in sorted(set(current) - chosen, key=str):
            ops.append(changes.delete_op(current[location_id]))
        return ops


class TranslationsForm(forms.Form):
    """A record's texts (a service's name and description, a place's directions, an
    organisation's description) in the portal's other languages, one group of fields per
    language; an empty field shows the Czech text there."""

    prefix = "translations"

    def __init__(self, *args: Any, instance: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance = instance
        self.languages: list[tuple[str, str, list[str]]] = []
        stored = instance.translations or {}
        model = type(instance)
        for code in other_languages():
            names = []
            for name in model.translated_fields:
                key = f"{code}__{name}"
                model_field: Any = model._meta.get_field(name)
                self.fields[key] = forms.CharField(
                    label=capfirst(model_field.verbose_name),
                    required=False,
                    max_length=model_field.max_length,
                    widget=forms.TextInput() if name == "name" else forms.Textarea({"rows": 3}),
                    initial=stored.get(code, {}).get(name, ""),
                )
                self.fields[key].widget.attrs.update(
                    {"lang": code, "dir": "rtl" if get_language_info(code)["bidi"] else "ltr"}
                )
                names.append(key)
            self.languages.append((code, get_language_info(code)["name_local"], names))

    def groups(self) -> list[tuple[str, str, list[Any], bool]]:
        """(language code, its own name, its bound fields, whether to show them open: some
        text or an error) for the template."""
        out = []
        for code, name, keys in self.languages:
            fields = [self[key] for key in keys]
            out.append((code, name, fields, any(f.value() or f.errors for f in fields)))
        return out

    def translations(self) -> dict[str, dict[str, str]]:
        """The proposed translations, as the model keeps them (empty texts left out)."""
        result: dict[str, dict[str, str]] = {}
        for code, _name, keys in self.languages:
            texts = {
                key.split("__", 1)[1]: self.cleaned_data[key].strip()
                for key in keys
                if self.cleaned_data.get(key, "").strip()
            }
            if texts:
                result[code] = texts
        # Languages the form does not offer are kept as they are.
        offered = {code for code, _name, _keys in self.languages}
        for code, texts in (self.instance.translations or {}).items():
            if code not in offered:
                result[code] = texts
        return result


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = [
            "name",
            "street",
            "house_number",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "accessibility_features",
            "accessibility_notes",
            "transport_notes",
        ]
        widgets = {
            "accessibility_features": CHECKBOXES,
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
            "transport_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "latitude": _("Optional: the city's editor places the address on the map."),
        }


class ChildFormSet(forms.BaseModelFormSet):
    """Rows that belong to one parent (contacts of a service, its hours, capacities): new
    rows get the parent before they are validated, so the table's rules apply."""

    parent_field = ""
    parent: models.Model | None = None

    def __init__(self, *args: Any, parent: models.Model, **kwargs: Any) -> None:
        self.parent = parent
        super().__init__(*args, **kwargs)

    def _construct_form(self, i: int, **kwargs: Any) -> Any:
        form = super()._construct_form(i, **kwargs)  # type: ignore[misc]
        if form.instance._state.adding and self.parent is not None:
            setattr(form.instance, self.parent_field, self.parent)
        form.parent = self.parent  # type: ignore[attr-defined]
        form.is_existing = i < self.initial_form_count()  # type: ignore[attr-defined]
        return form

    def parent_values(self, form: forms.ModelForm) -> dict[str, Any]:
        return {self.parent_field: self.parent}

    def clean(self) -> None:
        super().clean()
        # A row sent as existing must be one of this parent's rows (Django would quietly
        # treat an unknown id as a new row).
        for form in self.forms[: self.initial_form_count()]:
            if form.instance._state.adding:
                raise forms.ValidationError(_("A row of this form does not belong to this record."))

    def ops(self) -> list:
        """New rows (create), changed rows (update) and rows ticked for removal (delete)."""
        ops: list = []
        for form in self.forms:
            adding = form.instance._state.adding
            if self.can_delete and self._should_delete_form(form):  # type: ignore[attr-defined]
                if not adding:
                    ops.append(changes.delete_op(_fresh(form.instance)))
                continue
            if not form.has_changed():
                continue
            values = {**_values(form), **self.parent_values(form)}
            if adding:
                ops.append(changes.create_op(form.instance, values))
            else:
                ops.append(changes.update_op(_fresh(form.instance), values))
        return ops


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPoint
        fields = ["kind", "value", "note"]


class ContactFormSet(ChildFormSet):
    def __init__(self, *args: Any, parent: models.Model, **kwargs: Any) -> None:
        self.parent_field = changes.model_name(parent)
        kwargs.setdefault("queryset", parent.contacts.all())  # type: ignore[attr-defined]
        super().__init__(*args, parent=parent, **kwargs)


class CapacityForm(forms.ModelForm):
    class Meta:
        model = ServiceFormOffer
        fields = ["form", "capacity", "capacity_unit", "capacity_note", "continuous"]


class CapacityFormSet(ChildFormSet):
    parent_field = "service"

    def __init__(self, *args: Any, parent: models.Model, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", parent.forms.all())  # type: ignore[attr-defined]
        super().__init__(*args, parent=parent, **kwargs)


class ServiceOrPlaceForm(forms.ModelForm):
    """A row of hours that belongs to the service itself or to one of its places."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["service_at_location"]
        field.queryset = ServiceAtLocation.objects.none()
        field.empty_label = str(_("the service itself (phone line, field work)"))
        field.label_from_instance = lambda link: str(link.location)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # Hours belong either to the service or to one of its places, never both.
        parent = getattr(self, "parent", None)
        if data.get("service_at_location"):
            self.instance.service = None
        elif parent is not None:
            self.instance.service = parent
        return data


class HoursForm(ServiceOrPlaceForm):
    class Meta:
        model = OpeningRule
        fields = ["service_at_location", "weekday", "opens", "closes", "note"]
        widgets = {"opens": TIME, "closes": TIME}
        labels = {"service_at_location": _("Where")}


class ExceptionForm(ServiceOrPlaceForm):
    """A date with other hours: closed all day (a holiday) or open at other times."""

    class Meta:
        model = OpeningException
        fields = ["service_at_location", "date", "is_closed", "opens", "closes", "note"]
        widgets = {"date": DATE, "opens": TIME, "closes": TIME}
        labels = {"service_at_location": _("Where")}
        help_texts = {"note": _("For example: public holiday, staff training.")}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.has_changed() or self.errors:
            return data
        day = data.get("date")
        if day is not None and day < timezone.localdate() and self.instance._state.adding:
            self.add_error("date", _("Give a date from today on; past days need no exception."))
        if data.get("is_closed"):
            data["opens"] = data["closes"] = None
        elif not data.get("opens") or not data.get("closes"):
            self.add_error(
                "opens",
                _("Tick “closed all day”, or give the time it opens and the time it closes."),
            )
        elif data["closes"] <= data["opens"]:
            self.add_error("closes", _("The closing time must be after the opening time."))
        return data


class ServiceOrPlaceFormSet(ChildFormSet):
    """Rows of the service or of its places (hours, exceptions); ``model`` is the row's."""

    parent_field = "service"
    model: Any = None

    def __init__(self, *args: Any, parent: Service, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", self.rows_of(parent))
        super().__init__(*args, parent=parent, **kwargs)
        links = (
            parent.service_at_locations.select_related("location")
            if not parent._state.adding
            else ServiceAtLocation.objects.none()
        )
        for form in self.forms + [self.empty_form]:
            form.fields["service_at_location"].queryset = links  # type: ignore[attr-defined]

    def rows_of(self, parent: Service) -> Any:
        if parent._state.adding:
            return self.model.objects.none()
        return self.model.objects.filter(
            models.Q(service=parent) | models.Q(service_at_location__service=parent)
        )

    def parent_values(self, form: forms.ModelForm) -> dict[str, Any]:
        link = form.cleaned_data.get("service_at_location")
        return {"service": None if link else self.parent, "service_at_location": link}


class HoursFormSet(ServiceOrPlaceFormSet):
    model = OpeningRule


class ExceptionFormSet(ServiceOrPlaceFormSet):
    """Exceptions from today on (past ones stay as they are, out of the way)."""

    model = OpeningException

    def rows_of(self, parent: Service) -> Any:
        today: datetime.date = timezone.localdate()
        return super().rows_of(parent).filter(date__gte=today).order_by("date", "opens")


def contact_formset(parent: models.Model, data: Any = None, extra: int = 2) -> ContactFormSet:
    cls = forms.modelformset_factory(
        ContactPoint, form=ContactForm, formset=ContactFormSet, extra=extra, can_delete=True
    )
    return cls(data, parent=parent, prefix="contacts")  # type: ignore[return-value]


def capacity_formset(parent: Service, data: Any = None) -> CapacityFormSet:
    cls = forms.modelformset_factory(
        ServiceFormOffer, form=CapacityForm, formset=CapacityFormSet, extra=1, can_delete=True
    )
    return cls(data, parent=parent, prefix="capacities")  # type: ignore[return-value]


def hours_formset(parent: Service, data: Any = None) -> HoursFormSet:
    cls = forms.modelformset_factory(
        OpeningRule, form=HoursForm, formset=HoursFormSet, extra=3, can_delete=True
    )
    return cls(data, parent=parent, prefix="hours")  # type: ignore[return-value]


def exceptions_formset(parent: Service, data: Any = None) -> ExceptionFormSet:
    cls = forms.modelformset_factory(
        OpeningException,
        form=ExceptionForm,
        formset=ExceptionFormSet,
        extra=2,
        can_delete=True,
    )
    return cls(data, parent=parent, prefix="exceptions")  # type: ignore[return-value]


class DecisionForm(forms.Form):
    DECISIONS = [
        ("approve", _("Approve and publish")),
        ("return", _("Return to the provider for changes")),
        ("reject", _("Reject")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment for the provider"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you return or reject the request; it is e-mailed."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") in {"return", "reject"} and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what should change or why."))
        return data
