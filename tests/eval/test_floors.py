"""Accuracy floors: a later change may not quietly lose what issue 5 measured.

Each floor is the score measured when it was set, rounded down to two decimals
(docs/accuracy.md has the exact figures). Raise a floor when a change raises its
score; never lower one without saying why in the commit.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA, TIMEBANK

TIMEX_FLOORS = {
    "french-timebank": {"strict_f1": 0.97, "relaxed_f1": 0.98, "value_f1": 0.92, "type_f1": 0.96},
    "timex-heldout": {"strict_f1": 0.99, "relaxed_f1": 0.99, "value_f1": 0.96, "type_f1": 0.99},
}
CLAIM_FLOORS = {
    "seeds.jsonl": {"content_f1": 0.94, "speaker_accuracy": 1.00, "cue_accuracy": 0.97},
    "written.jsonl": {"content_f1": 0.99, "speaker_accuracy": 0.98, "cue_accuracy": 0.98},
    # issue 13 traded one speaker of this written set (0.951 → 0.944) for real-text recall
    "heldout.jsonl": {"content_f1": 0.90, "speaker_accuracy": 0.94, "cue_accuracy": 0.96},
    # French TimeBank text, blind annotators (issue 13); read from ../shared, skipped when absent
    "ftb-dev.jsonl": {"content_f1": 0.80, "content_p": 0.95, "joint_recall": 0.58, "speaker_accuracy": 0.84},
    "ftb-heldout.jsonl": {"content_f1": 0.70, "content_p": 0.94, "joint_recall": 0.53, "speaker_accuracy": 0.94},
}


@pytest.fixture(scope="module", params=sorted(TIMEX_FLOORS))
def timex_scores(request, pipeline):
    from kg.eval.timex import evaluate_timexes

    path = TIMEBANK if request.param == "french-timebank" else DATA / request.param
    if not path.is_dir():
        pytest.skip(f"{path} not found: French TimeBank is read from ../shared, never copied")
    return request.param, evaluate_timexes(path, pipeline).scores()


@pytest.fixture(scope="module", params=sorted(CLAIM_FLOORS))
def claim_scores(request, pipeline):
    from kg.eval.claims import evaluate_claims

    if request.param.startswith("ftb-") and not TIMEBANK.is_dir():
        pytest.skip(f"{TIMEBANK} not found: French TimeBank is read from ../shared, never copied")
    return request.param, evaluate_claims(DATA / "claims" / request.param, pipeline).scores()


def test_dates_stay_above_their_floors(timex_scores):
    corpus, scores = timex_scores
    below = {k: (scores[k], floor) for k, floor in TIMEX_FLOORS[corpus].items() if scores[k] < floor}
    assert not below, f"{corpus}: below floor (score, floor): {below}"


def test_claims_stay_above_their_floors(claim_scores):
    gold, scores = claim_scores
    below = {k: (scores[k], floor) for k, floor in CLAIM_FLOORS[gold].items() if scores[k] < floor}
    assert not below, f"{gold}: below floor (score, floor): {below}"


def test_issue_targets_hold_on_the_unseen_sets(timex_scores, claim_scores):
    """Issue 5's targets (strict ≥ .88, relaxed ≥ .93, value ≥ .80; speaker ≥ .90, content ≥ .88)."""
    from kg.eval.report import TARGETS

    _, t = timex_scores
    gold, c = claim_scores
    if gold.startswith("ftb-"):
        pytest.skip("issue 5's targets were set for the written sets; the real-text sets of issue 13 "
                    "miss issue 13's targets and are held by their floors")
    for name in ("strict_f1", "relaxed_f1", "value_f1"):
        assert t[name] >= TARGETS[name], name
    for name in ("speaker_accuracy", "content_f1"):
        assert c[name] >= TARGETS[name], name


# Issue 11: events. French TimeBank's development two thirds and kg's event gold (dev and the frozen
# held-out set). Each floor is the measured score rounded down to two decimals.
EVENT_FLOORS = {
    # issue 21 traded recall for precision: purposes, states and habits are no longer events
    # (found 0.50 → 0.46 on dev, 0.43 → 0.40 on held-out; TLINK-dated events reported 0.58 → 0.53 and
    # 0.52 → 0.50; past events no longer planned: unreal not asserted 0.85 → 0.84 on held-out)
    "French TimeBank events: dev": {
        "anchored_reported": 0.58, "anchored_date_right": 0.80, "event_precision": 0.91, "modality_accuracy": 0.81},
    # held-out date right 0.93 → 0.89 (branch dates): the cited- and planned-event rules leave undated one
    # more held-out TLINK-dated event (26/29); held-out errors are not read, so it stays as it came
    "French TimeBank events: held-out": {"anchored_reported": 0.52, "anchored_date_right": 0.89},
    "events gold: dev": {"found": 0.47, "typed": 0.31, "typed_dated": 0.14, "happened_asserted": 0.95},
    "events gold: heldout": {"found": 0.41, "typed": 0.29, "typed_dated": 0.17, "unreal_not_asserted": 0.84,
                             "happened_asserted": 0.95},  # 0.976 → 0.952: one more event found, reported
    # Issue 21: blind audits of timeline rows, replayed (kg.eval.audit). The dev judgments are also
    # training data of the decision model: in-sample. The held-out judgments are read for scores only.
    "timeline audit: ftb-dev": {"happenings": 0.93, "all_right": 0.33, "non_events_gone": 0.84, "events_kept": 0.92},
    "timeline audit: ftb-heldout": {"happenings": 0.80, "all_right": 0.36, "non_events_gone": 0.62,
                                    "events_kept": 0.84},
    # a fresh sample of the timeline of issue 21 (dc7f680), judged at first sight (0.958, 0.458, 1.0);
    # after the motion-purpose, gerund and apposition rules: 0.957, 0.478, 0.957 (errors not read)
    "timeline audit: ftb-heldout-fresh": {"happenings": 0.95, "all_right": 0.47, "events_kept": 0.95},
}


@pytest.fixture(scope="module")
def event_scores(pipeline):
    from kg.eval.events_run import event_reports

    if not TIMEBANK.is_dir():
        pytest.skip(f"{TIMEBANK} not found: French TimeBank is read from ../shared, never copied")
    return {name: r.scores() for name, r in event_reports(TIMEBANK, (), pipeline).items()}


def test_events_stay_above_their_floors(event_scores):
    below = {(corpus, k): (event_scores[corpus][k], floor)
             for corpus, floors in EVENT_FLOORS.items() for k, floor in floors.items()
             if event_scores[corpus][k] < floor}
    assert not below, f"below floor (score, floor): {below}"


def test_events_are_scored_on_every_set(event_scores):
    assert set(event_scores) == {"French TimeBank events: dev", "French TimeBank events: held-out",
                                 "events gold: dev", "events gold: heldout",
                                 "timeline audit: ftb-dev", "timeline audit: ftb-heldout",
                                 "timeline audit: ftb-heldout-fresh"}
