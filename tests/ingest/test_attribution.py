"""Speaker attribution on the unlabelled seeds, measured leave-one-seed-out.

The attribution model is learnt from hand-marked turns (curation/*_turns.json), so it is only
measured on a seed it was not fit on: for each seed, fit on the other two, decode the third,
and score it against every hand marking of it (curation/ and tests/data/gold_turns/). The
shipped weights are fit on all three seeds and would score in-sample, so the seed_runs
fixture is not used here.
"""
from dataclasses import replace

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


# The target: at least 90% of each speaker's words, held out. Measured held-out
# (000 and 001 by the turn decoder, 002 by the mark-driven HMM): 000 host 0.74 / guest 0.80;
# 001 host 0.934-0.936 / guest 0.85; 002 host 0.89-0.93 / guest 0.96-1.00. 001's figures take the
# page's caption-block breaks as likely changes of voice (formats/scraped_page.py); that rule was found
# by reading 001 against its hand marks, so 001's figure is not blind to it (before it: 0.898 / 0.81;
# its probability is the hand-set one of every change mark, not fit on 001). Before the turn
# decoder's change-of-voice cost (attribute_segments.with_turn_cost): 000 0.73 / 0.71, 001
# 0.91 / 0.77. With one more labelled interview of the guest in the fit (measured, not kept; see
# attribute.py): 000 0.76 / 0.75, 001 0.89 / 0.76, 002 0.88 / 0.97. The SGD seed alone moves these
# figures: fit with seeds 2-4 instead of 1, 000's host gets 0.65-0.70. Strict xfail where a role still
# falls short, so that reaching the target is noticed.
_SHORT = "held-out attribution below the 90% target; see attribute.py"


@pytest.mark.parametrize(
    "key, role",
    [
        pytest.param("000", "host", marks=pytest.mark.xfail(reason=_SHORT, strict=True)),
        pytest.param("000", "guest", marks=pytest.mark.xfail(reason=_SHORT, strict=True)),
        ("001", "host"),
        pytest.param("001", "guest", marks=pytest.mark.xfail(reason=_SHORT, strict=True)),
        pytest.param("002", "host", marks=pytest.mark.xfail(reason=_SHORT + " (002a host 0.89)", strict=True)),
        ("002", "guest"),
    ],
)
def test_held_out_attribution_gets_at_least_90_percent_of_each_speakers_words(held_out, key, role):
    for name, by_role in held_out[key]:
        assert set(by_role) == {"host", "guest"}
        assert by_role[role] >= 0.9, (name, by_role)


@pytest.mark.parametrize(
    "key, host_floor, guest_floor",
    [("000", 0.72, 0.79), ("001", 0.92, 0.84), ("002", 0.87, 0.95)],
)
def test_held_out_attribution_does_not_regress(held_out, key, host_floor, guest_floor):
    for name, by_role in held_out[key]:
        assert by_role["host"] >= host_floor and by_role["guest"] >= guest_floor, (name, by_role)


