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

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from socioinfo.areas.models import Area
from socioinfo.directory.models import (
    AccessibilityFeature,
    Language,
    LifeSituation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.models.service import published_q
from socioinfo.directory.selectors import open_now_q
from socioinfo.search.models import SearchTerm
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


def conditions(params: SearchParams, at: Any = None, on: str = "service") -> list[Q]:
    """The filters as conditions on services (``on="service"``) or on rows that point to a
    service (``on="term"``: search terms). Relations are tested with EXISTS, so the database
    can start from the few rows the words match instead of listing every service."""
    prefix, ref = ("", "pk") if on == "service" else ("service__", "service_id")

    def exists(queryset: QuerySet[Any]) -> Q:
        return Q(Exists(queryset.filter(service_id=OuterRef(ref))))

    through = Service.target_groups.through.objects
    found = [published_q(prefix=prefix)]
    if params.situation is not None:
        found.append(Q(**{f"{prefix}service_type__in": list(params.situation.service_types.all())}))
        groups = list(params.situation.target_groups.all())
        if groups:
            found.append(exists(through.filter(targetgroup__in=groups)))
    if params.service_type is not None:
        found.append(Q(**{f"{prefix}service_type": params.service_type}))
    if params.target_group is not None:
        found.append(exists(through.filter(targetgroup=params.target_group)))
    if params.district is not None:
        areas = (
            [params.district, params.district.parent]
            if params.district.parent
            else [params.district]
        )
        found.append(
            exists(ServiceAtLocation.objects.filter(location__city_district=params.district))
            | exists(Service.areas_served.through.objects.filter(area__in=areas))
        )
    if params.form:
        found.append(exists(ServiceFormOffer.objects.filter(form=params.form)))
    if params.language is not None:
        found.append(exists(Service.languages.through.objects.filter(language=params.language)))
    if params.feature is not None:
        found.append(
            exists(
                Service.accessibility_features.through.objects.filter(
                    accessibilityfeature=params.feature
                )
            )
            | exists(
                ServiceAtLocation.objects.filter(location__accessibility_features=params.feature)
            )
        )
    if params.open_now:
        found.append(open_now_q(at, ref))
    return found


def filtered_services(params: SearchParams, at: Any = None) -> QuerySet[Service]:
    return Service.objects.filter(*conditions(params, at))


def feature_q(feature: AccessibilityFeature) -> Q:
    """Services with the feature themselves or at one of their places."""
    return conditions(SearchParams(feature=feature))[-1]


# ---------------------------------------------------------------------------- ranking


def _scored(params: SearchParams, words: list[WordMatch], at: Any = None) -> QuerySet[Any]:
    """Rows (service_id, score) of services that match every word; a higher score is a
    better match (direct matches count fully, thesaurus matches partly)."""
    all_terms = set().union(*(w.all_terms for w in words))
    direct = sorted(set().union(*(w.direct | {t for p in w.phrase for t in p} for w in words)))

    # One flag per word: does any of the service's terms match it? (A term may serve several
    # words, so the flags are computed separately.)
    def flag(terms: set[str]) -> Max:
        return Max(
            Case(
                When(term__in=sorted(terms), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )

    flags: dict[str, Max] = {}
    every_word = []
    for i, w in enumerate(words):
        flags[f"w{i}"] = flag(w.direct | w.related)
        condition = Q(**{f"w{i}": 1})
        if w.phrase:
            for k, phrase_terms in enumerate(w.phrase):
                flags[f"w{i}p{k}"] = flag(phrase_terms)
            condition |= Q(**{f"w{i}p{k}": 1 for k in range(len(w.phrase))})
        every_word.append(condition)
    direct_weight = Case(
        When(term__in=direct, then=F("weight") * DIRECT_FACTOR),
        default=F("weight") * SYNONYM_FACTOR,
        output_field=IntegerField(),
    )
    return (
        SearchTerm.objects.filter(term__in=sorted(all_terms))
        .filter(*conditions(params, at, on="term"))
        .values("service_id")
        .annotate(score=Sum(direct_weight), **flags)
        .filter(*every_word)
    )


def result_pks(params: SearchParams, at: Any = None) -> QuerySet[Any]:
    """A one-column queryset of the matching services' ids, for use as a subquery."""
    services = filtered_services(params, at)
    words = match_words(params.text) if params.text.strip() else []
    if any(not w.all_terms for w in words):
        return services.none().values("pk")
    if words:
        return _scored(params, words, at).values("service_id")
    return services.values("pk")


def count(params: SearchParams, at: Any = None) -> int:
    return result_pks(params, at).count()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# Result ids are handed to the next queries as a list up to this many (SQLite takes 32,766
# parameters); beyond it the result query is repeated as a subquery.
MAX_LISTED_IDS = 20_000


def ids_or_subquery(ids: list[Any], params: SearchParams, at: Any) -> Any:
    return ids if len(ids) <= MAX_LISTED_IDS else result_pks(params, at)


def _nearest_distances(pks: Any, place: Place) -> dict[Any, float]:
    """The distance of each service's nearest location to the place."""
    nearest: dict[Any, float] = {}
    rows = ServiceAtLocation.objects.filter(
        service_id__in=pks, location__latitude__isnull=False
    ).values_list("service_id", "location__latitude", "location__longitude")
    for service_id, lat, lon in rows:
        d = distance_km(place.latitude, place.longitude, float(lat), float(lon))  # type: ignore[arg-type]
        if d < nearest.get(service_id, math.inf):
            nearest[service_id] = d
    return nearest


def search(
    params: SearchParams,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    at: Any = None,
    with_facets: bool = True,
) -> SearchResult:
    words = match_words(params.text) if params.text.strip() else []
    distances: dict[Any, float] = {}
    scores: dict[Any, float] = {}
    ids: list[Any] | None = None
    page = max(1, page)
    if any(not w.all_terms for w in words):
        total, window, ids = 0, [], []
    elif words or params.near is not None:
        # One query gives every match with its score and name; ordering happens here, so the
        # database aggregates once (a count and a page would make it aggregate twice).
        if words:
            rows = list(
                _scored(params, words, at).values_list("service_id", "score", "service__sort_name")
            )
        else:
            rows = list(filtered_services(params, at).values_list("pk", Value(0), "sort_name"))
        scores = {pk: float(score) for pk, score, _name in rows}
        names = {pk: name for pk, _score, name in rows}
        ids = list(scores)
        if params.near is not None:
            distances = _nearest_distances(ids_or_subquery(ids, params, at), params.near)
            ordered = sorted(
                ids, key=lambda pk: (distances.get(pk, math.inf), -scores[pk], names[pk], str(pk))
            )
        else:
            ordered = sorted(ids, key=lambda pk: (-scores[pk], names[pk], str(pk)))
        total = len(ordered)
        page = min(page, max(1, math.ceil(total / page_size)))
        window = ordered[(page - 1) * page_size : page * page_size]
    else:
        ordered_qs = filtered_services(params, at).order_by("sort_name", "pk")
        total = ordered_qs.count()
        page = min(page, max(1, math.ceil(total / page_size)))
        window = list(
            ordered_qs[(page - 1) * page_size : page * page_size].values_list("pk", flat=True)
        )

    loaded = {
        s.pk: s
        for s in Service.objects.filter(pk__in=window)
        .select_related("organisation", "service_type")
        .prefetch_related("forms", "languages", "locations__city_district", "target_groups")
    }
    hits = [
        Hit(loaded[pk], scores.get(pk, 0.0), distances.get(pk)) for pk in window if pk in loaded
    ]
    pages = max(1, math.ceil(total / page_size))
    result = SearchResult(params, total, hits, page, pages, words)
    if with_facets:
        from socioinfo.search.facets import facet_counts

        result.facets = facet_counts(params, at, ids)
    return result


def nearest_services(place: Place, limit: int = 5) -> list[Hit]:
    """Published services nearest to a place, whatever else was asked (for empty results).
    Looks in a growing box around the place so it stays fast on a large directory."""
    published = Service.objects.published().values("pk")
    for box in (0.02, 0.05, 0.15, 0.5, 5.0):
        rows = ServiceAtLocation.objects.filter(
            service_id__in=published,
            location__latitude__range=(place.latitude - box, place.latitude + box),
            location__longitude__range=(place.longitude - box * 1.5, place.longitude + box * 1.5),
        ).values_list("service_id", "location__latitude", "location__longitude")
        nearest: dict[Any, float] = {}
        for service_id, lat, lon in rows:
            d = distance_km(place.latitude, place.longitude, float(lat), float(lon))  # type: ignore[arg-type]
            nearest[service_id] = min(d, nearest.get(service_id, math.inf))
        if len(nearest) >= limit:
            break
    chosen = sorted(nearest, key=lambda pk: (nearest[pk], str(pk)))[:limit]
    services = Service.objects.in_bulk(chosen)
    return [Hit(services[pk], 0.0, nearest[pk]) for pk in chosen]
