"""Import an HSDS data package: read and check everything first, then write everything in one
transaction, or nothing at all.

Records are matched by id (update by id): a record of the package that the directory has is
updated where a value differs, a new one is created, and records the package does not name are
left alone. A record the package names is taken as a whole: its contacts, forms, hours, places
and code-list links become those of the package. Saves go through the models, so every change
leaves a history row (reason "HSDS import"); an unchanged record is not saved at all, so a
second import of the same package writes nothing. ``last_modified`` of services is kept.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from socioinfo.api.datapackage.plan import Planner
from socioinfo.api.datapackage.reader import Problem, Problems, read_package
from socioinfo.api.datapackage.records import Plan, Planned, model_fields
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
from socioinfo.directory.services import resolve_location_areas

CHANGE_REASON = "HSDS import"
RELATIONS: dict[type, tuple[str, ...]] = {
    Organisation: (),
    Location: ("accessibility_features",),
    Service: ("target_groups", "age_groups", "languages", "accessibility_features", "areas_served"),
}


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    notices: list[str] = field(default_factory=list)
    dry_run: bool = False


class PackageRejected(Exception):
    """The package has problems; nothing was written. ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]):
        super().__init__(
            _("%(count)d problems in the package; nothing was imported.") % {"count": len(problems)}
        )
        self.problems = problems


def check_package(path: Path) -> Plan:
    """Read and check the package; the plan of what an import would write. Raises
    PackageRejected with every problem found."""
    problems = Problems()
    tables = read_package(Path(path), problems)
    if not tables:
        raise PackageRejected(problems)
    plan = Planner(tables, problems).build()
    if problems:
        raise PackageRejected(problems)
    return plan


def import_datapackage(path: Path, *, dry_run: bool = False) -> ImportReport:
    """Import the package at ``path`` (a zip or a folder) in one transaction; a dry run checks
    and writes everything, then rolls back. Raises PackageRejected, having written nothing,
    when the package has any problem."""
    from socioinfo.search.indexer import index_services, indexing_paused

    plan = check_package(path)
    report = ImportReport(notices=list(plan.notices), dry_run=dry_run)
    with indexing_paused(), transaction.atomic():
        _Writer(plan, report).write()
        affected = Service.objects.filter(
            Q(pk__in=[p.obj.pk for p in plan.services])
            | Q(organisation__in=[p.obj.pk for p in plan.organisations])
            | Q(locations__in=[p.obj.pk for p in plan.locations])
        ).values_list("pk", flat=True)
        index_services(set(affected))
        if dry_run:
            transaction.set_rollback(True)
    return report


