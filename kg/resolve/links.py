"""Links between canonical claims and events, computed once at build time, each with its basis.

* **answers-in-article** (contradiction): a denial answers the claim of another speaker that
  ends before it, in the same or the previous sentence of the same article ("Ils prétendent
  que … La Corée du Nord et la Russie nient ces allégations").
* **same-entities-and-topics** (contradiction): a denial and a claim of another speaker, in
  any articles, said at most :data:`DENIAL_WINDOW` days apart (a denial answers what is being
  said at its time), that share at least :data:`MIN_SHARED_TOPICS` topics and an entity — the
  claim names, inside what was said, the denial's speaker or an entity the denial names.
* **denies-event** (contradiction): a denial whose content reports an event that another
  speaker's claim reports too (the same canonical event, or its asserted counterpart).
* **shared-event** (corroboration): two claims of different speakers, neither a denial,
  whose contents report the same canonical event.
* **relay**: in one article, a claim whose content holds another claim whole ("selon les
  agences russes, Poutine a déclaré que …") relays it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.resolve.claims import ClaimCluster, speaker_key
from kg.resolve.dates import days, gap
from kg.resolve.mentions import ClaimMention

MIN_SHARED_TOPICS = 2
DENIAL_WINDOW = 31  # days


def _when(c: ClaimCluster) -> tuple[int, int] | None:
    """The days a claim was said (its first dated report), else when it was first published."""
    for m in c.mentions:
        if span := days(m.date) or days(m.published):
            return span
    return None


@dataclass(frozen=True)
class Link:
    relation: str  # "contradiction" or "corroboration"
    source: tuple[str, int]  # ("claim" | "event", cluster number): the denial / the supporting claim
    target: tuple[str, int]
    basis: str


def _speaker(m: ClaimMention) -> str:
    return speaker_key(m) if m.speaker or m.speaker_label else ""


def _different(a: ClaimMention, b: ClaimMention) -> bool:
    return bool(_speaker(a)) and bool(_speaker(b)) and _speaker(a) != _speaker(b)


def claim_links(claims: list[ClaimCluster], claim_of: dict[str, int], event_of_claim: dict[int, set[int]],
                counterpart: dict[int, set[int]], labels: dict[str, str],
                event_names: dict[int, str]) -> list[Link]:
    """Contradictions and corroborations between canonical claims (module docstring).

    ``claim_of``: claim mention IRI → cluster; ``event_of_claim``: claim cluster → the
    canonical events its contents report; ``counterpart``: event → events it contradicts."""
    out: dict[tuple, Link] = {}

    def add(relation: str, src: tuple[str, int], dst: tuple[str, int], basis: str) -> None:
        key = (relation, src, dst)
        if key not in out or basis < out[key].basis:
            out[key] = Link(relation, src, dst, basis)

    by_article: dict[str, list[ClaimMention]] = defaultdict(list)
    for c in claims:
        for m in c.mentions:
            by_article[m.article].append(m)
    denials = [i for i, c in enumerate(claims) if any(m.stance == "deny" for m in c.mentions)]
    for i in denials:
        for d in claims[i].mentions:
            for m in by_article[d.article]:
                j = claim_of[m.iri]
                if (j != i and m.stance != "deny" and _different(m, d) and m.content_end <= d.content_start
                        and 0 <= d.sentence - m.sentence <= 1):
                    add("contradiction", ("claim", i), ("claim", j), "answers the claim before it in the same article")
    # claims naming an entity, for the cross-article rule
    naming: dict[str, set[int]] = defaultdict(set)
    for j, c in enumerate(claims):
        for m in c.mentions:
            for e in m.named:
                naming[e].add(j)
    when = {j: _when(c) for j, c in enumerate(claims)}
    for i in denials:
        d_topics = set().union(*(m.topics for m in claims[i].mentions))
        d_entities = set().union(*(m.named | ({m.speaker} if m.speaker else set()) for m in claims[i].mentions))
        for e in sorted(d_entities):
            for j in sorted(naming.get(e, ())):
                c = claims[j]
                if j == i or all(m.stance == "deny" for m in c.mentions):
                    continue
                if not _different(c.mentions[0], claims[i].mentions[0]):
                    continue
                a, b = when[i], when[j]
                if a is None or b is None or gap(a, b) > DENIAL_WINDOW:
                    continue
                topics = d_topics & set().union(*(m.topics for m in c.mentions))
                if len(topics) >= MIN_SHARED_TOPICS:
                    names = ", ".join(sorted(t.rsplit("/", 1)[-1] for t in topics))
                    add("contradiction", ("claim", i), ("claim", j),
                        f"same entities ({labels.get(e, e)}) and topics ({names})")
    # claims reporting the same event
    reporting: dict[int, set[int]] = defaultdict(set)
    for j, events in event_of_claim.items():
        for ev in events:
            reporting[ev].add(j)
    for ev, js in reporting.items():
        for i in sorted(js):
            for j in sorted(js):
                if i >= j or not _different(claims[i].mentions[0], claims[j].mentions[0]):
                    continue
                deny_i = any(m.stance == "deny" for m in claims[i].mentions)
                deny_j = any(m.stance == "deny" for m in claims[j].mentions)
                if deny_i == deny_j:
                    add("corroboration", ("claim", j), ("claim", i), f"shared event: {event_names.get(ev, ev)}")
                else:
                    d, c = (i, j) if deny_i else (j, i)
                    add("contradiction", ("claim", d), ("claim", c), f"denies the event the claim reports: {event_names.get(ev, ev)}")
    for i in denials:
        for ev in event_of_claim.get(i, ()):
            for other in counterpart.get(ev, ()):
                for j in sorted(reporting.get(other, ())):
                    if j != i and _different(claims[i].mentions[0], claims[j].mentions[0]):
                        add("contradiction", ("claim", i), ("claim", j), f"denies the event the claim reports: {event_names.get(other, other)}")
    return sorted(out.values(), key=lambda link: (link.relation, link.source, link.target))


def relays(claims: list[ClaimCluster]) -> list[tuple[str, str]]:
    """(relayed mention, relaying mention) pairs: one claim's content holds the other whole."""
    by_article: dict[str, list[ClaimMention]] = defaultdict(list)
    for c in claims:
        for m in c.mentions:
            by_article[m.article].append(m)
    out = []
    for ms in by_article.values():
        for outer in ms:
            for inner in ms:
                if inner is not outer and outer.content_start <= inner.start and inner.end <= outer.content_end:
                    out.append((inner.iri, outer.iri))
    return sorted(out)
