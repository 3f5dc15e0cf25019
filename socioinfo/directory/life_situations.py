"""The curated list of life situations (``data/life_situations.json``).

The file is the starting point; staff edit life situations in the admin afterwards. Loading
creates the situations that are missing and leaves existing ones alone, unless ``update`` is
asked for, in which case names, summaries and mappings are reset to the file. The loader takes
an ``apps`` registry so the same code runs in the data migration and in the command.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

LANGUAGES_REQUIRED = ("cs", "en")


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def default_path() -> Path:
    return Path(settings.DATA_DIR) / "life_situations.json"


def read_life_situations(path: Path | None = None) -> list[dict[str, Any]]:
    """Read and check the file; every problem is reported at once, naming the situation."""
    path = path or default_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValidationError(_("File %(path)s does not exist.") % {"path": path}) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(
            _("%(path)s is not valid JSON (line %(line)s, column %(column)s): %(msg)s")
            % {"path": path, "line": exc.lineno, "column": exc.colno, "msg": exc.msg}
        ) from exc
    situations = document.get("situations") if isinstance(document, dict) else None
    if not isinstance(situations, list):
        raise ValidationError(_("The file must hold an object with a list “situations”."))
    errors: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(situations, start=1):
        label = item.get("slug") or f"#{index}"
        if not item.get("slug"):
            errors.append(_("Situation %(label)s has no slug.") % {"label": label})
        elif item["slug"] in seen:
            errors.append(_("Slug %(label)s is used twice.") % {"label": label})
        seen.add(item.get("slug", ""))
        for field in ("name", "summary"):
            for lang in LANGUAGES_REQUIRED:
                if not (item.get(field) or {}).get(lang, "").strip():
                    errors.append(
                        _("Situation %(label)s lacks its %(field)s in language %(lang)s.")
                        % {"label": label, "field": field, "lang": lang}
                    )
        if not item.get("service_types"):
            errors.append(_("Situation %(label)s names no service type.") % {"label": label})
    if errors:
        raise ValidationError(errors)
    return situations


@transaction.atomic
def load_life_situations(
    apps: Any, path: Path | None = None, *, update: bool = False
) -> LoadResult:
    """Create missing life situations (or reset all of them with ``update``); all or
    nothing."""
    LifeSituation = apps.get_model("directory", "LifeSituation")
    ServiceType = apps.get_model("directory", "ServiceType")
    TargetGroup = apps.get_model("directory", "TargetGroup")
    situations = read_life_situations(path)

    types = {t.slug: t for t in ServiceType.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    errors = []
    for item in situations:
        for slug in item["service_types"]:
            if slug not in types:
                errors.append(
                    _("Situation %(label)s: unknown service type “%(slug)s”.")
                    % {"label": item["slug"], "slug": slug}
                )
        for slug in item.get("target_groups", []):
            if slug not in groups:
                errors.append(
                    _("Situation %(label)s: unknown target group “%(slug)s”.")
                    % {"label": item["slug"], "slug": slug}
                )
    if errors:
        raise ValidationError(errors)

    result = LoadResult()
    for order, item in enumerate(situations, start=1):
        existing = LifeSituation.objects.filter(slug=item["slug"]).first()
        if existing is not None and not update:
            result.unchanged += 1
            continue
        translations = {
            lang: {field: item[field][lang] for field in ("name", "summary")}
            for lang in item["name"]
            if lang != "cs"
        }
        situation, created = LifeSituation.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"]["cs"],
                "summary": item["summary"]["cs"],
                "translations": translations,
                "order": order,
            },
        )
        situation.service_types.set([types[s] for s in item["service_types"]])
        situation.target_groups.set([groups[s] for s in item.get("target_groups", [])])
        if created:
            result.created += 1
        else:
            result.updated += 1
    return result
