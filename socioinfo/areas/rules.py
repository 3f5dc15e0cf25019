"""Who may read and change areas: loaded from shipped boundaries, so only administrators
change them (docs/permissions.md)."""

import rules

from socioinfo.accounts.rules import is_administrator, reads_whole_directory

rules.add_perm("areas", reads_whole_directory)
rules.add_perm("areas.view_area", reads_whole_directory)
for _action in ("add", "change", "delete"):
    rules.add_perm(f"areas.{_action}_area", is_administrator)
