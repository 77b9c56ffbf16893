"""The evaluation arithmetic on a tiny hand-built case."""
from claims.evaluation import Counts, GoldClaim, match, score_interview
from claims.ingest.extract import ProposedClaim, ProposedPrediction


def P(a, b, speaker="g", topics=(), prediction=False):
    return ProposedClaim(a, b, "", speaker, 0.9, "", tuple(topics),
                         prediction=ProposedPrediction("x") if prediction else None)


def G(a, b, speaker="g", topics=(), kind="opinion"):
    return GoldClaim(a, b, speaker, tuple(topics), kind)


def test_a_match_needs_half_of_the_gold_span():
    gold = [G(0, 100)]
    assert match([P(50, 200)], gold) == [(0, 0)]  # 50 of 100
    assert match([P(51, 200)], gold) == []  # 49 of 100


def test_one_long_proposal_answers_for_one_gold_claim_only():
    gold = [G(0, 10), G(10, 20)]
    assert len(match([P(0, 20)], gold)) == 1


def test_matching_is_maximal():
    # proposal 0 could take either gold claim; the matching must leave gold 1 to proposal 1
    gold = [G(0, 10), G(8, 12)]
    proposals = [P(0, 12), P(9, 11)]
    assert len(match(proposals, gold)) == 2


def test_scores_on_a_tiny_case():
    parents = {"scaling": "deep-learning", "deep-learning": None, "agi": None}
    gold = [
        G(0, 100, "guest", ["scaling"]),
        G(200, 300, "guest", ["agi"], "prediction"),
        G(400, 500, "host", ["agi"]),
        G(600, 700, "guest", ["agi"], "prediction"),
    ]
    proposals = [
        P(0, 100, "guest", ["deep-learning"]),  # match; topic only by the tree; speaker right
        P(190, 290, "guest", ["agi"], prediction=True),  # match; prediction hit; topic right
        P(400, 500, "guest", ["agi"], prediction=True),  # match; wrong speaker; flagged but not a prediction
        P(800, 900, "guest", ["agi"]),  # no match
    ]
    s = score_interview(proposals, gold, parents=parents).scores()
    assert (s["proposals"], s["gold"], s["matched"]) == (4, 4, 3)
    assert s["precision"] == 0.75 and s["recall"] == 0.75
    assert abs(s["f1"] - 0.75) < 1e-9
    assert abs(s["speaker_accuracy"] - 2 / 3) < 1e-9
    assert s["prediction_precision"] == 0.5  # 1 of 2 flagged
    assert s["prediction_recall"] == 0.5  # 1 of 2 gold predictions
    assert s["prediction_recall_on_matched"] == 1.0  # the one found was flagged
    assert abs(s["topic_accuracy"] - 2 / 3) < 1e-9
    assert s["topic_accuracy_tree"] == 1.0


def test_counts_add_up_across_interviews():
    a = Counts(proposals=2, gold=3, matched=1)
    b = Counts(proposals=1, gold=1, matched=1)
    assert (a + b).scores()["recall"] == 0.5


def test_empty_inputs_score_zero_without_errors():
    assert score_interview([], []).scores()["f1"] == 0.0


def test_held_out_folds_attribute_speakers_with_a_model_that_never_saw_the_left_out_seed(tmp_path):
    # corrupt seed 000's hand-marked turns (host and guest swapped): the fold that leaves 000 out
    # must not notice, the fold that leaves 001 out (whose attribution model learns from 000) must
    import json
    import shutil

    from claims.evaluation import CURATION_DIR, SEEDS_DIR, attribution_held_out, load_cases

    swapped = tmp_path / "curation"
    shutil.copytree(CURATION_DIR, swapped)
    rows = json.loads((swapped / "000_turns.json").read_text(encoding="utf-8"))
    flip = {"craig-smith": "ilya-sutskever", "ilya-sutskever": "craig-smith"}
    (swapped / "000_turns.json").write_text(json.dumps([{**r, "speaker": flip[r["speaker"]]} for r in rows]), encoding="utf-8")

    cases = load_cases()

    def turns_by_key(fold, held_key):
        held = next(c for c in cases if c.key == held_key)
        return {c.key: c.turns for c in fold(held)}

    clean, dirty = attribution_held_out(SEEDS_DIR, CURATION_DIR), attribution_held_out(SEEDS_DIR, swapped)
    assert turns_by_key(clean, "000") == turns_by_key(dirty, "000")
    assert turns_by_key(clean, "001")["001"] != turns_by_key(dirty, "001")["001"]


def test_shipped_claim_model_file_is_what_its_own_training_writes(tmp_path):
    # the file once drifted from its code: trained on 2026-12-05, before later changes to
    # sentences, turns and attribution moved the features (density 27 -> 25, nq=2 -0.98 -> -1.84)
    from claims.evaluation import MODEL_PATH, refit

    refit(tmp_path / "claim_model.json")
    assert (tmp_path / "claim_model.json").read_bytes() == MODEL_PATH.read_bytes()
