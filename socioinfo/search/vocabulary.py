"""The set of indexed terms, kept in memory for spelling tolerance and prefix matches.

It is rebuilt lazily after the index changes (a version number in the cache tells every
process when to reload).
"""

import bisect
import threading
from dataclasses import dataclass

from django.core.cache import cache

VERSION_KEY = "socioinfo:search:vocabulary-version"
_lock = threading.Lock()
_loaded: dict[str, object] = {}


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[str, ...]  # sorted
    term_set: frozenset[str]
    # Thesaurus groups, each a list of members, each member the set of its terms.
    synonym_groups: tuple[tuple[frozenset[str], ...], ...] = ()
    # Phrases of the thesaurus (words without diacritics) and the index of their group.
    phrases: tuple[tuple[tuple[str, ...], int], ...] = ()

    def with_prefix(self, prefix: str, limit: int = 30) -> list[str]:
        start = bisect.bisect_left(self.terms, prefix)
        found = []
        for term in self.terms[start : start + limit]:
            if not term.startswith(prefix):
                break
            found.append(term)
        return found

    def longest_prefix_of(self, word: str, minimum: int = 4) -> str | None:
        """The longest indexed term that the word starts with ("seniorum" → "senior")."""
        for end in range(len(word) - 1, minimum - 1, -1):
            if word[:end] in self.term_set:
                return word[:end]
        return None


def forget_vocabulary() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def vocabulary() -> Vocabulary:
    from socioinfo.search.models import SearchTerm, SynonymGroup
    from socioinfo.search.text import terms, unaccent, words

    version = cache.get(VERSION_KEY)
    if version is None:
        cache.set(VERSION_KEY, 0, None)
        version = 0
    with _lock:
        if _loaded.get("version") != version or "vocabulary" not in _loaded:
            known = sorted(set(SearchTerm.objects.values_list("term", flat=True).distinct()))
            groups = []
            phrases = []
            for group in SynonymGroup.objects.filter(is_active=True).only("words"):
                members = (frozenset(terms(member)) for member in group.word_list)
                groups.append(tuple(m for m in members if m))
                for member in group.word_list:
                    member_words = tuple(unaccent(w) for w in words(member))
                    if len(member_words) > 1:
                        phrases.append((member_words, len(groups) - 1))
            phrases.sort(key=lambda item: -len(item[0]))
            _loaded["vocabulary"] = Vocabulary(
                tuple(known), frozenset(known), tuple(groups), tuple(phrases)
            )
            _loaded["version"] = version
        result = _loaded["vocabulary"]
    assert isinstance(result, Vocabulary)
    return result
