"""The PDFs made on the server (WeasyPrint): the plan for council papers and the evaluation
report, read back with pypdf; who may download them; nothing is fetched from the network."""

import io
import re
import socket

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from socioinfo.accounts.roles import Role
from socioinfo.core.pdf import RefusedURL, html_to_pdf, url_fetcher
from socioinfo.planning import presenters
from socioinfo.planning.demo import PLAN_SLUG
from socioinfo.planning.models import Plan
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db
PLAN = f"/plans/{PLAN_SLUG}/"


def read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def font_names(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a PDF tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_the_plan_pdf_holds_the_whole_plan_as_written(client, planning_demo, no_network):
    response = client.get(f"{PLAN}export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{PLAN_SLUG}.pdf"'
    assert response.content.startswith(b"%PDF-")
    reader, text = read(response.content)
    pages = len(reader.pages)
    assert pages >= 4
    for code in ("A1.1", "B1.3", "C2.3", "D3.3", "E3.1"):
        assert f"{code} " in text
    assert "Soudržné a respektující město" in text
    # Responsibility and time frame exactly as the city wrote them, diacritics included.
    assert "SMB, NNO, ÚP, JMK, vzdělávací instituce, zaměstnavatelé" in text
    assert "do 220 – OŠMT" in text
    # Page numbers in the footer of every page.
    assert f"1 / {pages}" in reader.pages[0].extract_text()
    assert f"{pages} / {pages}" in reader.pages[-1].extract_text()
    # Accessible: title and language in the metadata, tagged, the site's own font embedded.
    plan = Plan.objects.get(slug=PLAN_SLUG)
    assert reader.metadata.title == plan.name
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "cs"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert any("Roboto" in name for name in font_names(reader))


def test_the_evaluation_pdf_lists_what_the_next_plan_takes_over(client, planning_demo):
    response = client.get(f"{PLAN}evaluation.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (f'attachment; filename="{PLAN_SLUG}-evaluation.pdf"')
    reader, text = read(response.content)
    assert len(reader.pages) >= 2
    context = presenters.evaluation_context(Plan.objects.get(slug=PLAN_SLUG))
    carried = context["carried_over"]
    assert "D3.3" in {m.item.code for m in carried}  # delayed in the demo
    # Only the "for the next plan" list has a measure's text beside its code.
    for measure in carried:
        assert f"{measure.item.code} {' '.join(measure.item.text.split())}" in text
    done = next(m for m in context["measures"] if m.item.code == "C1.3")
    assert done not in carried
    assert " ".join(done.item.text.split()) not in text
    assert "Zpráva o využití ICT a asistivních technologií" in text
    assert "Start the next plan" not in text


def test_the_plan_page_and_the_evaluation_link_to_the_pdfs(client, planning_demo):
    assert f'href="{PLAN}export.pdf"' in client.get(PLAN).content.decode()
    assert f'href="{PLAN}print/"' in client.get(PLAN).content.decode()
    assert f'href="{PLAN}evaluation.pdf"' in client.get(f"{PLAN}evaluation/").content.decode()


def test_a_draft_plans_pdfs_are_only_for_planners(client, planning_demo, monkeypatch):
    monkeypatch.setattr(
        "socioinfo.planning.views.exports.html_to_pdf", lambda html, base_url: b"%PDF-1.7"
    )
    Plan.objects.filter(slug=PLAN_SLUG).update(status="draft")
    for url in (f"{PLAN}export.pdf", f"{PLAN}evaluation.pdf"):
        assert client.get(url).status_code == 404
    sign_in(client, make_user(Role.PLANNER))
    for url in (f"{PLAN}export.pdf", f"{PLAN}evaluation.pdf"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"


def test_the_url_fetcher_reads_only_our_static_files(no_network):
    fetch = url_fetcher("http://testserver/plans/x/export.pdf")
    font = fetch("http://testserver/static/vendor/gov-fonts/roboto-regular.woff2")
    # The design system's Latin and Latin Extended files of the face, merged into one font.
    cmap = TTFont(io.BytesIO(font.read())).getBestCmap()
    assert all(ord(character) in cmap for character in " ařŘůŮ–")
    assert fetch("http://testserver/static/core/pdf.css").content_type == "text/css"
    for url in (
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://example.org/static/core/pdf.css",  # our path on another host
        "https://testserver/static/core/pdf.css",  # another scheme
        "http://testserver/plans/",  # not a static file
        "http://testserver/static/../socioinfo/settings.py",
        "file:///etc/passwd",
        "ftp://testserver/static/core/pdf.css",
    ):
        with pytest.raises(RefusedURL):
            fetch(url)


def test_a_document_with_remote_resources_renders_without_the_network(no_network):
    html = (
        '<html lang="cs"><head><title>Zkouška</title>'
        '<link rel="stylesheet" href="https://example.org/remote.css"></head>'
        '<body><p>Příliš žluťoučký kůň</p><img src="https://example.org/x.png" alt="x">'
        "</body></html>"
    )
    reader, text = read(html_to_pdf(html, base_url="http://testserver/"))
    assert "Příliš žluťoučký kůň" in text
    assert reader.metadata.title == "Zkouška"


def _drawing_operators(reader: PdfReader) -> str:
    """The decompressed drawing operators of every page and of the forms they draw."""
    seen, out = set(), []

    def walk(obj):
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if obj.get("/Subtype") == "/Form":  # a drawing, not an image
            out.append(obj.get_data().decode("latin-1"))
        resources = obj.get("/Resources") if hasattr(obj, "get") else None
        for xobject in (resources.get_object().get("/XObject", {}) if resources else {}).values():
            walk(xobject.get_object())

    for page in reader.pages:
        out.append(page.get_contents().get_data().decode("latin-1"))
        walk(page)
    return "\n".join(out)


def test_the_evaluation_pdf_draws_the_progress_bars_in_the_sites_blue(client, planning_demo):
    reader, _text = read(client.get(f"{PLAN}evaluation.pdf").content)
    operators = _drawing_operators(reader)
    # #2362a2 as a fill colour (35, 98, 162 of 255), not the black a renderer falls back to.
    assert re.search(r"0\.137\d* 0\.384\d* 0\.635\d* rg", operators)
