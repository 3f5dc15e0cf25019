"""Meeting documents: planners upload them on the meeting's page; they are served only to
those who may read the meeting, and checked for what they claim to be."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from socioinfo.accounts.roles import Role
from socioinfo.planning.models import GroupMember, Meeting, MeetingDocument
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    """Pages in English, so that messages compare with the source text."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _past_meeting(public: bool) -> Meeting:
    return (
        Meeting.objects.filter(group__is_public=public, minutes__gt="")
        .select_related("group")
        .first()
    )


def _upload(client, meeting, name="zapis.pdf", content=PDF, title="Zápis z jednání", **extra):
    return client.post(
        f"/planning/meetings/{meeting.pk}/",
        {
            "add_document": "1",
            "document-title": title,
            "document-file": SimpleUploadedFile(name, content, content_type="application/pdf"),
            "document-url": "",
            **{f"document-{key}": value for key, value in extra.items()},
        },
    )


def test_a_planner_uploads_a_document_that_the_public_downloads_from_a_public_group(
    client, planning_demo
):
    meeting = _past_meeting(public=True)
    sign_in(client, make_user(Role.PLANNER))
    response = _upload(client, meeting)
    assert response.status_code == 302
    document = meeting.documents.get(title="Zápis z jednání")
    assert (document.filename, document.size, document.content_type) == (
        "zapis.pdf",
        len(PDF),
        "application/pdf",
    )
    # Stored under a random name in the meeting's folder, not under the uploaded name.
    assert document.file.name.startswith(f"planning/meetings/{meeting.pk}/")
    assert "zapis" not in document.file.name

    client.logout()
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    link = f"/meetings/{meeting.pk}/documents/{document.pk}/"
    assert f'href="{link}"' in page
    download = client.get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="zapis.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_non_public_groups_document_is_served_to_its_members_only(client, planning_demo):
    meeting = _past_meeting(public=False)
    sign_in(client, make_user(Role.PLANNER))
    _upload(client, meeting, name="rozpocet.pdf", title="Rozpočet")
    link = f"/meetings/{meeting.pk}/documents/{meeting.documents.get(title='Rozpočet').pk}/"

    client.logout()
    assert client.get(link).status_code == 404
    outsider = make_user(Role.WORKING_GROUP_MEMBER)  # a member, but of no group here
    sign_in(client, outsider)
    assert client.get(link).status_code == 404
    sign_in(client, make_user(Role.PROVIDER_EDITOR))
    assert client.get(link).status_code == 404

    member = make_user(Role.WORKING_GROUP_MEMBER)
    GroupMember.objects.create(group=meeting.group, user=member, name="Člen", triad_role="user")
    sign_in(client, member)
    assert client.get(link).status_code == 200


def test_a_document_is_not_reachable_through_another_meeting(client, planning_demo):
    private = _past_meeting(public=False)
    public = _past_meeting(public=True)
    sign_in(client, make_user(Role.PLANNER))
    _upload(client, private, title="Neveřejné")
    document = private.documents.get(title="Neveřejné")
    client.logout()
    assert client.get(f"/meetings/{public.pk}/documents/{document.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("skript.exe", b"MZ\x90\x00", "Files of this type cannot be attached."),
        ("zapis.pdf", b"<html>not a pdf</html>", "The content of the file does not match"),
        ("tabulka.xlsx", b"%PDF-1.7", "The content of the file does not match"),
        ("poznamky.txt", "žluťoučký".encode("cp1250"), "The content of the file does not match"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused_and_the_title_is_kept(
    client, planning_demo, name, content, message
):
    meeting = _past_meeting(public=True)
    sign_in(client, make_user(Role.PLANNER))
    before = meeting.documents.count()
    response = _upload(client, meeting, name=name, content=content, title="Můj titulek")
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'value="Můj titulek"' in page
    assert meeting.documents.count() == before


def test_a_file_over_the_limit_is_refused_with_both_sizes(client, planning_demo, settings):
    settings.SOCIOINFO_DOCUMENT_MAX_BYTES = 1024
    meeting = _past_meeting(public=True)
    sign_in(client, make_user(Role.PLANNER))
    page = _upload(client, meeting, content=PDF + b"0" * 2048).content.decode()
    assert "at most 1.0\xa0KB can be attached" in page
    assert not meeting.documents.filter(title="Zápis z jednání").exists()


def test_a_document_is_a_file_or_a_link_one_of_the_two(client, planning_demo):
    meeting = _past_meeting(public=True)
    sign_in(client, make_user(Role.PLANNER))
    neither = client.post(
        f"/planning/meetings/{meeting.pk}/",
        {"add_document": "1", "document-title": "Nic", "document-url": ""},
    ).content.decode()
    both = _upload(client, meeting, url="https://www.brno.cz/zapis.pdf").content.decode()
    assert "one of the two" in neither
    assert "one of the two" in both
    client.post(
        f"/planning/meetings/{meeting.pk}/",
        {
            "add_document": "1",
            "document-title": "Odkaz",
            "document-url": "https://www.brno.cz/zapis.pdf",
        },
    )
    link = meeting.documents.get(title="Odkaz")
    assert not link.file
    client.logout()
    assert (
        'href="https://www.brno.cz/zapis.pdf"'
        in client.get(f"/meetings/{meeting.pk}/").content.decode()
    )
    # A link has no download of ours.
    assert client.get(f"/meetings/{meeting.pk}/documents/{link.pk}/").status_code == 404


def test_removing_a_document_deletes_its_file_once_committed(
    client, planning_demo, django_capture_on_commit_callbacks
):
    meeting = _past_meeting(public=True)
    sign_in(client, make_user(Role.PLANNER))
    _upload(client, meeting)
    document = meeting.documents.get(title="Zápis z jednání")
    path = Path(document.file.path)
    assert path.read_bytes() == PDF
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/planning/meetings/{meeting.pk}/", {"remove_document": str(document.pk)})
    assert not MeetingDocument.objects.filter(pk=document.pk).exists()
    assert not path.exists()


@pytest.mark.parametrize("role", [Role.WORKING_GROUP_MEMBER, Role.PROVIDER_EDITOR, None])
def test_only_planners_attach_or_remove_documents(client, planning_demo, role):
    meeting = _past_meeting(public=True)
    document = meeting.documents.first()
    if role:
        sign_in(client, make_user(role))
    assert _upload(client, meeting).status_code in (302, 403)
    client.post(f"/planning/meetings/{meeting.pk}/", {"remove_document": str(document.pk)})
    assert not meeting.documents.filter(title="Zápis z jednání").exists()
    assert MeetingDocument.objects.filter(pk=document.pk).exists()


def test_the_demo_meetings_carry_the_plan_as_an_uploaded_csv(client, planning_demo):
    meeting = _past_meeting(public=True)
    document = meeting.documents.get()
    assert document.file and document.filename.endswith(".csv")
    body = b"".join(
        client.get(f"/meetings/{meeting.pk}/documents/{document.pk}/").streaming_content
    )
    assert body.decode().splitlines()[0].startswith("code,") and "\nA1.1," in body.decode()
