"""Who may use provider self-service and moderate it (predicates in
socioinfo/accounts/rules.py; the table is docs/permissions.md).

Proposing a change to a record is the directory's own ``directory.change_<model>`` (or
``add_<model>``) permission about that record: provider self-service adds no second way
to decide it."""

from typing import Any

import rules

from socioinfo.accounts.rules import (
    edits_for_organisation,
    edits_whole_directory,
    is_member_of_organisation,
    is_provider_editor,
)


@rules.predicate
def is_proposer(user: Any, request: Any = None) -> bool:
    """The user proposed this change request (without an object: never)."""
    return request is not None and request.proposed_by_id == getattr(user, "pk", None)


rules.add_perm("providers", edits_whole_directory | edits_for_organisation)
# The provider's dashboard: their organisations' services and what they lack.
rules.add_perm("providers.view_dashboard", is_provider_editor & is_member_of_organisation)
# A change request: its organisation's editors and the city's editors read it.
rules.add_perm("providers.view_changerequest", edits_whole_directory | edits_for_organisation)
# Deciding (approve, reject, return): the city's editors, never about their own request.
rules.add_perm("providers.review_changerequest", edits_whole_directory & ~is_proposer)
# Changes by the city's editors apply at once (and are kept as approved requests).
rules.add_perm("providers.edit_directly", edits_whole_directory)
# The report of stale entries by provider.
rules.add_perm("providers.view_stale_report", edits_whole_directory)
# The read-only admin pages of change requests and reminders (deciding is on the review pages).
rules.add_perm("providers.view_freshnessreminder", edits_whole_directory)
