"""Every interface string is translated into each of the portal's languages (Czech is the
default; English is the source), placeholders survive translation, and the compiled
catalogues match their sources."""

import ast
import gettext
import re
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


LANGUAGES = ["cs", "uk", "ru", "vi", "ar"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def catalogue(language: str) -> list[dict]:
    return read_po(LOCALE / language / "LC_MESSAGES" / "django.po")


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    missing = [
        e["msgid"]
        for e in catalogue(language)
        if not all(e["msgstr"].values()) or "fuzzy" in e["flags"]
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    broken = []
    for e in catalogue(language):
        wanted = set(PLACEHOLDER.findall(e["msgid"] + e.get("msgid_plural", "")))
        for text in e["msgstr"].values():
            found = set(PLACEHOLDER.findall(text))
            # A plural form may leave out the count ("one" in words), nothing else.
            if found - wanted or (wanted - found) - {"%(counter)s", "%(count)d", "%(count)s"}:
                broken.append((e["msgid"], text))
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [
        e["msgid"]
        for e in catalogue(language)
        if "msgid_plural" not in e
        and "msgctxt" not in e
        and compiled.gettext(e["msgid"]) != e["msgstr"][0]
    ]
    assert stale == [], "run `make messages` to compile the catalogue"
