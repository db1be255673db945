"""Canonical events: event mentions that report the same happening become one cluster.

Two mentions may report the same happening when every rule below holds (each is named, and
the basis of every merge is kept in the graph as ``kg:mergeBasis``):

* **same-kind**: the same event type; for the open type ``other``, the same trigger lemma;
* **same-reality**: the same class of modality — happened (asserted, reported), prospective
  (planned, possible, cancelled) or negated. A planned visit and the visit that happened are
  two canonical events, linked by ``kg:realises`` (:func:`realisations`), never one fact;
* **no-conflicting-participant**: when both name agents, they share one; the same for
  patients, recipients and other participants (two arrests of different people are two
  arrests; a talk with a governor and a summit with Kim Jong-un are two meetings);
* **compatible-place**: when both name a place, it is the same place or one lies in the
  other ("Pyongyang" in "Corée du Nord", from the knowledge base's country);
* **compatible-date**: dates at their granularity overlap, or two days differ by at most
  :data:`DAY_TOLERANCE` (an outlet writing "mercredi 18 juin" for the 19th is a variant of the
  source; strikes six days apart are two strikes); a date taken from a publication day
  allows :data:`ARTICLE_TOLERANCE`. An undated mention (a background event) only matches
  mentions of its own article, or dated within :data:`ARTICLE_TOLERANCE` of its publication;
* **shared-evidence**: the two share at least one actor or their (compatible) place.
* **definite-reference**: a mention with no actor and no place of its own (*la rencontre*, *le
  sommet*, *la grève*) has no evidence to share; it joins the one cluster of its kind and reality
  that its own article reports with participants, when nothing conflicts — a bare definite noun
  refers back to the happening its article is about (:func:`_attach_bare`). With two such
  clusters in its article it stays apart.

A mention joins a cluster when nothing conflicts with any of its mentions (complete link) and it
shares evidence with at least one of them. Clustering is greedy over the mentions in a canonical order (most precise
date first, then article and offset), so the clusters are a function of the set of mentions:
an incremental build and a rebuild from scratch give the same ones. Candidate clusters are
found through blocking keys — (kind, reality, actor or place, time bucket: :func:`_buckets`) —
so the cost of a mention is bounded by the clusters near it in time that share a participant
with it, not by the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from kg.resolve.dates import days, gap, precision
from kg.resolve.mentions import Cluster, EventMention

DAY_TOLERANCE = 1
ARTICLE_TOLERANCE = 2
REALITY = {"asserted": "happened", "reported": "happened", "planned": "prospective",
           "possible": "prospective", "cancelled": "prospective", "negated": "negated"}
_TEXT_SOURCES = {"explicit", "sentence", "context"}


EventCluster = Cluster  # of EventMentions


def kind(m: EventMention) -> tuple[str, str]:
    return m.type, m.lemma if m.type == "other" else ""


def _date(m: EventMention) -> tuple[tuple[int, int] | None, int]:
    """A mention's day interval and its tolerance in days."""
    span = days(m.date)
    if span is None:
        return None, 0
    return span, ARTICLE_TOLERANCE if m.date_source not in _TEXT_SOURCES else DAY_TOLERANCE


