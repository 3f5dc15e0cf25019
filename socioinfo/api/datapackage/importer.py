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

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from socioinfo.api.datapackage.plan import Planner
from socioinfo.api.datapackage.reader import Problem, Problems, read_package
from socioinfo.api.datapackage.records import Plan, Planned, model_fields
from socioinfo.core.text import sort_key
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
BATCH = 1000
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
        writer = _Writer(plan, report)
        writer.write()
        # An import that wrote nothing (the same package again) leaves the index alone.
        if writer.writes:
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
        self.writes = 0  # rows created, changed or deleted: none, and search needs no update

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
        written after the many-to-many relations are in place). New records go in bulk,
        with their links to the code lists."""
        counts = self.report.counts[label]
        existing = model.objects.in_bulk([p.obj.pk for p in planned])  # type: ignore[attr-defined]
        fresh = [item for item in planned if item.obj.pk not in existing]
        self._create_in_bulk(model, fresh)
        counts.created += len(fresh)
        self.writes += len(fresh)
        linked = _links_of(model, list(existing))
        for item in planned:
            current = existing.get(item.obj.pk)
            if current is None:
                continue
            obj = current
            values = model_fields(item.obj)
            relations = {name: item.relations[name] for name in RELATIONS[model]}
            differs = {k: v for k, v in values.items() if getattr(obj, k) != v}
            related_differs = any(
                linked[name].get(obj.pk, set()) != {r.pk for r in wanted}
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
            self.writes += 1
            for name, wanted in relations.items():
                getattr(obj, name).set(wanted)
            self.changed.append((obj, False))
            item.obj = obj

    def _create_in_bulk(self, model: type, fresh: list[Planned]) -> None:
        """New records and their many-to-many rows, a batch of inserts per table (what
        ``save()`` would compute is computed here: a service's sort name)."""
        for start in range(0, len(fresh), BATCH):
            batch = fresh[start : start + BATCH]
            objs = [item.obj for item in batch]
            if model is Service:
                for obj in objs:
                    obj.sort_name = sort_key(obj.name)
            model.objects.bulk_create(objs)  # type: ignore[attr-defined]
            for name in RELATIONS[model]:
                m2m: Any = model._meta.get_field(name)  # type: ignore[attr-defined]
                through = m2m.remote_field.through
                source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
                through.objects.bulk_create(
                    through(**{f"{source}_id": item.obj.pk, f"{target}_id": related.pk})
                    for item in batch
                    for related in item.relations[name]
                )
            self.changed.extend((obj, True) for obj in objs)

    def _history(self) -> None:
        """One history row per changed record, with its relations as they now are: the rows
        django-simple-history writes on a save, written in bulk (per model and batch: one
        insert of history rows and, per many-to-many field, one read and one insert)."""
        groups: dict[tuple[type, bool], list[Any]] = defaultdict(list)
        for obj, created in self.changed:
            obj.__dict__.pop("skip_history_when_saving", None)
            groups[(type(obj), created)].append(obj)
        when = timezone.now()
        for (model, created), objs in groups.items():
            manager: Any = model.history  # type: ignore[attr-defined]
            for start in range(0, len(objs), BATCH):
                batch = objs[start : start + BATCH]
                records = manager.bulk_history_create(
                    batch,
                    update=not created,
                    default_change_reason=CHANGE_REASON,
                    default_date=when,
                )
                _m2m_history(manager.model, {r.id: r for r in records}, batch)

    def _children(self, model: type, planned: list[Planned], current: Any) -> None:
        """Rows with ids of their own (places, contacts, exceptions): the package's rows for
        the records it names, and no others."""
        wanted = {p.obj.pk for p in planned}
        stale = current.exclude(pk__in=wanted)
        for obj in stale:
            _with_reason(obj)
            obj.delete()
            self.writes += 1
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
            self.writes += 1
        bulk_create_with_history(new, model, batch_size=1000, default_change_reason=CHANGE_REASON)
        self.writes += len(new)

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
                self.writes += 1
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
        self.writes += len(new)

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
                self.writes += 1
        self._upsert(ServiceFormOffer, [(current.get(key), offer) for key, offer in wanted.items()])

    def _last_modified(self) -> None:
        """Services keep the modification time of the package (a restore reports the same
        times as the source); ``bulk_update()`` bypasses ``auto_now``."""
        moments = self.plan.last_modified
        current = dict(Service.objects.filter(pk__in=list(moments)).values_list("pk", "updated_at"))
        stale = [
            Service(pk=pk, updated_at=moment)
            for pk, moment in moments.items()
            if current.get(pk) != moment
        ]
        Service.objects.bulk_update(stale, ["updated_at"], batch_size=BATCH)


def _links_of(model: type, pks: list[Any]) -> dict[str, dict[Any, set[Any]]]:
    """The many-to-many links of the records ``pks``, per relation: record id → linked ids
    (one query per relation instead of one per record)."""
    links: dict[str, dict[Any, set[Any]]] = {}
    for name in RELATIONS[model]:
        m2m: Any = model._meta.get_field(name)  # type: ignore[attr-defined]
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        found: dict[Any, set[Any]] = defaultdict(set)
        through = m2m.remote_field.through.objects
        for start in range(0, len(pks), BATCH):
            rows = through.filter(**{f"{source}__in": pks[start : start + BATCH]})
            for owner, linked in rows.values_list(f"{source}_id", f"{target}_id"):
                found[owner].add(linked)
        links[name] = found
    return links


def _m2m_history(history_model: Any, records: dict[Any, Any], objs: list[Any]) -> None:
    """The many-to-many rows of the history rows just written (``records`` by the record's
    id), as django-simple-history copies them on a save."""
    for m2m in history_model._history_m2m_fields:
        m2m_history = getattr(history_model, m2m.name).model
        through = m2m.remote_field.through
        source = m2m.m2m_field_name()
        names = [f.attname for f in through._meta.fields]
        m2m_history.objects.bulk_create(
            m2m_history(
                history=records[getattr(row, f"{source}_id")],
                **{name: getattr(row, name) for name in names},
            )
            for row in through.objects.filter(**{f"{source}__in": [o.pk for o in objs]})
        )


def _with_reason(obj: Any) -> Any:
    """The reason django-simple-history writes on the history row of the next save."""
    obj._change_reason = CHANGE_REASON
    return obj
