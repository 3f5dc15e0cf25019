"""Hours in a package: weekly ``schedule`` rows (``freq`` WEEKLY, ``byday``) become opening
rules, one per weekday; a schedule without ``freq`` is one date (``dtstart``) and becomes an
opening exception, closed all day when it has no times. A closing time of 24:00, or one not
after the opening time, runs to or past midnight as in the directory."""

import datetime
import uuid
from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from socioinfo.api.datapackage.reader import Row
from socioinfo.api.datapackage.records import Planned, TablesReader
from socioinfo.api.datapackage.values import time_of
from socioinfo.api.hsds import DAYS
from socioinfo.directory.models import OpeningException, OpeningRule


class HoursReader(TablesReader):
    def _schedules(self) -> dict[tuple[str, str], list[Row]]:
        found: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for row in self.rows("schedule"):
            owners = [c for c in ("service_id", "service_at_location_id") if row.get(c)]
            if len(owners) != 1:
                self.problem(
                    "schedule",
                    row,
                    "service_id",
                    _(
                        "Socioinfo keeps hours of a service or of a service at a location: give "
                        "exactly one of service_id and service_at_location_id."
                    ),
                )
                continue
            found[(owners[0].removesuffix("_id"), row.get(owners[0]))].append(row)
        return found

    def _owned_schedules(self, schedules: Any, owner: str, owner_id: str, **owned_by: Any) -> None:
        for row in schedules.get((owner, owner_id), []):
            if row.get("freq") == "WEEKLY":
                self._weekly(row, owned_by)
            elif row.get("freq"):
                self.problem(
                    "schedule",
                    row,
                    "freq",
                    _(
                        "Socioinfo keeps weekly hours (freq WEEKLY) and single dates (no freq, "
                        "dtstart); “%(freq)s” is neither."
                    )
                    % {"freq": row.get("freq")},
                )
            else:
                self._dated(row, owned_by)

    def _times(self, row: Row) -> tuple[datetime.time | None, datetime.time | None, bool]:
        opens, closes = row.get("opens_at"), row.get("closes_at")
        if (opens is None) != (closes is None):
            self.problem(
                "schedule",
                row,
                "closes_at" if closes is None else "opens_at",
                _("Give both the opening and the closing time, or neither."),
            )
            return None, None, False
        if opens is None:
            return None, None, True
        start = time_of(opens)
        # 24:00 is midnight at the day's end: a closing time not after the opening one runs
        # to (or past) midnight in the directory.
        end = datetime.time(0) if closes.startswith("24:00") else time_of(closes)
        if start is None or end is None:
            self.problem(
                "schedule", row, "opens_at", _("24:00 can only be a closing time; open at 00:00.")
            )
            return None, None, False
        return start, end, True

    def _weekly(self, row: Row, owned_by: dict[str, Any]) -> None:
        narrower = [c for c in ("byweekno", "bymonthday", "byyearday", "count") if row.get(c)]
        if row.get("interval") not in (None, 1):
            narrower.append("interval")
        if narrower:
            self.problem(
                "schedule",
                row,
                narrower[0],
                _(
                    "Socioinfo keeps hours that repeat every week; leave %(columns)s empty "
                    "and give the exceptions as single dates."
                )
                % {"columns": ", ".join(narrower)},
            )
            return
        days = [d.strip() for d in row.get("byday", "").split(",") if d.strip()]
        wrong = [d for d in days if d not in DAYS]
        if not days or wrong:
            self.problem(
                "schedule",
                row,
                "byday",
                _("Write the weekdays as MO,TU,WE,TH,FR,SA,SU (comma-separated), not “%(value)s”.")
                % {"value": row.get("byday", "")},
            )
            return
        opens, closes, ok = self._times(row)
        if ok and opens is None:
            self.problem(
                "schedule", row, "opens_at", _("Weekly hours need opening and closing times.")
            )
            return
        if not ok or opens is None or closes is None:
            return
        for day in sorted({DAYS.index(d) for d in days}):
            rule = OpeningRule(
                weekday=day,
                opens=opens,
                closes=closes,
                valid_from=row.get("valid_from"),
                valid_to=row.get("valid_to"),
                note=row.get("description", ""),
                **owned_by,
            )
            self.plan.rules.append(Planned(rule, (self.file("schedule"), row.number, "")))

    def _dated(self, row: Row, owned_by: dict[str, Any]) -> None:
        if row.get("id") is None:
            return
        date = row.get("dtstart") or row.get("valid_from")
        if date is None or (row.get("valid_to") not in (None, date)):
            self.problem(
                "schedule",
                row,
                "dtstart",
                _(
                    "A schedule without freq is one date: give it in dtstart (and the same date "
                    "in valid_from and valid_to, or leave them empty)."
                ),
            )
            return
        opens, closes, ok = self._times(row)
        if not ok:
            return
        exception = OpeningException(
            id=uuid.UUID(row.get("id")),
            date=date,
            is_closed=opens is None,
            opens=opens,
            closes=closes,
            note=row.get("description", ""),
            **owned_by,
        )
        file = self.file("schedule")
        self.plan.exceptions.append(
            Planned(
                exception,
                (file, row.number, ""),
                {
                    "opens": (file, row.number, "opens_at"),
                    "closes": (file, row.number, "closes_at"),
                },
            )
        )
