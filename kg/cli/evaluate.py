"""`kg eval`: accuracy against gold data (dates, claims, events, coreference, all of it)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import cli, reports_errors
from kg.errors import InputError, ResourceError

DEFAULT_HELDOUT = Path("tests/data/timex-heldout")
DEFAULT_CLAIMS = Path("tests/data/claims")


@cli.group(name="eval")
def eval_():
    """Measure extraction accuracy against gold data (dates, claims)."""


@eval_.command(name="timex")
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--errors", is_flag=True, help="List misses, false alarms, wrong spans, values and types.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reports_errors
def eval_timex(corpus, errors, as_json):
    """Score the temporal tagger on a folder of ISO-TimeML (.tml) documents, TempEval-3 style.

    \b
    kg eval timex ../shared/eval/french-timebank/Data
    kg eval timex tests/data/timex-heldout --errors
    """
    from kg.eval.report import timex_table
    from kg.eval.timex import evaluate_timexes

    report = evaluate_timexes(corpus)
    if errors:
        for e in report.errors:
            click.echo(str(e))
        click.echo()
    if as_json:
        per_type = {t: {"gold": v.gold, "system": v.system, "relaxed_f1": round(v.relaxed.f1, 3),
                        "value_f1": round(v.value.f1, 3)} for t, v in report.per_type.items()}
        click.echo(json.dumps({"corpus": str(corpus), "documents": report.documents, **report.scores(),
                               "per_type": per_type}, indent=2))
    else:
        click.echo(timex_table(report))


@eval_.command(name="claims")
@click.argument("gold", required=False, type=click.Path(path_type=Path))
@click.option("--threshold", default=0.3, show_default=True, type=click.FloatRange(0, 1, max_open=True),
              help="Share of the gold content a system claim must cover to match it.")
@click.option("--errors", is_flag=True, help="List misses, wrong speakers and cues, false alarms.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reports_errors
def eval_claims(gold, threshold, errors, as_json):
    """Score speakers, content spans and cues on gold reported speech (a .jsonl file or folder).

    GOLD defaults to tests/data/claims: the seeds, the sets written for kg and the French
    TimeBank sets (real news, read from ../shared; skipped with a note when it is absent).
    """
    from kg.eval.claims import evaluate_claims
    from kg.eval.report import claim_errors, claims_table

    report = evaluate_claims(gold or DEFAULT_CLAIMS, threshold=threshold)
    if errors:
        for line in claim_errors(report):
            click.echo(line)
        click.echo()
    if as_json:
        click.echo(json.dumps({"gold": str(gold or DEFAULT_CLAIMS), "items": report.items, **report.scores()}, indent=2))
    else:
        click.echo(claims_table(report))


@eval_.command(name="events")
@click.option("--timebank", type=click.Path(path_type=Path), default=None,
              help="French TimeBank's Data folder  [default: ../shared/eval/french-timebank/Data]")
@click.option("--gold", "golds", multiple=True, type=click.Path(path_type=Path),
              help="Event gold .jsonl on French TimeBank text (repeatable)  [default: tests/data/events-gold/*.jsonl]")
@click.option("--errors", is_flag=True, help="List misses, wrong types, dates and modalities, unreported dated events.")
@click.option("--news", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the judged news articles (third-party texts kept out of the repository): "
                   "adds their timeline audits")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reports_errors
def eval_events(timebank, golds, errors, news, as_json):
    """Score events. Recall: French TimeBank's EVENT/TLINK layer (dev and frozen held-out thirds) and kg's
    event gold. Precision: blind audits of timeline rows (tests/data/events-audit), replayed on this run."""
    from kg.eval.events_run import run_event_evals

    run_event_evals(timebank, golds, errors, as_json, click.echo, news)


@eval_.command(name="coref")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("tests/data/coref-gold/annotations.jsonl"), show_default=True,
              help="Coreference gold (.jsonl, one cluster per line).")
@click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder of the seed articles the gold's seeds split annotates.")
@click.option("--timebank", type=click.Path(path_type=Path), default=None,
              help="French TimeBank's Data folder  [default: ../shared/eval/french-timebank/Data]")
@reports_errors
def eval_coref(gold, seeds, timebank):
    """Score resolution: which event and claim mentions report the same happening or statement
    (MUC, B³, CEAF-e, CoNLL F1), beside the one-node-per-mention baseline."""
    from kg.eval.coref import evaluate, read_gold, table
    from kg.eval.corpora import timebank_dir

    records = read_gold(gold)
    folder = timebank or timebank_dir()
    reports = evaluate(records, "seeds", seeds, folder)
    try:
        reports += evaluate(records, "ftb", seeds, folder)
    except InputError as e:
        click.echo(f"note: the held-out ftb split is not scored: {e}", err=True)
    click.echo(table(reports))


@eval_.command(name="all")
@click.option("--timebank", type=click.Path(path_type=Path), default=None,
              help="French TimeBank's Data folder  [default: ../shared/eval/french-timebank/Data]")
@click.option("--heldout", type=click.Path(path_type=Path), default=DEFAULT_HELDOUT, show_default=True)
@click.option("--claims", "claims_dir", type=click.Path(path_type=Path), default=DEFAULT_CLAIMS, show_default=True)
@click.option("--write", "write_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the Markdown report there (e.g. docs/accuracy.md).")
@reports_errors
def eval_all(timebank, heldout, claims_dir, write_to):
    """Every accuracy figure in one table, beside the published anchors and the targets."""
    from kg.eval import report as rep
    from kg.eval.claims import evaluate_claims
    from kg.eval.corpora import timebank_dir
    from kg.eval.timex import evaluate_timexes

    timex = {"French TimeBank 1.1": evaluate_timexes(timebank or timebank_dir())}
    if heldout.exists():
        timex["TimeML written for kg"] = evaluate_timexes(heldout)
    claims = {}
    for f in sorted(Path(claims_dir).glob("*.jsonl")) if Path(claims_dir).is_dir() else [Path(claims_dir)]:
        try:
            claims[f"claims: {f.stem}"] = evaluate_claims(f)
        except ResourceError as e:
            click.echo(f"note: claims: {f.stem} is not scored: {e}", err=True)
    from kg.eval.events_run import event_reports

    events = event_reports(timebank)
    table = rep.rows(timex, claims, events)
    click.echo(rep.text_table(table))
    from kg.eval.coref import COREF_NOTES, DEFAULT_GOLD, evaluate, read_gold
    from kg.eval.coref import table as coref_table

    folder = timebank or timebank_dir()
    coref = []
    if DEFAULT_GOLD.exists():
        records = read_gold(DEFAULT_GOLD)
        coref = evaluate(records, "seeds", DEFAULT_GOLD.parents[3] / "seeds", folder)
        try:
            coref += evaluate(records, "ftb", DEFAULT_GOLD.parents[3] / "seeds", folder)
        except InputError as e:
            click.echo(f"note: held-out coreference not scored: {e}", err=True)
        click.echo(coref_table(coref))
    if write_to:
        text = rep.markdown(table, timex, claims, rep.NOTES, events)
        if coref:
            text = text.rstrip("\n") + "\n\n## Resolution: event and claim coreference\n\n" + COREF_NOTES + "\n\n" + coref_table(coref) + "\n"
        rep.write(write_to, text)
        click.echo(f"{write_to}: written", err=True)
