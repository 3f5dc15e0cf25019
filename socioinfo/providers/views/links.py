"""The "still correct" link of a freshness reminder: no sign-in, the signed token is the
authority. Opening it shows a button; only pressing it confirms (mail scanners that open
links must not confirm anything)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from socioinfo.providers.freshness import LinkError, confirm_by_link, read_still_correct_token

NOINDEX = {"noindex": True}
STATUS = {"expired": 410, "used": 410, "invalid": 404}


def still_correct(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            reminder = confirm_by_link(token)
            return render(
                request, "providers/still_correct_done.html", {"reminder": reminder, **NOINDEX}
            )
        reminder, _user = read_still_correct_token(token)
    except LinkError as error:
        context = {"reason": error.reason, **NOINDEX}
        return render(request, "providers/link_refused.html", context, status=STATUS[error.reason])
    return render(request, "providers/still_correct.html", {"reminder": reminder, **NOINDEX})
