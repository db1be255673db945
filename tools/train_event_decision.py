"""Train the event decision model (``kg/resources/events/decision_model.json``).

    python tools/train_event_decision.py [--news DIR] [--check]

Examples are kg's own event candidates (what the extractor would keep without a model) on text
no held-out score is read from:

* **French TimeBank**, the dev and middle thirds (``kg.eval.corpora.timebank_splits``; the
  held-out third is never read here): a candidate whose trigger is a TimeML EVENT of class
  OCCURRENCE, ASPECTUAL, I_ACTION, PERCEPTION, CAUSE or EVENT_CONTAINER is a happening; one on a
  STATE, I_STATE, MODAL or REPORTING event, or on no EVENT, is not;
* **judged timeline rows** of the dev audits (``tests/data/events-audit/*dev*.jsonl``): a judge's
  ``happening`` verdict overrides the TimeBank label of the candidates its row was made from.
  News texts are third-party and not in the repository; ``--news DIR`` adds the judged rows of
  ``news-dev.jsonl`` when their texts are at hand.

A logistic regression (scikit-learn, L2) over :func:`kg.extract.events.decision.features`; the
threshold is the highest that keeps 97 % of the happenings in 5-fold cross-validation by
document, so the model removes what it is sure of. ``--check`` trains and compares with the
stored model instead of writing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from kg.eval.audit import read_judgments
from kg.eval.corpora import timebank_dir, timebank_splits
from kg.eval.timeml import read_timeml
from kg.extract.events.decision import Decision, features, rule_of
from kg.ingest import text_article
from kg.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "kg" / "resources" / "events" / "decision_model.json"
AUDITS = ROOT / "tests" / "data" / "events-audit"
HAPPENING = {"OCCURRENCE", "ASPECTUAL", "I_ACTION", "PERCEPTION", "CAUSE", "EVENT_CONTAINER"}
KEEP_RECALL = 0.97


def candidates(pipeline: Pipeline, name: str, text: str, published: str | None):
    """(trigger start, trigger end, features) of every candidate the extractor decides on (those a
    rule of French does not already refuse), extracted as ``kg build`` extracts."""
    out = []

    def record(cand, ctx):
        if rule_of(cand) is None:
            end = cand.tokens[-1].idx + len(cand.tokens[-1].text)
            out.append((cand.head.idx, end, features(cand, ctx)))
        return Decision(False, 0.0, "training")

    pipeline.extract(text_article(text, name, published), decider=record)
    return out


def examples(news: Path | None):
    pipeline = Pipeline()
    judged = {}
    for path in sorted(AUDITS.glob("*dev*.jsonl")):
        if path.name.startswith("news") and news is None:
            continue
        for j in read_judgments(path):
            for file, b, e in j.mentions:
                judged[(file, b, e)] = j.happening
    files = sorted(timebank_dir().rglob("*.tml"))
    split = timebank_splits([f.stem for f in files])
    docs = []
    for f in files:
        if split[f.stem] == "heldout":
            continue
        d = read_timeml(f)
        gold = [(e.start, e.end, e.cls) for e in d.events]
        docs.append((f"{d.name}.txt", d.text, d.dct[:10] if d.dct else None, gold))
    if news is not None:
        for p in sorted(news.glob("*.txt")):
            if any(k[0] == p.name for k in judged):
                meta = json.loads(p.with_name(p.stem + ".meta.json").read_text())
                docs.append((p.name, p.read_text(encoding="utf-8"), meta["published"], None))
    X, y, groups, sources = [], [], [], Counter()
    for name, text, published, gold in docs:
        for b, e, feats in candidates(pipeline, name, text, published):
            label, source = None, None
            if (name, b, e) in judged:
                label, source = judged[(name, b, e)], "judged"
            elif gold is not None:
                classes = {c for s, t, c in gold if s < e and b < t}
                label, source = bool(classes & HAPPENING), "timebank"
            if label is None:
                continue
            X.append(feats)
            y.append(int(label))
            groups.append(name)
            sources[source, label] += 1
    return X, y, groups, sources


def train(X, y, groups):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    def fit(rows, labels):
        vec = DictVectorizer()
        model = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
        model.fit(vec.fit_transform(rows), labels)
        return vec, model

    probs = [0.0] * len(y)
    for train_i, test_i in GroupKFold(n_splits=5).split(X, y, groups):
        vec, model = fit([X[i] for i in train_i], [y[i] for i in train_i])
        for i, p in zip(test_i, model.predict_proba(vec.transform([X[i] for i in test_i]))[:, 1]):
            probs[i] = p
    positives = sorted(p for p, label in zip(probs, y) if label)
    threshold = positives[int((1 - KEEP_RECALL) * len(positives))] if positives else 0.5
    kept = [label for p, label in zip(probs, y) if p >= threshold]
    cv = {"threshold": round(threshold, 3), "happenings kept": round(sum(kept) / max(sum(y), 1), 3),
          "precision kept": round(sum(kept) / max(len(kept), 1), 3),
          "precision before": round(sum(y) / max(len(y), 1), 3),
          "non-happenings removed": round(1 - (len(kept) - sum(kept)) / max(len(y) - sum(y), 1), 3)}
    vec, model = fit(X, y)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])
               if abs(w) >= 1e-4}
    return weights, round(float(model.intercept_[0]), 4), round(threshold, 3), cv


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=Path, help="folder of the judged news articles (NNN.txt + NNN.meta.json)")
    ap.add_argument("--check", action="store_true", help="compare with the stored model, write nothing")
    args = ap.parse_args()
    X, y, groups, sources = examples(args.news)
    weights, bias, threshold, cv = train(X, y, groups)
    data = {
        "name": "event-decision",
        "about": "Logistic regression over kg.extract.events.decision.features; trained by "
                 "tools/train_event_decision.py. Keep a candidate when its probability >= threshold.",
        "trained_on": {
            "French TimeBank 1.1 (LGPL-LR), dev and middle thirds": {
                "happenings": sources["timebank", True], "not": sources["timebank", False]},
            "judged timeline rows (tests/data/events-audit, dev)": {
                "happenings": sources["judged", True], "not": sources["judged", False]},
        },
        "cross_validation": cv,
        "threshold": threshold,
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    print(json.dumps({k: data[k] for k in ("trained_on", "cross_validation")}, indent=1))
    if args.check:
        stored = json.loads(MODEL.read_text())
        sys.exit(0 if stored["weights"] == data["weights"] else "the stored model differs from a retrained one")
    MODEL.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
