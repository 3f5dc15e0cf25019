"""The indexed terms and the thesaurus, as the query matcher sees them: read from the search
engine (``engine.py``), so they are always of the same version as the index they describe."""

import bisect
from collections.abc import Set
from dataclasses import dataclass

from socioinfo.search.engine import bump_version, engine


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[str, ...]  # sorted
    term_set: Set[str]
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
    bump_version()


def vocabulary() -> Vocabulary:
    current = engine()
    return Vocabulary(
        current.sorted_terms, current.terms.keys(), current.synonym_groups, current.phrases
    )
