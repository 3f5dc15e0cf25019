"""Password reset by e-mail: the e-mail, the link, and the link working once."""

import re

import pytest
from django.urls import reverse

from tests.accounts.helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NEW = "Nove-heslo-na-jaro-2027"


def reset_link(mailoutbox) -> str:
    (message,) = mailoutbox
    match = re.search(r"http://testserver(/accounts/password/reset/\S+/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_the_e_mail_carries_a_link_that_sets_a_new_password(client, mailoutbox):
    user = make_user(email="jana@spolek.cz", password=PASSWORD)
    response = client.post(reverse("accounts:password_reset"), {"email": "Jana@Spolek.cz"})
    assert response["Location"] == reverse("accounts:password_reset_sent")
    assert mailoutbox[0].to == ["jana@spolek.cz"]
    assert "jana@spolek.cz" in mailoutbox[0].body  # says which login it is for

    form_page = client.get(reset_link(mailoutbox), follow=True)
    assert form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_the_link_works_once(client, mailoutbox):
    make_user(email="jana@spolek.cz", password=PASSWORD)
    client.post(reverse("accounts:password_reset"), {"email": "jana@spolek.cz"})
    link = reset_link(mailoutbox)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    again = client.get(link, follow=True)
    assert not again.context["validlink"]


def test_an_unknown_address_gets_the_same_answer_and_no_e_mail(client, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "nikdo@nikde.cz"})
    assert response["Location"] == reverse("accounts:password_reset_sent")
    assert mailoutbox == []


def test_a_weak_new_password_is_refused(client, mailoutbox):
    user = make_user(email="jana@spolek.cz", password=PASSWORD)
    client.post(reverse("accounts:password_reset"), {"email": "jana@spolek.cz"})
    form_url = client.get(reset_link(mailoutbox), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
