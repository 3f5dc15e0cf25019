"""Who may see the advice centre's records (docs/permissions.md, "The advice centre").

Only advice roles (advice workers of the Socio-info Centre, intercultural assistants) read
enquiries and clients; administrators read only the access log of personal details. A
restricted note is read only by its author's team.
"""

from typing import Any

import rules

from socioinfo.accounts.rules import (
    is_administrator,
    is_advice_worker,
    is_intercultural_assistant,
)
from socioinfo.accounts.selectors import roles_of
from socioinfo.advice.models import Team

works_in_advice = is_advice_worker | is_intercultural_assistant


def teams_of(user: Any) -> frozenset[str]:
    """The advice teams the user works in: advice workers in the Socio-info Centre,
    intercultural assistants in their own team."""
    from socioinfo.accounts.roles import Role

    roles = roles_of(user)
    teams = set()
    if Role.ADVICE_WORKER.value in roles:
        teams.add(Team.CENTRE.value)
    if Role.INTERCULTURAL_ASSISTANT.value in roles:
        teams.add(Team.INTERCULTURAL.value)
    return frozenset(teams)


@rules.predicate
def is_in_the_team_of(user: Any, obj: Any = None) -> bool:
    """The object (an enquiry or a client) belongs to one of the user's teams."""
    if obj is None:
        return False
    return getattr(obj, "team", None) in teams_of(user)


rules.add_perm("advice", works_in_advice | is_administrator)
# Enquiries, clients, referral sheets and the staff statistics: advice roles only.
rules.add_perm("advice.use_advice", works_in_advice)
rules.add_perm("advice.view_enquiry", works_in_advice)
rules.add_perm("advice.add_enquiry", works_in_advice)
rules.add_perm("advice.change_enquiry", works_in_advice)
rules.add_perm("advice.view_note", works_in_advice & is_in_the_team_of)
rules.add_perm("advice.view_client", works_in_advice)
rules.add_perm("advice.add_client", works_in_advice)
# Personal details, their export and erasure: every use is written to the access log.
rules.add_perm("advice.view_client_details", works_in_advice)
rules.add_perm("advice.export_client", works_in_advice)
rules.add_perm("advice.erase_client", works_in_advice)
rules.add_perm("advice.view_statistics", works_in_advice)
# The access log (in the admin): administrators read it; nobody changes it.
rules.add_perm("advice.view_personaldataaccess", is_administrator)
rules.add_perm("advice.add_personaldataaccess", rules.always_deny)
rules.add_perm("advice.change_personaldataaccess", rules.always_deny)
rules.add_perm("advice.delete_personaldataaccess", rules.always_deny)
