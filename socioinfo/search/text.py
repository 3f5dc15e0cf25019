"""Turning text into search terms, the same way for documents and for queries.

A word becomes one or two *terms*: its Czech Snowball stem with diacritics removed, and the
stem of the word typed without diacritics (people often type "pecovatelska"). Both forms are
indexed and both are looked up, so "pečovatelská", "pecovatelske" and "Pečovatelské" meet.
The same code runs for every database, which is why SQLite and PostgreSQL agree.
"""

import re
from functools import lru_cache

import snowballstemmer

from socioinfo.core.text import unaccent

__all__ = ["query_words", "terms", "unaccent", "word_forms", "words"]

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_LENGTH = 2
# Words that carry no meaning for finding a service (Czech and English).
STOPWORDS = frozenset(
    [
        "a",
        "aby",
        "ale",
        "ani",
        "ano",
        "az",
        "bez",
        "by",
        "byt",
        "co",
        "do",
        "i",
        "jak",
        "jake",
        "jako",
        "je",
        "jeho",
        "jej",
        "jen",
        "jsem",
        "jsme",
        "jsou",
        "k",
        "ke",
        "kde",
        "kdo",
        "kdyz",
        "ktera",
        "ktere",
        "kteri",
        "ktery",
        "ma",
        "mam",
        "mame",
        "mi",
        "mne",
        "mu",
        "my",
        "na",
        "nad",
        "ne",
        "neni",
        "nebo",
        "ni",
        "o",
        "od",
        "po",
        "pod",
        "pro",
        "proto",
        "pri",
        "s",
        "se",
        "si",
        "sve",
        "ta",
        "tak",
        "take",
        "ten",
        "to",
        "tu",
        "ty",
        "u",
        "uz",
        "v",
        "ve",
        "vsak",
        "z",
        "za",
        "ze",
        "and",
        "are",
        "for",
        "in",
        "is",
        "it",
        "my",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


@lru_cache(maxsize=1)
def _stemmer() -> "snowballstemmer.Stemmer":
    return snowballstemmer.stemmer("czech")


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> frozenset[str]:
    """The terms one word is indexed and looked up by."""
    lowered = word.lower()
    plain = unaccent(lowered)
    if len(plain) < MIN_LENGTH or plain in STOPWORDS:
        return frozenset()
    stem = _stemmer().stemWord
    forms = {unaccent(stem(lowered)), stem(plain)}
    return frozenset(f for f in forms if len(f) >= MIN_LENGTH)


def words(text: str) -> list[str]:
    return WORD.findall(text or "")


def terms(text: str) -> set[str]:
    """All terms of a text."""
    found: set[str] = set()
    for word in words(text):
        found |= word_forms(word)
    return found


def query_words(text: str) -> list[str]:
    """The meaningful words of a query, in order, without repeats."""
    seen: list[str] = []
    for word in words(text):
        if word_forms(word) and word.lower() not in seen:
            seen.append(word.lower())
    return seen
