"""Logging an enquiry: one short POST on the common path, defaults, recent choices first."""

import datetime

from django.urls import reverse
from django.utils import timezone

from socioinfo.advice.models import Channel, Enquiry, Status, SupportType, Team
from socioinfo.advice.services import save_enquiry
from socioinfo.areas.selectors import brno_city_districts
from socioinfo.directory.models import LifeSituation
from tests.factories import ServiceFactory

NEW = reverse("advice:enquiry_new")


def _common_path(**extra):
    """What a worker changes on the common path: a topic and the support given."""
    topic = LifeSituation.objects.get(slug="dluhy")
    return {
        "contacted_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "channel": Channel.IN_PERSON,
        "topics": [str(topic.pk)],
        "support": [SupportType.INFORMATION, SupportType.COUNSELLING],
        "duration_minutes": "15",
        "first_contact": "on",
        **extra,
    }


def test_the_form_comes_with_defaults_for_the_common_path(worker_client):
    response = worker_client.get(NEW)
    form = response.context["form"]
    assert response.status_code == 200
    assert form["channel"].value() == Channel.IN_PERSON
    assert form["duration_minutes"].value() == 15
    assert form["support"].value() == [SupportType.INFORMATION]
    shown = form["contacted_at"].value()  # in local time, as the input shows it
    now = timezone.localtime().replace(tzinfo=None)
    assert abs(shown.replace(tzinfo=None) - now) < datetime.timedelta(minutes=2)


def test_an_enquiry_is_logged_with_one_post_without_javascript(worker_client, worker):
    response = worker_client.post(NEW, _common_path())
    enquiry = Enquiry.objects.get()
    assert response.status_code == 302
    assert enquiry.worker == worker
    assert enquiry.team == Team.CENTRE
    assert enquiry.status == Status.DONE
    assert [t.slug for t in enquiry.topics.all()] == ["dluhy"]
    assert sorted(enquiry.support.values_list("support_type", flat=True)) == [
        "counselling",
        "information",
    ]


def test_save_and_log_another_returns_to_an_empty_form(worker_client):
    response = worker_client.post(NEW, {**_common_path(), "another": "1"})
    assert response.headers["Location"] == NEW


def test_an_intercultural_assistants_enquiry_belongs_to_their_team(assistant_client):
    assistant_client.post(NEW, _common_path())
    assert Enquiry.objects.get().team == Team.INTERCULTURAL


def test_a_referral_and_an_unmet_need_are_recorded_with_the_enquiry(worker_client):
    service = ServiceFactory()
    district = brno_city_districts().first()
    worker_client.post(
        NEW,
        _common_path(
            referral_service=str(service.pk),
            referral_reason="debt advice",
            unmet_reason="waiting_list",
            unmet_service_type=str(service.service_type_id),
            unmet_district=str(district.pk),
        ),
    )
    enquiry = Enquiry.objects.get()
    referral = enquiry.referrals.get()
    need = enquiry.unmet_needs.get()
    assert (referral.service, referral.service_type, referral.reason) == (
        service,
        service.service_type,
        "debt advice",
    )
    assert (need.reason, need.district) == ("waiting_list", district)


def test_a_validation_error_keeps_what_was_typed(worker_client):
    data = _common_path(support=[], note="Klientka přijde znovu.")
    response = worker_client.post(NEW, data)
    assert response.status_code == 200
    assert "Klientka přijde znovu." in response.content.decode()
    assert not Enquiry.objects.exists()


def test_recent_choices_come_first(worker_client, worker):
    situations = list(LifeSituation.objects.order_by("order", "name"))
    last = situations[-1]
    districts = list(brno_city_districts().order_by("name"))
    for _n in range(3):
        save_enquiry(
            Enquiry(district=districts[-1]),
            by=worker,
            topics=[last],
            support=[SupportType.INFORMATION],
        )
    form = worker_client.get(NEW).context["form"]
    topic_ids = [choice.data["value"] for choice in form["topics"]]
    district_ids = [value for value, _label in form.fields["district"].choices if value]
    assert str(topic_ids[0]) == str(last.pk)
    assert str(district_ids[0]) == str(districts[-1].pk)
