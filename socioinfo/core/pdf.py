"""HTML to PDF on the server (WeasyPrint) with nothing fetched from the network.

The HTML is rendered by a template as for the browser; stylesheets, fonts and images it
refers to are read from the site's own static files (the finders' directories and
``STATIC_ROOT``), whether they are written as ``/static/…`` URLs of the site (resolved
against ``base_url``) or as ``file:`` URLs. Everything else — another host, a file outside
the static directories, any other scheme — is refused, so a document can never make the
server open a connection or read an arbitrary file. Text is laid out by Pango with the
system's fonts besides the ones a stylesheet loads (``make system-deps``).

The design system ships each Roboto face as two files, Latin and Latin Extended, for the
browser to pick by ``unicode-range``. Pango keeps a space in the font of the letter before
it, so Czech text set from the two files gets spaces the Latin Extended file has no glyph
for. The fetcher therefore answers a font file that has a Latin Extended companion beside
it (``roboto-regular.woff2`` and ``roboto-regular-ext.woff2``) with the two merged into one
font (fontTools, once per process).

The PDF is PDF/UA-1: tagged (structure for screen readers), with the document's title
(``<title>``) and language (``<html lang>``) in its metadata.
"""

from __future__ import annotations

import functools
import io
import logging
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation

PDF_VARIANT = "pdf/ua-1"


class RefusedURL(ValueError):
    """A document asked for something that is not one of the site's static files."""


def static_roots() -> list[Path]:
    """The directories a PDF may read from: every static files finder's location and
    ``STATIC_ROOT``."""
    roots = [Path(settings.STATIC_ROOT)]
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location))
    return [root.resolve() for root in roots]


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def static_file(url: str, base_url: str | None) -> Path | None:
    """The static file behind ``url``, or None when ``url`` is not one of ours."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    roots = static_roots()
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()
        return path if path.is_file() and _inside(path, roots) else None
    if scheme not in ("http", "https") or not base_url:
        return None
    site = urlsplit(base_url)
    if (scheme, parts.netloc.lower()) != (site.scheme.lower(), site.netloc.lower()):
        return None
    static_url = urlsplit(settings.STATIC_URL).path
    if not static_url.startswith("/"):
        static_url = "/" + static_url
    if not parts.path.startswith(static_url):
        return None
    relative = unquote(parts.path[len(static_url) :])
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    candidates = [Path(found)] if isinstance(found, str) else []
    candidates.append(Path(settings.STATIC_ROOT) / relative)
    for candidate in candidates:
        path = candidate.resolve()
        if path.is_file() and _inside(path, roots):
            return path
    return None


def _companion(path: Path) -> Path | None:
    """The Latin Extended file beside a split web font, if there is one."""
    if path.suffix != ".woff2" or path.stem.endswith("-ext"):
        return None
    companion = path.with_name(f"{path.stem}-ext{path.suffix}")
    return companion if companion.is_file() else None


@functools.lru_cache(maxsize=32)
def _merged_font(path: Path, companion: Path, mtimes: tuple[float, float]) -> bytes:
    """One TrueType font from a face's Latin and Latin Extended files."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.merge").setLevel(logging.WARNING)  # a line per table
    parts = []
    for part in (path, companion):
        font = TTFont(part)
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        parts.append(buffer)
    merged = io.BytesIO()
    Merger().merge(parts).save(merged)
    return merged.getvalue()


def read_static(path: Path) -> tuple[bytes, str]:
    """A static file's bytes and content type, a split web font merged into one font."""
    companion = _companion(path)
    if companion is not None:
        mtimes = (path.stat().st_mtime, companion.stat().st_mtime)
        return _merged_font(path, companion, mtimes), "font/ttf"
    return path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def url_fetcher(base_url: str | None = None) -> Any:
    """A WeasyPrint URL fetcher that reads the site's static files and refuses the rest
    (``RefusedURL``); ``data:`` URLs are decoded in memory."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesOnly(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data"}, allow_redirects=False)

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)
            path = static_file(url, base_url)
            if path is None:
                raise RefusedURL(f"Not one of the site's static files: {url}")
            body, content_type = read_static(path)
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return StaticFilesOnly()


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """The PDF of an HTML document. ``base_url`` (the page's absolute URL) resolves its
    relative links and its ``/static/…`` URLs."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=base_url, url_fetcher=url_fetcher(base_url))
    return document.write_pdf(pdf_variant=PDF_VARIANT)