class _Writer:
    def __init__(self, plan: Plan, report: ImportReport):
        self.plan = plan
        self.report = report
        self.changed: list[tuple[Any, bool]] = []

    def write(self) -> None:
        self._records(Organisation, self.plan.organisations, "organisations")
        for planned in self.plan.locations:
            if not planned.relations.get("areas_given"):
                resolve_location_areas(planned.obj)
        self._records(Location, self.plan.locations, "locations")
        self._records(Service, self.plan.services, "services")
        services = [p.obj.pk for p in self.plan.services]
        self._children(
            ServiceAtLocation,
            self.plan.links,
            ServiceAtLocation.objects.filter(service__in=services),
        )
        links = [p.obj.pk for p in self.plan.links]
        self._children(
            OpeningException,
            self.plan.exceptions,
            OpeningException.objects.filter(
                Q(service__in=services) | Q(service_at_location__in=links)
            ),
        )
        self._rules(services, links)
        self._forms(services)
        owners = (
            Q(organisation__in=[p.obj.pk for p in self.plan.organisations])
            | Q(service__in=services)
            | Q(location__in=[p.obj.pk for p in self.plan.locations])
        )
        self._children(ContactPoint, self.plan.contacts, ContactPoint.objects.filter(owners))
        self._history()
        self._last_modified()

    def _records(self, model: type, planned: list[Planned], label: str) -> None:
        """Create or update records by id; save only what differs (with a history row each,
        written after the many-to-many relations are in place)."""
        counts = self.report.counts[label]
        existing = model.objects.in_bulk([p.obj.pk for p in planned])  # type: ignore[attr-defined]
        for item in planned:
            current = existing.get(item.obj.pk)
            values = model_fields(item.obj)
            relations = {name: item.relations[name] for name in RELATIONS[model]}
            if current is None:
                obj = item.obj
                obj.skip_history_when_saving = True
                obj.save(force_insert=True)
                counts.created += 1
                created = True
            else:
                obj = current
                differs = {k: v for k, v in values.items() if getattr(obj, k) != v}
                related_differs = any(
                    {r.pk for r in getattr(obj, name).all()} != {r.pk for r in wanted}
                    for name, wanted in relations.items()
                )
                if not differs and not related_differs:
                    counts.unchanged += 1
                    continue
                for key, value in differs.items():
                    setattr(obj, key, value)
                obj.skip_history_when_saving = True
                if differs:
                    obj.save()
                counts.updated += 1
                created = False
            for name, wanted in relations.items():
                getattr(obj, name).set(wanted)
            self.changed.append((obj, created))
            item.obj = obj

    def _history(self) -> None:
        """One history row per changed record, with its relations in place."""
        for obj, created in self.changed:
            del obj.skip_history_when_saving
            _with_reason(obj)
            post_save.send(
                sender=type(obj),
                instance=obj,
                created=created,
                raw=False,
                using=DEFAULT_DB_ALIAS,
                update_fields=None,
            )

    def _children(self, model: type, planned: list[Planned], current: Any) -> None:
        """Rows with ids of their own (places, contacts, exceptions): the package's rows for
        the records it names, and no others."""
        wanted = {p.obj.pk for p in planned}
        stale = current.exclude(pk__in=wanted)
        for obj in stale:
            _with_reason(obj)
            obj.delete()
        existing = model.objects.in_bulk(list(wanted))  # type: ignore[attr-defined]
        self._upsert(model, [(existing.get(item.obj.pk), item.obj) for item in planned])

    def _upsert(self, model: type, pairs: list[tuple[Any, Any]]) -> None:
        """(current row or None, wanted row): new rows in bulk with their history, changed
        ones saved one by one, equal ones left alone."""
        new = []
        for found, wanted in pairs:
            if found is None:
                new.append(wanted)
                continue
            values = model_fields(wanted)
            if all(getattr(found, k) == v for k, v in values.items()):
                continue
            for key, value in values.items():
                setattr(found, key, value)
            _with_reason(found)
            found.save()
        bulk_create_with_history(new, model, batch_size=1000, default_change_reason=CHANGE_REASON)

    def _rules(self, services: list[Any], links: list[Any]) -> None:
        """Weekly rules have no ids in a package: an owner's rules are replaced only when
        they differ."""
        keys = ("weekday", "opens", "closes", "valid_from", "valid_to", "note")

        def owner(rule: Any) -> tuple[Any, Any]:
            return (rule.service_id, rule.service_at_location_id)

        wanted: dict[tuple[Any, Any], list[tuple[Any, ...]]] = defaultdict(list)
        for item in self.plan.rules:
            wanted[owner(item.obj)].append(tuple(getattr(item.obj, k) for k in keys))
        current: dict[tuple[Any, Any], list[OpeningRule]] = defaultdict(list)
        for rule in OpeningRule.objects.filter(
            Q(service__in=services) | Q(service_at_location__in=links)
        ):
            current[owner(rule)].append(rule)
        owners = [(s, None) for s in services] + [(None, link) for link in links]
        new = []
        for key in owners:
            have = current.get(key, [])
            want = wanted.get(key, [])
            if sorted(map(str, (tuple(getattr(r, k) for k in keys) for r in have))) == sorted(
                map(str, want)
            ):
                continue
            for rule in have:
                _with_reason(rule)
                rule.delete()
            for values in want:
                new.append(
                    OpeningRule(
                        service_id=key[0],
                        service_at_location_id=key[1],
                        **dict(zip(keys, values, strict=True)),
                    )
                )
        bulk_create_with_history(
            new, OpeningRule, batch_size=1000, default_change_reason=CHANGE_REASON
        )

    def _forms(self, services: list[Any]) -> None:
        """Forms of provision, matched by service and form."""
        current = {
            (o.service_id, o.form): o for o in ServiceFormOffer.objects.filter(service__in=services)
        }
        wanted = {(p.obj.service_id, p.obj.form): p.obj for p in self.plan.forms}
        for key, offer in current.items():
            if key not in wanted:
                _with_reason(offer)
                offer.delete()
        self._upsert(ServiceFormOffer, [(current.get(key), offer) for key, offer in wanted.items()])

    def _last_modified(self) -> None:
        """Services keep the modification time of the package (a restore reports the same
        times as the source); ``update()`` bypasses ``auto_now``."""
        moments = self.plan.last_modified
        current = dict(Service.objects.filter(pk__in=list(moments)).values_list("pk", "updated_at"))
        for pk, moment in moments.items():
            if current.get(pk) != moment:
                Service.objects.filter(pk=pk).update(updated_at=moment)


def _with_reason(obj: Any) -> Any:
    """The reason django-simple-history writes on the history row of the next save."""
    obj._change_reason = CHANGE_REASON
    return obj
