"""Finding services: words, filters (facets), "open now" and "near", with counts per facet.

Words are matched through the term index (``SearchTerm``): each query word must match (AND),
by any of its forms, by a word of its thesaurus group, or, when it is not a known term, by a
known term it starts with ("seniorum" → "senior"), that starts with it ("pecov" →
"pecovatelsk") or that is one or two letters away (typos). Filters combine with AND. Ranking
is by the weights of the matched terms; ties and browsing without words go by the
database-neutral ``sort_name`` and then id, so SQLite and PostgreSQL give the same list.
"""

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Prefetch
from django.utils import timezone
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from socioinfo.areas.models import Area
from socioinfo.directory.models import (
    AccessibilityFeature,
    Language,
    LifeSituation,
    Location,
    Service,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.selectors import services_open_now
from socioinfo.search.engine import Engine, engine
from socioinfo.search.places import Place
from socioinfo.search.text import query_words, terms, unaccent, word_forms, words
from socioinfo.search.vocabulary import Vocabulary, vocabulary

# Integer weights keep scores exact on every database: a thesaurus match weighs 6/10 of a
# direct one.
MIN_RELATED_LENGTH = 4
DIRECT_FACTOR = 10
SYNONYM_FACTOR = 6
PAGE_SIZE = 20


@dataclass
class WordMatch:
    """What one query word matches: direct terms and, with less weight, related ones."""

    word: str
    direct: set[str] = field(default_factory=set)
    related: set[str] = field(default_factory=set)
    corrected_to: str | None = None
    # For a thesaurus phrase: the terms of each of its words; a service that has a term of
    # every one of them also matches ("pečovatelská služba" taken literally).
    phrase: list[set[str]] = field(default_factory=list)

    @property
    def all_terms(self) -> set[str]:
        return self.direct | self.related | {t for terms in self.phrase for t in terms}


@dataclass
class SearchParams:
    text: str = ""
    situation: LifeSituation | None = None
    service_type: ServiceType | None = None
    target_group: TargetGroup | None = None
    district: Area | None = None
    form: str = ""
    language: Language | None = None
    feature: AccessibilityFeature | None = None
    open_now: bool = False
    near: Place | None = None

    def active_filters(self) -> list[str]:
        names = []
        for name in FILTERS:
            value = getattr(self, name)
            if value:
                names.append(name)
        return names

    def without(self, name: str) -> "SearchParams":
        copy = SearchParams(**self.__dict__)
        setattr(copy, name, FILTER_EMPTY.get(name))
        return copy


FILTERS = (
    "situation",
    "service_type",
    "target_group",
    "district",
    "form",
    "language",
    "feature",
    "open_now",
    "near",
)
FILTER_EMPTY: dict[str, Any] = {"form": "", "open_now": False, "text": ""}


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    service: Service
    score: float = 0.0
    distance_km: float | None = None


@dataclass
class SearchResult:
    params: SearchParams
    total: int
    hits: list[Hit]
    page: int
    pages: int
    words: list[WordMatch]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def corrections(self) -> dict[str, str]:
        return {w.word: w.corrected_to for w in self.words if w.corrected_to}


# ---------------------------------------------------------------------------- words


def _synonym_terms(word: str, query_terms: set[str], known: set[str]) -> set[str]:
    """Terms of the thesaurus groups the word (or what it resolved to) belongs to."""
    forms = set(word_forms(word)) | known
    related: set[str] = set()
    for group in vocabulary().synonym_groups:
        members = group
        hit = False
        for member_terms in members:
            if (
                len(member_terms) == 1
                and member_terms & forms
                or len(member_terms) > 1
                and member_terms <= query_terms
                and member_terms & forms
            ):
                hit = True
        if hit:
            # Only one-word members stand for the group; a phrase ("dluhová poradna") only
            # brings a query to the group, or it would find every "poradna".
            related |= {
                term
                for member_terms in members
                if len(member_terms) == 1
                for term in member_terms
                if len(term) >= MIN_RELATED_LENGTH
            }
    return related


def _known_terms(form: str, vocab: Vocabulary, fuzzy: bool = True) -> tuple[set[str], str | None]:
    """Indexed terms for one form of a word, and the correction made, if any."""
    if form in vocab.term_set:
        return {form}, None
    found: set[str] = set()
    shorter = vocab.longest_prefix_of(form)
    if shorter:
        found.add(shorter)
    if len(form) >= 4:
        found.update(vocab.with_prefix(form))
    if found or not fuzzy:
        return found, None
    if len(form) >= 4:
        limit = 1 if len(form) < 7 else 2
        matches = process.extract(
            form, vocab.terms, scorer=Levenshtein.distance, score_cutoff=limit, limit=3
        )
        if matches:
            closest = min(distance for _term, distance, _index in matches)
            nearest = sorted(term for term, distance, _index in matches if distance == closest)
            return set(nearest), nearest[0]
    return set(), None


def _same_word(typed: str, known: str) -> bool:
    plain = unaccent(typed)
    return plain == known or bool(word_forms(typed) & word_forms(known))


def _phrase_matches(text: str, vocab: Vocabulary) -> tuple[list[WordMatch], set[int]]:
    """Thesaurus phrases in the query ("bez domova", "domácí násilí") stand for their whole
    group: the phrase becomes one query word matched by the group's terms."""
    sequence = words(text)
    used: set[int] = set()
    matches = []
    for phrase, group_index in vocab.phrases:
        size = len(phrase)
        for start in range(len(sequence) - size + 1):
            span = set(range(start, start + size))
            if span & used:
                continue
            if all(_same_word(sequence[start + k], phrase[k]) for k in range(size)):
                group = vocab.synonym_groups[group_index]
                direct = {term for member in group if len(member) == 1 for term in member}
                direct = {t for t in direct if len(t) >= MIN_RELATED_LENGTH and t in vocab.term_set}
                literal = [
                    set(word_forms(sequence[start + k])) & vocab.term_set
                    for k in range(size)
                    if word_forms(sequence[start + k])
                ]
                # Taken literally only when it has two or more meaningful words: "bez domova"
                # must not find every "domov".
                literal_ok = len(literal) >= 2 and all(literal)
                if direct or literal_ok:
                    text_span = " ".join(sequence[start : start + size])
                    matches.append(
                        WordMatch(text_span, direct, phrase=literal if literal_ok else [])
                    )
                    used |= span
    return matches, used


def match_words(text: str) -> list[WordMatch]:
    vocab = vocabulary()
    query_terms = terms(text)
    matches, used = _phrase_matches(text, vocab)
    consumed = {unaccent(w) for i, w in enumerate(words(text)) if i in used}
    for word in query_words(text):
        if unaccent(word) in consumed:
            continue
        match = WordMatch(word)
        exact = {form for form in word_forms(word) if form in vocab.term_set}
        match.related = _synonym_terms(word, query_terms, exact)
        for form in word_forms(word):
            # A word the thesaurus knows is not "corrected" into a look-alike. The form itself
            # is always looked up too, in case this process's vocabulary is behind the index.
            known, corrected = _known_terms(form, vocab, fuzzy=not match.related)
            match.direct |= known | {form}
            match.corrected_to = match.corrected_to or corrected
        if not match.related:
            match.related = _synonym_terms(word, query_terms, match.direct)
        match.related -= match.direct
        match.related = {t for t in match.related if t in vocab.term_set}
        matches.append(match)
    return matches


# ---------------------------------------------------------------------------- filters


@dataclass
class Selection:
    """What a query selects in the engine: the published services, each filter's mask, the
    words' mask and scores."""

    engine: Engine
    base: np.ndarray
    filters: dict[str, np.ndarray]
    words_mask: np.ndarray
    scores: np.ndarray
    words: list[WordMatch]

    def mask(self, without: str | None = None) -> np.ndarray:
        mask = self.base & self.words_mask
        for name, filter_mask in self.filters.items():
            if name != without:
                mask &= filter_mask
        return mask


def select(params: SearchParams, at: Any = None) -> Selection:
    eng = engine()
    today = timezone.localdate(at) if at is not None else timezone.localdate()
    filters: dict[str, np.ndarray] = {}
    if params.situation is not None:
        mask = eng.members(
            "service_type", params.situation.service_types.values_list("pk", flat=True)
        )
        groups = list(params.situation.target_groups.values_list("pk", flat=True))
        if groups:
            mask &= eng.members("target_group", groups)
        filters["situation"] = mask
    for name, facet, value in (
        ("service_type", "service_type", params.service_type),
        ("target_group", "target_group", params.target_group),
        ("district", "district", params.district),
        ("language", "language", params.language),
        ("feature", "feature", params.feature),
    ):
        if value is not None:
            filters[name] = eng.members(facet, [value.pk])
    if params.form:
        filters["form"] = eng.members("form", [params.form])
    if params.open_now:
        open_ids = services_open_now(at, Service.objects.published()).values_list("pk", flat=True)
        filters["open_now"] = eng.mask_of(open_ids)

    words = match_words(params.text) if params.text.strip() else []
    words_mask = np.ones(eng.size, dtype=bool)
    scores = np.zeros(eng.size, dtype=np.int64)
    if words:
        direct = set().union(*(w.direct | {t for p in w.phrase for t in p} for w in words))
        related = set().union(*(w.related for w in words)) - direct
        scores, _hit = eng.term_scores([(direct, DIRECT_FACTOR), (related, SYNONYM_FACTOR)])
        for w in words:
            _s, hit = eng.term_scores([(w.direct | w.related, 1)])
            if w.phrase:
                literal = np.ones(eng.size, dtype=bool)
                for phrase_terms in w.phrase:
                    literal &= eng.term_scores([(phrase_terms, 1)])[1]
                hit |= literal
            words_mask &= hit
    return Selection(eng, eng.published(today), filters, words_mask, scores, words)


def count(params: SearchParams, at: Any = None) -> int:
    return int(np.count_nonzero(select(params, at).mask()))


def ranked_ids(params: SearchParams, at: Any = None) -> list[Any]:
    """Ids of every match, best first (then by name), for the open-data API."""
    selection = select(params, at)
    candidates = np.flatnonzero(selection.mask())
    order = np.lexsort((selection.engine.rank[candidates], -selection.scores[candidates]))
    return [selection.engine.ids[int(candidates[i])] for i in order]


def load_for_cards(ids: list[Any]) -> dict[Any, Service]:
    """The services of a result page with what their cards show, in a fixed number of
    queries."""
    return {
        s.pk: s
        for s in Service.objects.filter(pk__in=ids)
        .select_related("organisation", "service_type")
        .prefetch_related(
            "forms",
            "languages",
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("city_district").defer(
                    "city_district__geometry"
                ),
            ),
        )
    }


