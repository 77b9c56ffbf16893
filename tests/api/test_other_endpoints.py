"""topics/, speakers/, interviews/ (and transcript/), predictions/ with its filters."""
import datetime as dt

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import names, served

pytestmark = pytest.mark.django_db


def test_topics_carry_parent_children_and_counts(world, anon):
    topics = {t["slug"]: t for t in anon.get("/api/topics/").json()["results"]}
    agi = topics["agi"]
    assert agi["parent"] is None and agi["children"] == ["agi-timelines", "alignment"]
    assert topics["alignment"]["parent"] == "agi"
    # agi itself: the undated claim; with subtopics: 3 alignment + 1 timelines + itself (approved only)
    assert (agi["claim_count"], agi["subtree_claim_count"]) == (1, 5)
    assert (topics["robotics"]["claim_count"], topics["robotics"]["subtree_claim_count"]) == (0, 0)


def test_a_topics_subtree_count_is_what_its_filter_returns(world, anon):
    for topic in anon.get("/api/topics/").json()["results"]:
        rows = anon.get("/api/claims/", {"topic": topic["slug"], "page_size": 1000}).json()["results"]
        assert len(rows) == topic["subtree_claim_count"], topic["slug"]


def test_a_topic_by_slug(world, anon):
    assert anon.get("/api/topics/scaling/").json()["parent"] == "deep-learning"


def test_topics_are_paginated(world, anon):
    page = anon.get("/api/topics/", {"page_size": 2}).json()
    assert page["count"] == 6 and len(page["results"]) == 2 and page["next"]


def test_speakers_with_counts(world, anon):
    speakers = {s["slug"]: s for s in anon.get("/api/speakers/").json()["results"]}
    assert speakers["ilya-sutskever"]["interview_count"] == 4
    assert speakers["ilya-sutskever"]["claim_count"] == 6  # approved only
    assert anon.get("/api/speakers/craig-smith/").json()["name"] == "Craig Smith"


def test_interviews_with_participants_chapters_and_counts(world, anon, staff):
    interview = anon.get("/api/interviews/lunar-2023/").json()
    assert interview["participants"] == [
        {"slug": "dwarkesh-patel", "name": "Dwarkesh Patel", "role": "host"},
        {"slug": "ilya-sutskever", "name": "Ilya Sutskever", "role": "guest"},
    ]
    assert [c["title"] for c in interview["chapters"]] == ["Intro", "Alignment"]
    assert interview["claim_count"] == 2
    assert staff.get("/api/interviews/lunar-2023/").json()["claim_count"] == 4
    assert "source_text" not in interview


def test_interviews_filter_by_participant_and_date(world, anon):
    slugs = lambda params: [i["slug"] for i in anon.get("/api/interviews/", params).json()["results"]]  # noqa: E731
    assert slugs({"speaker": "craig-smith"}) == ["eye-2023"]
    assert slugs({"date_after": "2023-01-01"}) == ["eye-2023", "lunar-2023"]
    assert slugs({"date_before": "2021-01-01", "speaker": "ilya-sutskever"}) == ["lex-2020"]


def test_transcript_gives_text_turns_and_claim_spans_that_highlight_the_quotes(world, staff):
    transcript = staff.get("/api/interviews/lunar-2023/transcript/").json()
    text = transcript["text"]
    assert text == world.i2023.source_text
    assert [(t["speaker"]["slug"], t["start_char"]) for t in transcript["turns"]] == [("dwarkesh-patel", 0), ("ilya-sutskever", 29)]
    assert transcript["turns"][1]["seconds_estimated"] is True
    spans = transcript["claims"]
    assert [s["start_char"] for s in spans] == sorted(s["start_char"] for s in spans)
    assert {text[s["start_char"]:s["end_char"]] for s in spans} == {
        c.quote for c in world.all if c.interview_id == world.i2023.pk
    }
    assert set(spans[0]) == {"id", "start_char", "end_char", "speaker", "type", "status", "statement", "topics"}


PREDICTION_FILTERS = [
    ({}, ["align_2020_pred", "agi_2023_pred", "pred_2023y_proposed"]),
    ({"status": "open"}, ["agi_2023_pred"]),
    ({"status": ["came_true", "did_not_happen"]}, ["align_2020_pred", "pred_2023y_proposed"]),
    ({"target_before": "2025-05-08"}, ["align_2020_pred", "pred_2023y_proposed"]),  # inclusive; start when no end
    ({"target_after": "2025-05-08"}, ["align_2020_pred", "agi_2023_pred"]),
    ({"target_after": "2025-05-09", "target_before": "2030-01-01"}, ["agi_2023_pred"]),
    ({"speaker": "ilya-sutskever", "topic": "agi"}, ["align_2020_pred", "agi_2023_pred"]),
    ({"topic": "agi-timelines"}, ["agi_2023_pred"]),
    ({"topic": "deep-learning"}, []),
    ({"speaker": "lex-fridman"}, []),
    ({"interview": "eye-2023", "status": "did_not_happen"}, ["pred_2023y_proposed"]),
    ({"q": "superintelligence"}, ["agi_2023_pred"]),
    ({"status": "came_true", "target_before": "2026-01-01", "topic": "alignment", "speaker": "ilya-sutskever"}, ["align_2020_pred"]),
    # when the prediction was made: before, date_after and date_before were refused as unknown parameters
    ({"date_before": "2021-01-01"}, ["align_2020_pred"]),
    ({"date_after": "2023-01-01"}, ["agi_2023_pred", "pred_2023y_proposed"]),
    ({"date_after": "2023-01-01", "target_after": "2025-05-09"}, ["agi_2023_pred"]),
]


