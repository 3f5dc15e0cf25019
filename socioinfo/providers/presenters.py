"""A change request as people read it."""

from socioinfo.providers import changes
from socioinfo.providers.models import ChangeRequest, ChangeStatus


def request_diff(request: ChangeRequest) -> list[changes.OperationDiff]:
    """Each operation field by field; for a pending request also what changed in the public
    data since it was made (a decided request's "now" would only echo the decision)."""
    diffs = [changes.diff(op) for op in changes.sort_for_apply(request.changes)]
    if request.status != ChangeStatus.PENDING:
        for item in diffs:
            for row in item.rows:
                row.now = None
    return diffs
