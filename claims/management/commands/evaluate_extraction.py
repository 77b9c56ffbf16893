import json
from pathlib import Path

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.table import Table

from claims import evaluation

COLUMNS = (
    ("proposals", "proposals"), ("gold", "approved"), ("matched", "matched"), ("precision", "P"), ("recall", "R"),
    ("f1", "F1"), ("speaker_accuracy", "speaker"), ("prediction_precision", "pred P"), ("prediction_recall", "pred R"),
    ("prediction_recall_on_matched", "pred R|match"), ("topic_accuracy", "topic"), ("topic_accuracy_tree", "topic (tree)"),
)


class Command(BaseCommand):
    help = (
        "Compare extracted proposals with approved claims: precision, recall, F1, speaker accuracy, prediction "
        "detection and topic accuracy, per interview and overall. A proposal matches an approved claim when their "
        "spans overlap by at least half of the approved span (one to one). --held-out runs the offline "
        "leave-one-interview-out evaluation from curation/ and seeds/ instead of reading the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interview", action="append", dest="slugs", metavar="SLUG", default=[])
        parser.add_argument("--held-out", action="store_true",
                            help="train on two interviews' sheets, report on the third, for each (offline, no database)")
        parser.add_argument("--gold-turns", action="store_true",
                            help="with --held-out: use the hand-marked turns instead of the attributed ones")
        parser.add_argument("--shipped-attribution", action="store_true",
                            help="with --held-out: attribute speakers with the shipped model, which was fit on every "
                                 "seed's marked turns (the left-out one's too), instead of refitting it per fold")
        parser.add_argument("--train", action="store_true",
                            help="retrain the shipped model on every curated interview and write claim_model.json")
        parser.add_argument("--curation", type=Path, default=evaluation.CURATION_DIR)
        parser.add_argument("--seeds", type=Path, default=evaluation.SEEDS_DIR)
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")

    def handle(self, *args, slugs, held_out, gold_turns, shipped_attribution, train, curation, seeds, **options):
        as_json = options["json"]
        taxonomy = evaluation.load_taxonomy()
        if train:
            model = evaluation.refit(seeds_dir=seeds, curation_dir=curation, gold_turns=gold_turns, slugs=slugs)
            self.stdout.write(
                f"model trained on {', '.join(model.info['trained_on'])}: threshold {model.threshold}, "
                f"prediction threshold {model.prediction_threshold}, {len(model.claim_weights)} claim weights "
                f"-> {evaluation.MODEL_PATH}"
            )
            if not held_out:
                return
        if held_out:
            cases = evaluation.load_cases(seeds, curation, gold_turns=gold_turns)
            if slugs:
                cases = [c for c in cases if c.slug in slugs or c.key in slugs]
            if gold_turns:
                report = evaluation.leave_one_out(cases, taxonomy)
                title = "held-out (leave one interview out, hand-marked turns)"
            elif shipped_attribution:
                report = evaluation.leave_one_out(cases, taxonomy)
                title = "held-out extractor (leave one interview out), turns attributed by the shipped model (fit on all seeds)"
            else:
                keys = {c.key for c in cases}
                fold = evaluation.attribution_held_out(seeds, curation)
                report = evaluation.leave_one_out(
                    cases, taxonomy, fold_cases=lambda held: [c for c in fold(held) if c.key in keys])
                title = "held-out (leave one interview out: extractor and speaker attribution both fit on the other two)"
        else:
            report = evaluation.db_report(slugs)
            title = "database: approved claims vs extracted proposals"
        self._print(report, title, as_json=as_json)

    def _print(self, report, title, *, as_json):
        rows = {**{slug: c.scores() for slug, c in report.rows.items()}, "overall": report.overall.scores()}
        if as_json:
            thresholds = {slug: {"threshold": m.threshold, "density": m.density, "prediction_threshold": m.prediction_threshold,
                                 "prediction_density": m.prediction_density,
                                 "prediction_pass_threshold": m.prediction_pass_threshold}
                          for slug, m in report.models.items()}
            self.stdout.write(json.dumps({"title": title, "scores": rows, "thresholds": thresholds}, indent=2))
            return
        table = Table(title=title)
        table.add_column("interview")
        for _, label in COLUMNS:
            table.add_column(label, justify="right")
        for slug, s in rows.items():
            table.add_row(slug, *(f"{s[k]:.3f}" if isinstance(s[k], float) else str(s[k]) for k, _ in COLUMNS))
        Console(file=self.stdout, width=200).print(table)
