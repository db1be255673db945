"""How central a canonical event is to the story: what the default timeline shows.

A timeline of every event word is a list to check by hand. Each canonical event gets a
**salience** in [0, 1], the weighted mean of five signs a news editor reads, each 0 or 1
(sources count by steps and twice: what several outlets report is what the story is about):

* **sources** — how many articles report it (1 → 0, 2 → 0.5, 3 or more → 1), weight 2;
* **prominence** — one of its mentions is in an article's headline or lead (its first three
  sentences);
* **typed** — it has a type of the typology, not ``other``;
* **dated by the text** — its date was read in the text, not taken from the publication day;
* **named participants** — an actor with a name (a person, organisation or country), not
  only a group ("les manifestants") or nobody.

multiplied by the decision model's mean **confidence** that its mentions name a happening
(:mod:`kg.extract.events.decision`). It is **salient** — shown by ``kg query timeline`` unless
``-p all=true`` — when it is dated and its salience reaches :data:`SHOW_AT`: one sign at a
confidence of 0.6 or more. The weights, the threshold and the use of the confidence were chosen on
the dev audits (the share of happenings among shown rows against the share of judged happenings
kept, French TimeBank's dev third and the dev news; ``docs/accuracy.md``). Nothing is removed:
every event stays in the graph with its salience.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["LEAD_SENTENCES", "SHOW_AT", "salience"]

LEAD_SENTENCES = 3  # headline and lead: the first sentences of an article
SHOW_AT = 0.1  # one sign at a confidence of 0.6 or more: chosen on the dev audits
SOURCES_WEIGHT = 2


def salience(mentions: Sequence, dated: bool) -> tuple[float, bool]:
    """(salience, salient) of a canonical event made of ``mentions`` (``EventMention``)."""
    articles = {m.article for m in mentions}
    sources = min(len(articles) - 1, 2) / 2
    prominence = float(any(m.sentence < LEAD_SENTENCES for m in mentions))
    typed = float(any(m.type != "other" for m in mentions))
    by_text = float(any(m.date and (m.date_source or "explicit") != "article" for m in mentions))
    named = float(any(not key.rsplit("/", 1)[-1].startswith("group-") for m in mentions for _, key in m.roles))
    confidence = sum(m.confidence for m in mentions) / len(mentions)
    signs = SOURCES_WEIGHT * sources + prominence + typed + by_text + named
    score = round(signs / (SOURCES_WEIGHT + 4) * confidence, 3)
    return score, dated and score >= SHOW_AT
