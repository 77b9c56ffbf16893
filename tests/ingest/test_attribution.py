"""Speaker attribution on the unlabelled seeds, measured leave-one-seed-out.

The attribution model is learnt from hand-marked turns (curation/*_turns.json), so it is only
measured on a seed it was not fit on: for each seed, fit on the other two, decode the third,
and score it against every hand marking of it (curation/ and tests/data/gold_turns/). The
shipped weights are fit on all three seeds and would score in-sample, so the seed_runs
fixture is not used here.
"""
import pytest

from claims.ingest.attribute import decode_roles, merge_units
from claims.ingest.attribute_model import CURATED, fit_attribution, seed_groups
from claims.ingest.evaluate import attribution_accuracy, load_gold

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_FILES = {"000": "000_5e2d2378550aa81c.txt", "001": "001_4ce4f833089e0e5e.txt", "002": "002_a252ec61e314f82f.txt"}


def _gold_files(key):
    curated = {"000": ["000"], "001": ["001"], "002": ["002a", "002b"]}[key]
    files = [ROOT / "curation" / f"{c}_turns.json" for c in curated]
    return [f for f in files if f.exists()] + [ROOT / "tests" / "data" / "gold_turns" / f"{key}.json"]


@pytest.fixture(scope="module")
def held_out():
    """{seed key: [(gold file name, {role: accuracy})]} with each seed decoded by a model fit
    on the other two."""
    groups = seed_groups(ROOT, CURATED)
    units = groups.pop("_units")
    out = {}
    for key, name in SEED_FILES.items():
        model = fit_attribution({k: v for k, v in groups.items() if k != name})
        text, parsed, speakers, u = units[name]
        turns = merge_units(u, decode_roles(u, model), parsed, speakers)
        role = {s.slug: s.role for s in speakers}
        out[key] = [
            (path.name, {role[s]: v for s, v in attribution_accuracy(text, turns, load_gold(path)).items()})
            for path in _gold_files(key)
        ]
    return out


# The target: at least 90% of each speaker's words, held out. Not met yet; measured
# held-out: 000 host 0.52 / guest 0.94; 001 host 0.78 / guest 0.52; 002 host 0.89-0.93 /
# guest 0.96-1.00 (see attribute.py's TODO). test_held_out_attribution_does_not_regress
# guards the figures reached so far.
@pytest.mark.xfail(reason="held-out attribution below the 90% target; see attribute.py", strict=False)
@pytest.mark.parametrize("key", ["000", "001", "002"])
def test_held_out_attribution_gets_at_least_90_percent_of_each_speakers_words(held_out, key):
    for name, by_role in held_out[key]:
        assert set(by_role) == {"host", "guest"}
        assert by_role["host"] >= 0.9 and by_role["guest"] >= 0.9, (name, by_role)


@pytest.mark.parametrize(
    "key, host_floor, guest_floor",
    [("000", 0.5, 0.9), ("001", 0.75, 0.5), ("002", 0.87, 0.93)],
)
def test_held_out_attribution_does_not_regress(held_out, key, host_floor, guest_floor):
    for name, by_role in held_out[key]:
        assert by_role["host"] >= host_floor and by_role["guest"] >= guest_floor, (name, by_role)


def test_shipped_model_attributes_every_seed_to_both_roles(seed_runs):
    for key, a in seed_runs.items():
        assert {s.role for s in a.speakers if s.slug in {t.speaker_slug for t in a.turns}} == {"host", "guest"}, key
