"""Text helpers shared by the apps."""

import unicodedata


def unaccent(text: str) -> str:
    """Lower-case text with diacritics removed (ř → r, ů → u)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sort_key(text: str) -> str:
    """A key that sorts names the same way on every database ("Č" next to "C"), whatever
    the database collation."""
    return " ".join(unaccent(text).split())[:300]
