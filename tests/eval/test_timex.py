"""TempEval-3 style scoring of TIMEX3s: strict, relaxed, value and type."""

from kg.eval.timeml import GoldTimex, TimemlDoc
from kg.eval.timex import score_document
from kg.records import TimeExpr

TEXT = "Lundi, il a parlé pendant trois heures. Le 3 mai 2021 à 22 h, rien."


def gold(text, type_, value):
    start = TEXT.index(text)
    return GoldTimex(start, start + len(text), text, type_, value)


def system(text, type_, value):
    start = TEXT.index(text)
    return TimeExpr(start, start + len(text), text, type_, value, rule="test")


DOC = TimemlDoc("d", TEXT, "2021-05-05", (
    gold("Lundi", "DATE", "2021-05-03"),
    gold("trois heures", "DURATION", "PT3H"),
    gold("Le 3 mai 2021", "DATE", "2021-05-03"),
    gold("22 h", "TIME", "2021-05-03T22:00"),
))


def test_exact_overlap_miss_and_false_alarm_are_told_apart():
    sys_ = [
        system("Lundi", "DATE", "2021-05-03"),  # exact, right value
        system("heures", "DURATION", "PT3H"),  # overlap only
        system("3 mai 2021", "DATE", "2021-05-04"),  # overlap, wrong value
        system("rien", "DATE", "PRESENT_REF"),  # false alarm
    ]  # "22 h" missed
    tallies, errors = score_document(DOC, sys_)
    total = {k: sum(getattr(t, k) for t in tallies.values()) for k in ("gold", "system", "strict_p", "strict_r",
                                                                       "relaxed_p", "relaxed_r", "value_ok")}
    assert total == {"gold": 4, "system": 4, "strict_p": 1, "strict_r": 1, "relaxed_p": 3, "relaxed_r": 3,
                     "value_ok": 2}
    kinds = sorted(e.kind for e in errors)
    assert kinds == ["FALSE", "MISS", "SPAN", "SPAN", "VALUE"]
    miss = next(e for e in errors if e.kind == "MISS")
    assert "'22 h' TIME:2021-05-03T22:00" in str(miss)


def test_type_is_scored_on_relaxed_matches():
    tallies, errors = score_document(DOC, [system("22 h", "DATE", "2021-05-03T22:00")])
    assert tallies["TIME"].relaxed_r == 1 and tallies["TIME"].type_ok == 0
    assert tallies["DATE"].system == 1 and tallies["DATE"].relaxed_p == 1
    assert [e.kind for e in errors if e.kind == "TYPE"] == ["TYPE"]


def test_prf_of_a_perfect_run_is_one():
    from kg.eval.timex import Tally

    sys_ = [system(g.text, g.type, g.value) for g in DOC.timexes]
    tallies, errors = score_document(DOC, sys_)
    total = Tally()
    for t in tallies.values():
        total.add(t)
    assert errors == []
    assert (total.strict.f1, total.relaxed.f1, total.value.f1, total.type.f1) == (1.0, 1.0, 1.0, 1.0)
