"""Issue 12: the same speaker saying the same thing, quoted by several outlets, is one claim."""

from __future__ import annotations

from kg.resolve.claims import cluster_claims, compatible, representative

E = "https://kg.example.org/entity/"
QUOTE = ("Nous apprécions beaucoup votre soutien systématique et permanent à la politique russe, "
         "y compris en ce qui concerne l'Ukraine")


def claim(text, article="a.txt", speaker="vladimir-poutine", label="Vladimir Poutine", date="2024-06-19", start=0,
          stance="assert"):
    from kg.resolve.mentions import ClaimMention

    return ClaimMention(f"https://kg.example.org/article/{article}#claim-{start}", f"https://kg.example.org/article/{article}",
                        "2024-06-19", text, E + speaker if speaker else None, label, stance, "direct", date, 0,
                        start, start + len(text), start, start + len(text))


def test_cuts_and_rewordings_between_outlets_are_one_claim():
    cut = "Nous apprécions beaucoup votre soutien systématique et permanent à la politique russe"
    reworded = "nous apprécions grandement votre soutien systématique et permanent à la politique russe, y compris sur l'Ukraine"
    assert compatible(claim(QUOTE), claim(cut, "b.txt"))
    assert compatible(claim(QUOTE), claim(reworded, "c.txt"))
    clusters = cluster_claims([claim(QUOTE), claim(cut, "b.txt"), claim(reworded, "c.txt")])
    assert len(clusters) == 1 and len(clusters[0].mentions) == 3
    assert representative(clusters[0]).text == QUOTE  # the longest: the one cut least


def test_another_speaker_or_another_statement_is_another_claim():
    assert not compatible(claim(QUOTE), claim(QUOTE, "b.txt", speaker="kim-jong-un", label="Kim Jong-un"))
    other = "Nous développerons des mécanismes alternatifs de commerce et de règlements mutuels"
    assert not compatible(claim(QUOTE), claim(other, "b.txt"))


def test_short_answers_never_merge_on_a_few_words():
    assert not compatible(claim("nous verrons"), claim("nous verrons bien demain", "b.txt"))
    assert compatible(claim("Non."), claim("non", "b.txt"))  # the same words, exactly


def test_the_same_words_months_apart_are_two_statements():
    assert not compatible(claim(QUOTE, date="2024-06-19"), claim(QUOTE, "b.txt", date="2023-09-13"))
    assert compatible(claim(QUOTE, date="2024-06-19"), claim(QUOTE, "b.txt", date=None))


def test_unresolved_speakers_match_by_name_and_anonymous_claims_stay_in_their_article():
    a = claim(QUOTE, speaker=None, label="Le porte-parole")
    assert compatible(a, claim(QUOTE, "b.txt", speaker=None, label="le Porte-parole"))
    anonymous = claim(QUOTE, speaker=None, label="")
    assert not compatible(anonymous, claim(QUOTE, "b.txt", speaker=None, label=""))
    assert compatible(anonymous, claim(QUOTE, "a.txt", speaker=None, label="", start=500))
