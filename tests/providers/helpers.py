"""Submitting a page's form as a browser without JavaScript would: every field with the
value the page shows, then the changes a test makes."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_value: str | None = None
        self._first_option: str | None = None
        self._option_value: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (
            tag == "form"
            and a.get("method", "").lower() == "post"
            and "provider-form" in a.get("class", "") + " account-form"
        ):
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self.fields.append((name, a.get("value", "on")))
            elif kind != "submit":
                self.fields.append((name, a.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.append((name, ""))
        elif tag == "select" and name:
            self._select, self._select_value, self._first_option = name, None, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._select_value = value

    def handle_data(self, data):
        if self._textarea is not None:
            name, value = self.fields[-1]
            self.fields[-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            # Browsers drop one newline right after <textarea> (HTML's parsing rules).
            name, value = self.fields[-1]
            self.fields[-1] = (name, value.removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select:
            self.fields.append(
                (
                    self._select,
                    self._select_value
                    if self._select_value is not None
                    else (self._first_option or ""),
                )
            )
            self._select = None
        elif tag == "form":
            self._in_form = False


def form_fields(response) -> dict[str, list[str]]:
    """The first POST form of a page as the browser would send it."""
    reader = _FormReader()
    reader.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    return data


def submit(client, url: str, changes: dict | None = None, follow: bool = False):
    """GET the page, change some fields, POST it back."""
    data = form_fields(client.get(url))
    for name, value in (changes or {}).items():
        data[name] = value if isinstance(value, list) else [value]
    return client.post(url, data, follow=follow)
