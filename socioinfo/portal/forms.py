"""The search form: reads the query string of /search/ into SearchParams. Unknown values are
dropped with a message rather than an error page, so a shared or old link always works."""

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.core.text import sort_key
from socioinfo.directory.models import (
    AccessibilityFeature,
    Language,
    LifeSituation,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.models.taxonomy import ServiceForm
from socioinfo.search.engine import PerVersion
from socioinfo.search.places import Place, resolve_place
from socioinfo.search.query import SearchParams


class LocalizedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.localized("name").text if hasattr(obj, "localized") else str(obj)


def code_list(
    label: Any, queryset: Any, key: str = "slug", empty: Any = None
) -> LocalizedChoiceField:
    """An optional filter over a code list, chosen by its slug or code in the URL."""
    return LocalizedChoiceField(
        label=label,
        queryset=queryset,
        to_field_name=key,
        required=False,
        empty_label=empty if empty is not None else _("any"),
    )


_choices = PerVersion()


def _sorted_choices() -> dict[str, list[tuple[str, str]]]:
    """The code-list choices of the filters, sorted by their name in the active language
    (ignoring diacritics), kept per language until the directory changes."""
    return _choices.get(get_language() or "cs", _read_choices)  # type: ignore[no-any-return]


def _read_choices() -> dict[str, list[tuple[str, str]]]:
    form = SearchForm.__new__(SearchForm)
    forms.Form.__init__(form)
    choices: dict[str, list[tuple[str, str]]] = {}
    for name in ("type", "group", "lang", "access", "situation", "district"):
        field = form.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        pairs = [(str(value), str(label)) for value, label in field.choices]  # type: ignore[misc,union-attr]
        choices[name] = pairs[:1] + sorted(pairs[1:], key=lambda c: sort_key(c[1]))
    return choices


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=200)
    situation = code_list(_("Life situation"), LifeSituation.objects.filter(is_active=True))
    type = code_list(_("Type of service"), ServiceType.objects.all())
    group = code_list(_("For whom"), TargetGroup.objects.all(), empty=_("anyone"))
    district = code_list(
        _("City district"),
        Area.objects.filter(level=AreaLevel.CITY_DISTRICT).defer("geometry"),
        key="code",
        empty=_("anywhere in the city"),
    )
    form = forms.ChoiceField(
        label=_("Form"),
        choices=[("", _("any"))] + list(ServiceForm.choices),
        required=False,
    )
    lang = code_list(_("Language spoken"), Language.objects.all(), key="code")
    access = code_list(_("Accessibility"), AccessibilityFeature.objects.all(), key="code")
    open = forms.BooleanField(label=_("Open now"), required=False)
    near = forms.CharField(
        label=_("Near (street, stop or district)"),
        required=False,
        max_length=100,
        help_text=_("e.g. Kounicova, Mendlovo náměstí or Líšeň"),
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, choices in _sorted_choices().items():
            self.fields[name].choices = choices  # type: ignore[attr-defined]
        self.place: Place | None = None
        self.place_not_found = False

    def ignored_fields(self) -> list[str]:
        """Parameters that were not understood (and so were left out)."""
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]

    def params(self) -> SearchParams:
        data = self.cleaned_data if self.is_bound else {}
        if self.is_bound and self.errors:
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        lat, lon = data.get("lat"), data.get("lon")
        if lat is not None and lon is not None:
            self.place = Place(str(_("your location")), lat, lon)
        elif data.get("near"):
            self.place = resolve_place(data["near"])
            self.place_not_found = self.place is None
        return SearchParams(
            text=data.get("q") or "",
            situation=data.get("situation"),
            service_type=data.get("type"),
            target_group=data.get("group"),
            district=data.get("district"),
            form=data.get("form") or "",
            language=data.get("lang"),
            feature=data.get("access"),
            open_now=bool(data.get("open")),
            near=self.place,
        )
