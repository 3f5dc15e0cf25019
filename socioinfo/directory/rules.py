"""Who may read and change the directory (predicates in socioinfo/accounts/rules.py; the
table of roles and permissions is docs/permissions.md)."""

import rules

from socioinfo.accounts.rules import (
    edits_for_organisation,
    edits_whole_directory,
    reads_whole_directory,
)

rules.add_perm("directory", reads_whole_directory | edits_for_organisation)
rules.add_perm("directory.view_every_organisation", reads_whole_directory)
# The staff tables of every service, unpublished ones included (/api/v1/staff/services.*).
rules.add_perm("directory.export_services", reads_whole_directory)

# Records that belong to an organisation: a provider editor reads and changes their own
# (their changes will go through the city's review) and may add records to them; only the
# city's editors add organisations and delete anything.
for _model in (
    "service",
    "location",
    "serviceatlocation",
    "serviceformoffer",
    "contactpoint",
    "openingrule",
    "openingexception",
):
    rules.add_perm(f"directory.view_{_model}", reads_whole_directory | edits_for_organisation)
    rules.add_perm(f"directory.add_{_model}", edits_whole_directory | edits_for_organisation)
    rules.add_perm(f"directory.change_{_model}", edits_whole_directory | edits_for_organisation)
    rules.add_perm(f"directory.delete_{_model}", edits_whole_directory)

rules.add_perm("directory.view_organisation", reads_whole_directory | edits_for_organisation)
rules.add_perm("directory.add_organisation", edits_whole_directory)
rules.add_perm("directory.change_organisation", edits_whole_directory | edits_for_organisation)
rules.add_perm("directory.delete_organisation", edits_whole_directory)

# Code lists and life situations: read by city staff, kept by the city's editors.
for _model in (
    "servicetype",
    "targetgroup",
    "agegroup",
    "language",
    "accessibilityfeature",
    "lifesituation",
):
    rules.add_perm(f"directory.view_{_model}", reads_whole_directory)
    for _action in ("add", "change", "delete"):
        rules.add_perm(f"directory.{_action}_{_model}", edits_whole_directory)