class _Places:
    def __init__(self, within: dict[str, set[str]]):
        self.within = within

    def compatible(self, a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b or b in self.within.get(a, ()) or a in self.within.get(b, ())


def compatible(a: EventMention, b: EventMention, places: _Places, evidence: bool = True) -> str | None:
    """The basis on which ``a`` and ``b`` may report one happening, or None (module rules);
    ``evidence=False`` checks only that nothing conflicts (no shared-evidence rule)."""
    if kind(a) != kind(b) or REALITY.get(a.modality) != REALITY.get(b.modality):
        return None
    for role in ("agent", "patient", "recipient", "participant"):
        x, y = a.actors(role), b.actors(role)
        if x and y and not x & y:
            return None
    if not places.compatible(a.place, b.place):
        return None
    (da, ta), (db, tb) = _date(a), _date(b)
    if da and db:
        distance, both_days = gap(da, db), precision(a.date) == precision(b.date) == 3
        if distance > (max(ta, tb) if both_days else 0):
            return None
        when = f"dates {distance} day apart" if distance else "same day" if both_days else "overlapping dates"
    elif a.article == b.article:
        when = "same article"
    else:
        dated, undated = (a, b) if da else (b, a)
        span, pub = _date(dated)[0], days(undated.published)
        if span is None or pub is None or gap(span, pub) > ARTICLE_TOLERANCE:
            return None
        when = "dated near the undated report's publication"
    shared = sorted(a.actors() & b.actors())
    if a.place and b.place:
        shared.append(f"place {min(a.place, b.place)}")
    if not shared:
        return None if evidence else f"same kind, {when}"
    who = ", ".join(("place " if s.startswith("place ") else "") + s.rsplit("/", 1)[-1] for s in shared)
    return f"same kind, shared {who}, {when}"


def _order(m: EventMention) -> tuple:
    span = days(m.date)
    return (-precision(m.date), m.date_source not in _TEXT_SOURCES, span or (0, 0), m.article, m.start, m.iri)


def _buckets(m: EventMention) -> tuple[list, list]:
    """(where the mention is indexed, where its candidates are looked up): time buckets that
    keep clustering local in time. A day-dated mention sits in its week and meets the weeks
    next to it, its month and its article; a month-dated one sits in its month and meets the
    weeks of that month; an undated or year-dated one sits in its article and meets the weeks
    around its publication (news of its day)."""
    span, pub = days(m.date), days(m.published)
    article = ("article", m.article)
    if span and span[0] == span[1]:
        week = span[0] // 7
        month = ("month", m.date[:7])
        return [week, month, article], [week - 1, week, week + 1, month, article]
    if span and span[1] - span[0] < 32:
        month = ("month", m.date[:7])
        weeks = list(range(span[0] // 7, span[1] // 7 + 1))
        return [month, article], [*weeks, month, article]
    near = [pub[0] // 7 - 1, pub[0] // 7, pub[0] // 7 + 1] if pub else []
    return [article], [*near, article]


def _participants(m: EventMention) -> list[str]:
    return sorted(m.actors() | ({m.place} if m.place else set()))


def cluster_events(mentions: list[EventMention], within: dict[str, set[str]]) -> list[EventCluster]:
    """The canonical clusters of ``mentions`` (rules in the module docstring).

    Blocking: a mention meets the clusters that share its kind, reality and a participant, in
    the time buckets of :func:`_buckets` — so the cost of a mention is bounded by the clusters
    near it in time that share a participant, not by the corpus."""
    places = _Places(within)
    clusters: list[EventCluster] = []
    index: dict[tuple, list[int]] = defaultdict(list)  # (kind, reality, participant, bucket) → clusters
    for m in sorted(mentions, key=_order):
        block = (kind(m), REALITY.get(m.modality))
        sits, meets = _buckets(m)
        keys = [(block, x) for x in _participants(m)]
        candidates = sorted({i for key in keys for b in meets for i in index.get((*key, b), ())})
        best, best_score, best_basis = None, None, None
        for i in candidates:
            members = clusters[i].mentions
            if any(compatible(m, other, places, evidence=False) is None for other in members):
                continue
            bases = [b for other in members if (b := compatible(m, other, places))]
            if not bases:
                continue
            score = (sum(len(m.actors() & o.actors()) for o in clusters[i].mentions), -i)
            if best_score is None or score > best_score:
                best, best_score, best_basis = i, score, bases[0]
        if best is None:
            clusters.append(EventCluster([m]))
            best = len(clusters) - 1
        else:
            clusters[best].mentions.append(m)
            clusters[best].basis.add(best_basis)
        for key in keys:
            for b in sits:
                if best not in index[(*key, b)]:
                    index[(*key, b)].append(best)
    return _attach_bare(_merge_pass(clusters, index, places), places)


def _bare(c: EventCluster) -> bool:
    return all(not m.roles and not m.place for m in c.mentions)


def _attach_bare(clusters: list[EventCluster], places: _Places) -> list[EventCluster]:
    """Merge each cluster of bare mentions (no actor, no place) into the only cluster of its kind and
    reality with participants that its article also reports (the definite-reference rule)."""
    by_article: dict[tuple, list[int]] = defaultdict(list)  # (kind, reality, article) → clusters with participants
    for i, c in enumerate(clusters):
        if not _bare(c):
            for m in c.mentions:
                key = (kind(m), REALITY.get(m.modality), m.article)
                if i not in by_article[key]:
                    by_article[key].append(i)
    gone: set[int] = set()
    for i, c in enumerate(clusters):
        if not _bare(c):
            continue
        targets = {j for m in c.mentions for j in by_article.get((kind(m), REALITY.get(m.modality), m.article), ())}
        if len(targets) != 1:
            continue
        (j,) = targets
        if any(compatible(x, y, places, evidence=False) is None for x in c.mentions for y in clusters[j].mentions):
            continue
        clusters[j].mentions.extend(c.mentions)
        clusters[j].basis.add("same kind, same article, a bare definite mention (definite reference)")
        gone.add(i)
    return [c for i, c in enumerate(clusters) if i not in gone]


def _mergeable(a: EventCluster, b: EventCluster, places: _Places) -> str | None:
    if any(compatible(x, y, places, evidence=False) is None for x in a.mentions for y in b.mentions):
        return None
    return next((basis for x in a.mentions for y in b.mentions if (basis := compatible(x, y, places))), None)


def _merge_pass(clusters: list[EventCluster], index: dict[tuple, list[int]], places: _Places) -> list[EventCluster]:
    """Merge clusters that the greedy pass left apart although nothing conflicts between them
    (a mention without actors seen before the mention that links it to the rest)."""
    alive = [True] * len(clusters)
    keys_of: dict[int, list[tuple]] = defaultdict(list)
    for key, members in index.items():
        for i in members:
            keys_of[i].append(key)
    for key in sorted(index, key=str):
        members = [i for i in index[key] if alive[i]]
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if alive[i] and alive[j] and (basis := _mergeable(clusters[i], clusters[j], places)):
                    clusters[i].mentions.extend(clusters[j].mentions)
                    clusters[i].basis |= clusters[j].basis | {basis}
                    alive[j] = False
                    for other in keys_of[j]:  # i now stands for j under j's keys
                        if i not in index[other]:
                            index[other].append(i)
                            keys_of[i].append(other)
    return [c for c, keep in zip(clusters, alive, strict=True) if keep]


def realisations(clusters: list[EventCluster], within: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    """(happened, other, relation) pairs of clusters of the same kind whose mentions would be
    compatible but for their reality: ``realises`` links a happened event to the planned one,
    ``contradicts`` a happened event to its negation. Candidates share a participant and a
    time bucket (:func:`_buckets`)."""
    places = _Places(within)
    index: dict[tuple, set[int]] = defaultdict(set)
    for i, c in enumerate(clusters):
        if REALITY.get(c.mentions[0].modality) == "happened":
            for m in c.mentions:
                for x in _participants(m):
                    for b in _buckets(m)[0]:
                        index[(kind(m), x, b)].add(i)
    out = []
    for o, c in enumerate(clusters):
        reality = REALITY.get(c.mentions[0].modality)
        if reality == "happened":
            continue
        candidates = {h for m in c.mentions for x in _participants(m) for b in _buckets(m)[1]
                      for h in index.get((kind(m), x, b), ())}
        for h in sorted(candidates):
            if _any_match(clusters[h], c, places):
                out.append((h, o, "realises" if reality == "prospective" else "contradicts"))
    return out


def _any_match(h: EventCluster, o: EventCluster, places: _Places) -> bool:
    return any(compatible(a, replace(b, modality=a.modality), places) for a in h.mentions for b in o.mentions)
