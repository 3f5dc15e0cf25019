"""Czech is the default language: every interface string has a Czech translation, and the
compiled catalogue matches the source catalogue."""

import ast
import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "socioinfo" / "locale"


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgid_plural, msgstr(s), flags (enough for our checks)."""
    entries, entry, key = [], None, None

    def finish():
        if entry and entry.get("msgid"):
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            finish()
            entry, key = None, None
            continue
        if entry is None:
            entry = {"flags": "", "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if key[0] == "msgstr":
                entry["msgstr"][key[1]] += text
            else:
                entry[key[0]] += text
        else:
            word, _, rest = line.partition(" ")
            text = ast.literal_eval(rest)
            if word.startswith("msgstr"):
                index = int(word[7:-1]) if "[" in word else 0
                key = ("msgstr", index)
                entry["msgstr"][index] = text
            else:
                key = (word, None)
                entry[word] = text
    return entries


@pytest.fixture(scope="module")
def czech():
    return read_po(LOCALE / "cs" / "LC_MESSAGES" / "django.po")


def test_czech_catalogue_has_no_untranslated_or_fuzzy_entries(czech):
    missing = [e["msgid"] for e in czech if not all(e["msgstr"].values()) or "fuzzy" in e["flags"]]
    assert missing == []


def test_compiled_czech_catalogue_matches_the_source(czech):
    with (LOCALE / "cs" / "LC_MESSAGES" / "django.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [
        e["msgid"]
        for e in czech
        if "msgid_plural" not in e
        and "msgctxt" not in e
        and compiled.gettext(e["msgid"]) != e["msgstr"][0]
    ]
    assert stale == [], "run `make messages` to compile the catalogue"