def search(
    params: SearchParams,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    at: Any = None,
    with_facets: bool = True,
) -> SearchResult:
    selection = select(params, at)
    eng = selection.engine
    candidates = np.flatnonzero(selection.mask())
    scores = selection.scores[candidates]
    ranks = eng.rank[candidates]
    distances = None
    if params.near is not None:
        distances = eng.distances(selection.mask(), params.near.latitude, params.near.longitude)[
            candidates
        ]
        order = np.lexsort((ranks, -scores, distances))
    elif selection.words:
        order = np.lexsort((ranks, -scores))
    else:
        order = np.argsort(ranks, kind="stable")
    total = len(candidates)
    pages = max(1, math.ceil(total / page_size))
    page = min(max(1, page), pages)
    chosen = order[(page - 1) * page_size : page * page_size]
    window = [eng.ids[int(candidates[i])] for i in chosen]
    found_scores = {eng.ids[int(candidates[i])]: float(scores[i]) for i in chosen}
    found_distances = (
        {eng.ids[int(candidates[i])]: float(distances[i]) for i in chosen}
        if distances is not None
        else {}
    )

    loaded = load_for_cards(window)
    hits = [
        Hit(loaded[pk], found_scores.get(pk, 0.0), found_distances.get(pk))
        for pk in window
        if pk in loaded
    ]
    result = SearchResult(params, total, hits, page, pages, selection.words)
    if with_facets:
        from socioinfo.search.facets import facet_counts

        result.facets = facet_counts(selection, params)
    return result


def nearest_services(place: Place, limit: int = 5) -> list[Hit]:
    """Published services nearest to a place, whatever else was asked (for empty results)."""
    eng = engine()
    published = eng.published(timezone.localdate())
    distances = eng.distances(published, place.latitude, place.longitude)
    candidates = np.flatnonzero(published & np.isfinite(distances))
    order = np.lexsort((eng.rank[candidates], distances[candidates]))[:limit]
    chosen = [int(candidates[i]) for i in order]
    services = load_for_cards([eng.ids[i] for i in chosen])
    return [
        Hit(services[eng.ids[i]], 0.0, float(distances[i]))
        for i in chosen
        if eng.ids[i] in services
    ]