def test_turn_decoder_ends_host_turns_at_questions():
    # two short questions, each followed by a long answer; the words say nothing (zero
    # emissions): the question ends and the durations place the turns (the source's last unit
    # ends no turn, so it is left out of the check)
    from claims.ingest.attribute_segments import SegmentParams, decode_segments

    q = [0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    words = [8, 10, 20, 20, 20, 20, 20, 12, 20, 20, 20, 20, 20, 6]
    roles = decode_segments([0.0] * len(q), q, words, [None] * len(q), SegmentParams(start_host=0.9))
    assert roles[:13] == ["host"] * 2 + ["guest"] * 5 + ["host"] + ["guest"] * 5


def test_a_change_of_voice_costs_more_where_questions_are_rarer():
    # the cost is -logit(expected changes per unit), the changes expected from the question
    # evidence: one question in twenty units is a rarer change than one in four
    from claims.ingest.attribute_segments import SegmentParams, with_turn_cost

    params = SegmentParams(turn_cost_weight=1.0, turns_per_question=1.5)
    rare = with_turn_cost(params, [1.0] + [0.0] * 19).turn_cost
    often = with_turn_cost(params, [1.0, 0.0, 0.0, 0.0] * 5).turn_cost
    assert rare > often > 0
    assert with_turn_cost(params, [1.0, 0.0] * 5).turn_cost == 0  # a change at every other unit is free
    assert with_turn_cost(SegmentParams(), [1.0] + [0.0] * 19).turn_cost == 0  # weight 0: off


def test_change_of_voice_cost_keeps_a_long_answer_whole():
    # question, long answer, question, answer; three sentences in the middle of the first answer
    # lean to the host (+0.4, no question): without a cost the decoder hands them to the host,
    # with the cost of a transcript asking two questions in seventeen units it keeps the answer
    # whole, and the second question still goes to the host
    from claims.ingest.attribute_segments import SegmentParams, decode_segments, with_turn_cost

    q = [0, 1] + [0] * 12 + [1, 0, 0]
    em = [1.5, 1.5] + [-0.5] * 4 + [0.4] * 3 + [-0.5] * 5 + [1.5, -0.5, -0.5]
    words = [10, 10] + [25] * 12 + [10, 25, 25]
    base = SegmentParams(emission_weight=2.0, duration_weight=0.3, turns_per_question=1.5)
    plain = decode_segments(em, q, words, [None] * len(q), base)
    costly = decode_segments(em, q, words, [None] * len(q), with_turn_cost(replace(base, turn_cost_weight=2.0), q))
    assert plain[6:9] == ["host"] * 3
    assert costly == ["host"] * 2 + ["guest"] * 12 + ["host"] + ["guest"] * 2


def test_marks_explain_changes_so_the_cost_elsewhere_rises():
    # one question in four units expects a change at every other unit's worth of questions; where
    # marks already account for some of them, the changes left are rarer per unmarked unit
    from claims.ingest.attribute_segments import SegmentParams, with_turn_cost

    params = SegmentParams(turn_cost_weight=1.0, turns_per_question=1.5)
    q = [1.0, 0.0, 0.0, 0.0] * 5
    assert with_turn_cost(params, q, marked=4).turn_cost > with_turn_cost(params, q).turn_cost > 0


def test_a_likely_change_splits_what_the_words_would_keep_together():
    # a question and an answer whose words say nothing (zero emissions), the question's end not
    # marked by "?": one voice throughout, unless a mark gives the change before unit 2
    from claims.ingest.attribute_segments import SegmentParams, decode_turns

    em, q, words = [0.0] * 6, [0.0] * 6, [10, 10, 30, 30, 30, 30]
    feats = [()] * 6
    params = SegmentParams(turn_cost_weight=1.0)
    assert len(set(decode_turns(em, feats, q, words, params))) == 1
    marked = decode_turns(em, feats, q, words, params, marks=[None, None, True, None, None, None])
    assert marked[:2] == ["host"] * 2 and marked[2:] == ["guest"] * 4


def test_fitting_measures_turns_per_question():
    from claims.ingest.attribute_segments import fit_segment_params

    roles = ["host", "guest", "guest", "host", "guest", "guest", "host", "guest"]
    questions = [1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0]
    params = fit_segment_params([(roles, questions, [10] * 8)])
    assert params.turns_per_question == round(6 / 4, 4)


def test_shipped_model_attributes_every_seed_to_both_roles(seed_runs):
    for key, a in seed_runs.items():
        assert {s.role for s in a.speakers if s.slug in {t.speaker_slug for t in a.turns}} == {"host", "guest"}, key


def test_self_training_pulls_a_unit_towards_the_role_whose_other_units_use_its_words():
    # the first decoding put unit 2 ("newspapers") with the guest; the host's other units use
    # that word, the guest's do not, so its emission moves towards the host, and a unit cannot
    # vote for itself (leave-one-out): unit 4's word occurs nowhere else
    from claims.ingest.attribute_segments import adapt_emissions

    feats = [["newspapers", "i"], ["newspapers", "you"], ["newspapers", "i"], ["networks", "i"], ["pulitzer"]]
    roles = ["host", "host", "guest", "guest", "guest"]
    out = adapt_emissions([0.0] * 5, feats, roles, weight=1.0)
    assert out[2] > 0 > out[3]
    assert abs(out[4]) < 0.5


def test_shipped_model_file_is_what_its_own_fit_writes(tmp_path):
    # the file once drifted from its code (two switch probabilities fit before 001's caption-block breaks were read)
    from claims.ingest.attribute_model import MODEL_PATH, refit

    refit(tmp_path / "model.json")
    assert (tmp_path / "model.json").read_bytes() == MODEL_PATH.read_bytes()
