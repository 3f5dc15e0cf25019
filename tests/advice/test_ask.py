"""The public form "Ask the Socio-info Centre": no account, spam checks without a
third-party CAPTCHA, consent, confirmation, nothing typed lost."""

import pytest
from django.core import mail, signing
from django.urls import reverse

from socioinfo.advice import forms
from socioinfo.advice.models import Channel, Enquiry, Status, WebContact

ASK = reverse("advice_public:ask")


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch):
    """Tests do not wait the minimum time a person needs: the form's token is back-dated."""
    monkeypatch.setattr(forms, "MIN_SECONDS_TO_FILL", 0)
    from django.core.cache import cache

    cache.clear()


def _filled(**extra):
    return {
        "question": "Mamince je 82 let a nezvládá nákupy. Kdo jí může pomoci?",
        "name": "Eva",
        "email": "eva@example.org",
        "phone": "",
        "consent": "on",
        "website": "",
        "started": forms.form_started_token(),
        **extra,
    }


def test_a_question_lands_in_the_staff_queue_and_the_person_gets_a_confirmation(client, db):
    response = client.post(ASK, _filled())
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("advice_public:ask_sent")
    enquiry = Enquiry.objects.get()
    assert (enquiry.channel, enquiry.status, enquiry.worker) == (
        Channel.WEB_FORM,
        Status.WAITING,
        None,
    )
    assert enquiry.web_contact.email == "eva@example.org"
    assert enquiry.web_contact.consent_given_at is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["eva@example.org"]
    thanks = client.get(response.headers["Location"])
    assert str(enquiry.pk)[:8].upper() in thanks.content.decode()


def test_the_question_appears_in_the_advice_workers_queue(client, worker_client, db):
    client.post(ASK, _filled())
    queue = worker_client.get(reverse("advice:queue"))
    assert list(queue.context["waiting"]) == list(Enquiry.objects.filter(status=Status.WAITING))


def test_nothing_typed_is_lost_on_a_validation_error(client, db):
    response = client.post(ASK, _filled(consent="", email="", phone=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mamince je 82 let a nezvládá nákupy." in html
    assert 'value="Eva"' in html
    assert not Enquiry.objects.exists()
    form = response.context["form"]
    assert set(form.errors) == {"consent", "email"}
    signing.TimestampSigner(salt="socioinfo.advice.ask").unsign(form["started"].value())


def test_a_filled_honeypot_is_thanked_but_nothing_is_saved(client, db):
    response = client.post(ASK, _filled(website="http://spam.example"))
    assert response.status_code == 302
    assert not Enquiry.objects.exists()
    assert not mail.outbox


def test_a_form_sent_within_seconds_is_shown_again_with_the_text(client, db, monkeypatch):
    monkeypatch.setattr(forms, "MIN_SECONDS_TO_FILL", 60)
    response = client.post(ASK, _filled())
    assert response.status_code == 200
    assert "Mamince je 82 let" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_a_forged_time_token_is_refused(client, db):
    response = client.post(ASK, _filled(started="forged"))
    assert response.status_code == 200
    assert not Enquiry.objects.exists()


def test_one_address_may_send_only_a_few_questions_an_hour(client, db):
    from socioinfo.advice.views.public import ASK_LIMIT_PER_HOUR

    for _n in range(ASK_LIMIT_PER_HOUR):
        assert client.post(ASK, _filled()).status_code == 302
    response = client.post(ASK, _filled())
    assert response.status_code == 429
    assert "Mamince je 82 let" in response.content.decode()
    assert WebContact.objects.count() == ASK_LIMIT_PER_HOUR


def test_the_form_needs_no_account_and_names_its_consent(client, db):
    page = client.get(ASK)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="consent"' in html and 'name="website"' in html
    assert "<script" not in html.split("<main", 1)[1]
    assert "recaptcha" not in html.lower() and "hcaptcha" not in html.lower()


def test_answering_a_web_question_records_it_and_counts_it(client, worker_client, worker):
    from socioinfo.advice.selectors import enquiry_statistics

    client.post(ASK, _filled())
    question = Enquiry.objects.get()
    assert enquiry_statistics(None).total == 0
    response = worker_client.post(
        reverse("advice:enquiry_edit", args=[question.pk]),
        {
            "contacted_at": question.contacted_at.strftime("%Y-%m-%dT%H:%M"),
            "channel": Channel.WEB_FORM,
            "support": ["information"],
            "duration_minutes": "20",
        },
    )
    question.refresh_from_db()
    assert response.status_code == 302
    assert (question.status, question.worker) == (Status.DONE, worker)
    assert question.web_contact.question.startswith("Mamince")
    assert enquiry_statistics(None).total == 1
    assert not worker_client.get(reverse("advice:queue")).context["waiting"]
