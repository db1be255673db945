"""Issue 12: the rules that decide whether two event mentions report one happening."""

from __future__ import annotations

from dataclasses import replace

from kg.resolve.events import _Places, cluster_events, compatible, realisations

E = "https://kg.example.org/entity/"
PLACES = _Places({E + "pyongyang": {E + "coree-du-nord"}, E + "kiev": {E + "ukraine"}})
WITHIN = PLACES.within


def mention(article="a.txt", start=0, type="travel", date="2024-06-19", source="explicit", modality="asserted",
            agents=("vladimir-poutine",), place="pyongyang", published="2024-06-19", lemma="", **roles):
    from kg.resolve.mentions import EventMention

    pairs = [("agent", E + a) for a in agents] + [(r, E + k) for r, ks in roles.items() for k in ks]
    return EventMention(f"https://kg.example.org/article/{article}#event-{start}", f"https://kg.example.org/article/{article}",
                        published, type, lemma, "t", modality, date, source, 0, start, tuple(sorted(pairs)),
                        E + place if place else None)


def test_same_happening_in_two_outlets_merges():
    assert compatible(mention("a.txt"), mention("b.txt", place="coree-du-nord"), PLACES)  # Pyongyang lies in it
    assert compatible(mention("a.txt"), mention("b.txt", place=None), PLACES)


def test_a_one_day_variant_of_the_date_is_one_event_six_days_are_two():
    assert compatible(mention(date="2024-06-19"), mention("b.txt", date="2024-06-18"), PLACES)
    assert compatible(mention(date="2024-06-19"), mention("b.txt", date="2024-06"), PLACES)  # month covers the day
    assert not compatible(mention(date="2024-06-19"), mention("b.txt", date="2024-06-13"), PLACES)
    assert not compatible(mention(date="2024-06-19"), mention("b.txt", date="2023-09"), PLACES)


def test_two_strikes_on_one_city_a_week_apart_stay_two():
    strike = dict(type="attack", agents=("russie",), place="kiev")
    one = mention("lemonde.txt", date="2024-07-08", **strike)
    other = mention("figaro.txt", date="2024-07-14", published="2024-07-14", **strike)
    same_as_one = mention("liberation.txt", date="2024-07-08", published="2024-07-09", **strike)
    clusters = cluster_events([one, other, same_as_one], WITHIN)
    assert sorted(len(c.mentions) for c in clusters) == [1, 2]


def test_different_agents_patients_or_other_sides_are_different_happenings():
    assert not compatible(mention(agents=("vladimir-poutine",)), mention("b.txt", agents=("kim-jong-un",)), PLACES)
    arrest = dict(type="arrest", agents=("police",), place=None)
    assert not compatible(mention(patient=("x",), **arrest), mention("b.txt", patient=("y",), **arrest), PLACES)
    talk = dict(type="meeting", place=None)
    assert not compatible(mention(participant=("aissen-nikolaiev",), **talk),
                          mention("b.txt", participant=("kim-jong-un",), **talk), PLACES)
    assert compatible(mention(participant=("kim-jong-un",), **talk), mention("b.txt", **talk), PLACES)


def test_type_place_and_lemma_must_agree():
    assert not compatible(mention(type="travel"), mention("b.txt", type="meeting"), PLACES)
    assert not compatible(mention(place="pyongyang"), mention("b.txt", place="kiev"), PLACES)
    assert not compatible(mention(type="other", lemma="signer"), mention("b.txt", type="other", lemma="lancer"), PLACES)


def test_shared_evidence_is_needed():
    assert not compatible(mention(agents=(), place=None), mention("b.txt", agents=(), place=None), PLACES)


def test_undated_mentions_match_their_article_or_news_of_their_day():
    undated = mention("a.txt", start=5, date=None, source=None)
    assert compatible(undated, mention("a.txt", date="2019-04-25"), PLACES)  # same article
    assert compatible(undated, mention("b.txt", date="2024-06-18"), PLACES)  # near its publication
    assert not compatible(undated, mention("b.txt", date="2019-04-25"), PLACES)  # a background event


def test_planned_and_happened_are_linked_not_merged():
    planned = mention("a.txt", modality="planned", published="2024-06-17")
    happened = mention("b.txt")
    negated = mention("c.txt", modality="negated")
    clusters = cluster_events([planned, happened, negated], WITHIN)
    assert len(clusters) == 3
    links = {(clusters[h].mentions[0].modality, clusters[o].mentions[0].modality, rel)
             for h, o, rel in realisations(clusters, WITHIN)}
    assert links == {("asserted", "planned", "realises"), ("asserted", "negated", "contradicts")}


def test_clusters_do_not_depend_on_input_order():
    ms = [mention("a.txt"), mention("b.txt", date="2024-06-18"), mention("c.txt", date="2024-06-20"),
          mention("d.txt", date="2024-06", place=None), mention("e.txt", date="2024-06-25")]
    def shape(clusters):
        return sorted(sorted(m.iri for m in c.mentions) for c in clusters)
    assert shape(cluster_events(ms, WITHIN)) == shape(cluster_events(list(reversed(ms)), WITHIN))
    # complete link: 18 and 20 June are each one day from the 19th, but two days from each other
    assert len(cluster_events(ms, WITHIN)) >= 2
    assert replace(ms[0], start=1) != ms[0]
