"""The curators' admin pages on a large database, timed, and side by side with another commit.

    DATABASE_URL=... .venv/bin/python bench/generate.py --claims 200000     # fill the database first
    DATABASE_URL=... .venv/bin/python bench/admin_pages.py [--against REF] [--rounds 3]

Each page (the claim list and its filters, a claim, the interview, speaker, topic and prediction lists
and pages, the speaker autocomplete) is requested through Django's test client as a logged-in
superuser; the fastest of `--rounds` requests is reported with its query count. With `--against`,
the same script runs on a `git archive` of REF in a worker process against the same database, and
the two are printed side by side: only a ratio measured in one run means anything on a shared machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, standalone_django_setup  # noqa: E402

BENCH_USER = "bench-admin"


def pages() -> list[tuple[str, str]]:
    """(label, URL) of each page timed, naming the first row of each table."""
    from claims.models import Claim, Interview, Prediction, Speaker, Topic

    claim = Claim.objects.order_by("pk").values_list("pk", flat=True).first()
    interview = Interview.objects.order_by("pk").values_list("pk", flat=True).first()
    speaker = Speaker.objects.order_by("pk").values_list("pk", flat=True).first()
    topic = Topic.objects.filter(parent__isnull=True).order_by("pk").values_list("pk", "slug").first()
    prediction = Prediction.objects.order_by("pk").values_list("pk", flat=True).first()
    return [
        ("claim list", "/admin/claims/claim/"),
        ("claim list, proposed", "/admin/claims/claim/?status__exact=proposed"),
        ("claim list, a topic tree", f"/admin/claims/claim/?topic={topic[1]}"),
        ("claim list, search", "/admin/claims/claim/?q=quixel"),
        ("claim list, common word", "/admin/claims/claim/?q=zanthox"),
        ("claim list, two words", "/admin/claims/claim/?q=zanthox+quixel"),
        ("claim list, no match", "/admin/claims/claim/?q=neural+network"),
        ("claim", f"/admin/claims/claim/{claim}/change/"),
        ("interview list", "/admin/claims/interview/"),
        ("interview", f"/admin/claims/interview/{interview}/change/"),
        ("speaker list", "/admin/claims/speaker/"),
        ("speaker", f"/admin/claims/speaker/{speaker}/change/"),
        ("speaker autocomplete", "/admin/autocomplete/?app_label=claims&model_name=claim&field_name=speaker&term=a"),
        ("topic list", "/admin/claims/topic/"),
        ("topic", f"/admin/claims/topic/{topic[0]}/change/"),
        ("prediction list", "/admin/claims/prediction/"),
        ("prediction list, search", "/admin/claims/prediction/?status=all&q=quixel"),
        ("prediction", f"/admin/claims/prediction/{prediction}/change/"),
    ]


def measure(rounds: int) -> dict[str, tuple[float, int, int]]:
    """{label: (fastest ms, queries, status)} for every page, on the code this script runs in (settings
    with debug on: the admin's static files are served unhashed, as `runserver` does)."""
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    standalone_django_setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user = get_user_model().objects.filter(username=BENCH_USER).first()
    if user is None:
        user = get_user_model().objects.create_superuser(BENCH_USER, "bench@example.org", None)
    client = Client()
    client.force_login(user)
    out = {}
    for label, url in pages():
        fastest, queries, status = float("inf"), 0, 0
        for _ in range(rounds):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                status = client.get(url).status_code
                fastest = min(fastest, (time.perf_counter() - started) * 1000)
            queries = len(captured)
        out[label] = (round(fastest, 1), queries, status)
    return out


def run_against(ref: str, rounds: int) -> dict:
    """The same measurement on a git archive of `ref` (this script copied in), in its own process."""
    folder = Path(tempfile.mkdtemp(prefix="bench-admin-"))
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        (folder / "bench").mkdir(exist_ok=True)
        for name in ("admin_pages.py", "common.py"):
            shutil.copy(ROOT / "bench" / name, folder / "bench" / name)
        done = subprocess.run([sys.executable, str(folder / "bench" / "admin_pages.py"), "--worker", "--rounds", str(rounds)],
                              check=True, capture_output=True, text=True)
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="a commit to time side by side with this checkout")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL to a database filled by bench/generate.py")
    if args.worker:
        print(json.dumps(measure(args.rounds)))
        return
    theirs = run_against(args.against, args.rounds) if args.against else None
    ours = measure(args.rounds)
    from claims.models import Claim
    from django.db import connection

    print(f"{connection.vendor}, {Claim.objects.count():,} claims; fastest of {args.rounds} requests, ms (queries)")
    for label, (ms, queries, status) in ours.items():
        line = f"  {label:<26} {ms:9.1f} ({queries:2d})" + ("" if status == 200 else f" status {status}")
        if theirs:
            their_ms, their_queries, _ = theirs[label]
            line = f"  {label:<26} {their_ms:9.1f} ({their_queries:2d}) -> {ms:9.1f} ({queries:2d})  {their_ms / ms:6.1f}x" + (
                "" if status == theirs[label][2] == 200 else f"  status {theirs[label][2]} -> {status}")
        print(line)


if __name__ == "__main__":
    main()
