"""Public pages of the advice centre: "Ask the Socio-info Centre" and the statistics in
aggregate (counts under 5 hidden)."""

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from socioinfo.advice import presenters, selectors, services
from socioinfo.advice.forms import AskForm
from socioinfo.advice.views.staff import _default_year, _year
from socioinfo.directory.models import Language

# Questions one address may send per hour; more wait. Counted in Django's cache: shared by
# every process when SOCIOINFO_CACHE_URL points at Redis, per process otherwise.
ASK_LIMIT_PER_HOUR = 5
PUBLIC = {"nav": "centre", "public_page": True}


def _client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _over_limit(request: HttpRequest) -> bool:
    key = f"advice-ask:{_client_address(request)}"
    sent = cache.get(key, 0)
    return bool(sent >= ASK_LIMIT_PER_HOUR)


def _count_sent(request: HttpRequest) -> None:
    key = f"advice-ask:{_client_address(request)}"
    if cache.add(key, 1, timeout=3600):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponseBase:
    if request.method != "POST":
        return render(request, "advice/ask.html", {"form": AskForm(), **PUBLIC})
    form = AskForm(request.POST)
    limited = _over_limit(request)
    if form.is_valid() and not limited:
        if not form.is_robot:
            language = Language.objects.filter(code=(get_language() or "cs")[:2]).first()
            enquiry = services.submit_web_question(
                question=form.cleaned_data["question"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                language=language,
            )
            _count_sent(request)
            if form.cleaned_data["email"]:
                _confirm_by_email(form.cleaned_data["email"], form.cleaned_data["question"])
            request.session["advice_ask_reference"] = str(enquiry.pk)[:8].upper()
        return redirect("advice_public:ask_sent")
    return render(
        request,
        "advice/ask.html",
        {"form": form.with_fresh_token(), "limited": limited, **PUBLIC},
        status=429 if limited else 200,
    )


def _confirm_by_email(address: str, question: str) -> None:
    send_mail(
        _("We have received your question – Socio-info Centre"),
        _(
            "Thank you for your question. A worker of the Socio-info Centre will answer you "
            "within three working days.\n\nYour question:\n%(question)s\n\n%(site)s"
        )
        % {"question": question, "site": settings.SOCIOINFO_SITE_URL + reverse("portal:centre")},
        None,
        [address],
        fail_silently=True,
    )


@require_GET
def ask_sent(request: HttpRequest) -> HttpResponse:
    reference = request.session.get("advice_ask_reference", "")
    return render(request, "advice/ask_sent.html", {"reference": reference, **PUBLIC})


@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    year = _default_year(request, selectors.enquiry_years())
    stats = selectors.enquiry_statistics(year, public=True)
    return render(
        request,
        "advice/statistics.html",
        {"stats": stats, "charts": presenters.charted(stats), "public": True, **PUBLIC},
    )


@require_GET
def statistics_csv(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    stats = selectors.enquiry_statistics(year, public=True)
    return presenters.csv_response(stats, f"socio-info-centre-{year or 'all'}")
