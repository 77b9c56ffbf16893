"""Speaker attribution measured on transcripts nobody hand-marked: labelled ones, labels taken away."""
import statistics

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from claims.ingest.errors import IngestError
from claims.ingest.evaluate import attribution_accuracy, without_labels
from claims.ingest.markup import reading_text
from claims.ingest.pipeline import run
from claims.ingest.read import TRANSCRIPT_SUFFIXES, expand_paths, read_source
from claims.ingest.records import Metadata, Turn


class Command(BaseCommand):
    help = (
        "Measure unlabelled speaker attribution on labelled transcripts (Name: text, web pages, diarised JSON...): "
        "each is ingested with its labels, the labels are taken away (and by default the punctuation, as raw "
        "captions have none), the words are attributed as an unlabelled transcript would be, and the share of the "
        "host's and of the guests' words attributed right is reported per transcript and overall."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="labelled transcripts, or folders of them (*.md read too)")
        parser.add_argument("--host", action="append", default=[], metavar="NAME",
                            help="a host's name as the labels give it (repeatable); every other speaker is a guest")
        parser.add_argument("--punctuation", choices=("strip", "keep"), default="strip",
                            help="strip: read as raw captions (lower case, no punctuation); keep: as plain text")

    def handle(self, *args, paths, host, punctuation, **options):
        files, errors = expand_paths(paths, suffixes=TRANSCRIPT_SUFFIXES + (".md",))
        for error in errors:
            self.stderr.write(str(error))
        table = Table("file", "words", "host words", "host right", "guest right")
        scores: list[tuple[float, float]] = []
        for path in files:
            try:
                text, _ = read_source(path)
            except IngestError as error:
                self.stderr.write(str(error))
                continue
            labelled = run(text, source=str(path), metadata=Metadata(hosts=tuple(host)))
            roles = {s.slug: s.role for s in labelled.speakers}
            if labelled.errors or labelled.format != "labelled" or {roles.get(t.speaker_slug) for t in labelled.turns} != {"host", "guest"}:
                self.stderr.write(f"{path}: skipped: not a labelled transcript with both a host and a guest")
                continue
            raw, gold = without_labels(reading_text(labelled.source_text, "labelled"), labelled.turns, roles,
                                       punctuation=punctuation == "keep")
            attributed = run(raw, source=str(path))
            role_of = {s.slug: s.role for s in attributed.speakers}
            turns = [Turn(t.index, t.start_char, t.end_char, role_of[t.speaker_slug]) for t in attributed.turns]
            accuracy = attribution_accuracy(raw, turns, gold)
            host_words = sum(len(raw[g["start_char"]:g["end_char"]].split()) for g in gold if g["speaker"] == "host")
            scores.append((accuracy.get("host", 0.0), accuracy.get("guest", 0.0)))
            table.add_row(path.name, str(len(raw.split())), str(host_words), f"{scores[-1][0]:.2f}", f"{scores[-1][1]:.2f}")
        if not scores:
            raise CommandError("no labelled transcript with both a host and a guest among the paths")
        hosts, guests = zip(*scores)
        table.add_row("median", "", "", f"{statistics.median(hosts):.2f}", f"{statistics.median(guests):.2f}")
        table.add_row("mean", "", "", f"{statistics.mean(hosts):.2f}", f"{statistics.mean(guests):.2f}")
        Console(file=self.stdout, width=120).print(table)
        self.stdout.write(f"{len(scores)} transcripts; both roles at 90% or more in {sum(min(s) >= 0.9 for s in scores)}")