def test_resolved_predictions_are_every_outcome_but_open(world, staff):
    resolved = staff.get("/api/predictions/", {"status": "resolved"}).json()["results"]
    outcomes = staff.get("/api/predictions/", {"status": "came_true,did_not_happen,partially,unresolvable"}).json()["results"]
    assert resolved and [row["id"] for row in resolved] == [row["id"] for row in outcomes]
    assert all(row["status"] != "open" for row in resolved)
    both = staff.get("/api/predictions/", {"status": ["resolved", "open"]}).json()["results"]
    assert len(both) == len(staff.get("/api/predictions/").json()["results"])


def test_overdue_predictions_are_the_open_ones_past_their_target(world, staff):
    from claims.models import Prediction

    assert staff.get("/api/predictions/", {"overdue": "true"}).json()["results"] == []
    # the open 2023 prediction, its target moved into the past: overdue; a resolved one past its target is not
    late = world.agi_2023_pred.prediction
    Prediction.objects.filter(pk=late.pk).update(target_end=dt.date.today() - dt.timedelta(days=1))
    rows = staff.get("/api/predictions/", {"overdue": "true"}).json()["results"]
    assert [row["id"] for row in rows] == [late.pk]
    others = staff.get("/api/predictions/", {"overdue": "false"}).json()["results"]
    everything = staff.get("/api/predictions/").json()["results"]
    assert sorted(row["id"] for row in others) == sorted(row["id"] for row in everything if row["id"] != late.pk)
    response = staff.get("/api/predictions/", {"overdue": "soon"})
    assert response.status_code == 400 and "overdue" in response.json()


@pytest.mark.parametrize(("params", "expected"), PREDICTION_FILTERS)
def test_prediction_filters_alone_and_combined(world, staff, params, expected):
    rows = staff.get("/api/predictions/", params).json()["results"]
    by_prediction = {getattr(world, n).prediction.pk: n for n in expected}
    assert sorted(row["id"] for row in rows) == sorted(by_prediction)


def test_predictions_order_by_target_with_unknown_targets_last(world, staff):
    rows = staff.get("/api/predictions/").json()["results"]
    assert [row["target_end"] for row in rows] == ["2025-05-08", "2029-12-31", None]
    rows = staff.get("/api/predictions/", {"ordering": "-target"}).json()["results"]
    assert [row["target_end"] for row in rows] == [None, "2029-12-31", "2025-05-08"]


def test_predictions_paginate_with_cursors(world, staff):
    first = staff.get("/api/predictions/", {"page_size": 2}).json()
    second = staff.get(first["next"]).json()
    assert len(first["results"]) == 2 and len(second["results"]) == 1 and second["next"] is None
    assert staff.get(second["previous"]).json()["results"] == first["results"]


def test_a_prediction_row_names_its_claim(world, anon):
    row = anon.get(f"/api/predictions/{world.agi_2023_pred.prediction.pk}/").json()
    assert row["claim"] == world.agi_2023_pred.pk
    assert row["speaker"]["slug"] == "ilya-sutskever" and row["topics"] == ["agi-timelines"]
    assert names(world, [{"id": row["claim"]}]) == ["agi_2023_pred"]


def test_lean_prediction_rows_equal_the_serializer(world, staff):
    import orjson

    from api.renderers import OrjsonRenderer
    from api.serializers import PredictionSerializer
    from claims.models import Prediction

    rows = {row["id"]: row for row in staff.get("/api/predictions/").json()["results"]}
    for prediction in Prediction.objects.select_related("claim__interview", "claim__speaker"):
        expected = orjson.loads(OrjsonRenderer().render(PredictionSerializer(prediction).data))
        assert rows[prediction.pk] == expected


def test_topic_speaker_and_interview_claim_counts_stop_at_the_cap(world, anon, monkeypatch):
    from django.core.cache import cache

    from claims import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    cache.clear()
    topics = {t["slug"]: t for t in anon.get("/api/topics/").json()["results"]}
    # agi: 1 direct, 5 in its subtree -> capped at 2; robotics: 0 stays 0.
    assert (topics["agi"]["claim_count"], topics["agi"]["subtree_claim_count"]) == (1, 2)
    assert (topics["robotics"]["claim_count"], topics["robotics"]["subtree_claim_count"]) == (0, 0)
    speakers = {s["slug"]: s["claim_count"] for s in anon.get("/api/speakers/").json()["results"]}
    assert max(speakers.values()) == 2
    interviews = [i["claim_count"] for i in anon.get("/api/interviews/").json()["results"]]
    assert max(interviews) == 2 and min(interviews) >= 0


def test_topic_counts_run_one_counting_query_with_a_limit_per_count(world, anon, django_assert_max_num_queries):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert anon.get("/api/topics/").status_code == 200
    assert len(served(captured.captured_queries)) <= 2
    counting = [sql for sql in served(captured.captured_queries) if "count(" in sql.lower()]
    assert len(counting) == 1 and "LIMIT" in counting[0]
    with django_assert_max_num_queries(1):  # then cached
        anon.get("/api/topics/")
