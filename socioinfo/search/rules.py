"""Who may keep the search thesaurus: the city's editors (docs/permissions.md)."""

import rules

from socioinfo.accounts.rules import edits_whole_directory, reads_whole_directory

rules.add_perm("search", reads_whole_directory)
rules.add_perm("search.view_synonymgroup", reads_whole_directory)
for _action in ("add", "change", "delete"):
    rules.add_perm(f"search.{_action}_synonymgroup", edits_whole_directory)
