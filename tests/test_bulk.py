"""The streaming export and the fast streaming import (claims.bulk, import_fixtures)."""
import io
import json

import pytest
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.bulk import claim_dump_objects, dump_object, iter_json_array
from claims.dataset import (
    DEFAULT_FIXTURES_DIR,
    StableJSONEncoder,
    _claim_objects,
    _interview_objects,
    dataset_export,
)
from claims.models import Claim, Interview, Prediction, Speaker, SpeakerFormerSlug, Topic, TopicFormerSlug, Turn

from .test_fixtures import FORMER_SLUGS, build_merged_dataset, build_small_dataset, corrupt, former_slugs_in, read_tree

pytestmark = pytest.mark.django_db(transaction=True)


def test_export_import_export_is_byte_identical(tmp_path):
    build_small_dataset()
    first, second = tmp_path / "first", tmp_path / "second"
    dataset_export(first)
    call_command("flush", "--noinput", verbosity=0)
    call_command("import_fixtures", "--fixtures", str(first), verbosity=0)
    assert Claim.objects.count() == 2 and Prediction.objects.count() == 1
    assert Topic.objects.get(slug="alignment").parent.slug == "ai"
    assert sorted(Claim.objects.get(claim_type="prediction").topics.values_list("slug", flat=True)) == ["ai", "alignment"]
    dataset_export(second)
    assert read_tree(first) == read_tree(second)


def test_a_dataset_after_merges_imports_and_exports_unchanged_with_its_former_slugs(tmp_path):
    build_merged_dataset()
    first, second = tmp_path / "first", tmp_path / "second"
    dataset_export(first)
    assert former_slugs_in(first) == FORMER_SLUGS
    call_command("flush", "--noinput", verbosity=0)
    call_command("import_fixtures", "--fixtures", str(first), verbosity=0)
    assert dict(SpeakerFormerSlug.objects.values_list("slug", "speaker__slug")) == dict(FORMER_SLUGS["speakers.json"])
    assert dict(TopicFormerSlug.objects.values_list("slug", "topic__slug")) == dict(FORMER_SLUGS["topics.json"])
    dataset_export(second)
    assert read_tree(first) == read_tree(second)


def test_a_former_slug_naming_an_unknown_speaker_stops_the_import(tmp_path):
    build_merged_dataset()
    dataset_export(tmp_path)
    call_command("flush", "--noinput", verbosity=0)
    path = tmp_path / "speakers.json"
    rows = json.loads(path.read_text())
    rows[-1]["fields"]["speaker"] = ["nobody"]
    path.write_text(json.dumps(rows))
    with pytest.raises(CommandError, match=r"unknown speaker \['nobody'\]"):
        call_command("import_fixtures", "--fixtures", str(tmp_path), verbosity=0)
    assert not Speaker.objects.exists() and not SpeakerFormerSlug.objects.exists()


def test_the_shipped_fixtures_import_and_export_unchanged(tmp_path):
    call_command("import_fixtures", verbosity=0)
    dataset_export(tmp_path)
    assert read_tree(tmp_path) == read_tree(DEFAULT_FIXTURES_DIR)


def test_an_import_continues_the_id_sequences(tmp_path):
    build_small_dataset()
    dataset_export(tmp_path)
    call_command("flush", "--noinput", verbosity=0)
    call_command("import_fixtures", "--fixtures", str(tmp_path), verbosity=0)
    interview = Interview.objects.get()
    highest = Claim.objects.order_by("-pk").first().pk
    claim = Claim.objects.create(interview=interview, speaker=Claim.objects.first().speaker, quote="Welcome",
                                 start_char=6, end_char=13, statement="Welcome.")
    assert claim.pk > highest


def test_the_fast_claim_writer_matches_djangos_serializer(tmp_path):
    build_small_dataset()
    claim = Claim.objects.get(claim_type="opinion")
    # Values whose spelling differs between orjson and json, and text that needs escaping.
    Claim.objects.filter(pk=claim.pk).update(extractor_score=1e-05, start_seconds=12.5, curator_notes='é "q" \\ \x01\u2028')
    interview = Interview.objects.get()
    stream = io.StringIO()
    serializers.serialize("json", _claim_objects(interview), stream=stream, indent=2,
                          use_natural_foreign_keys=True, use_natural_primary_keys=True, cls=StableJSONEncoder)
    fast = b"[" + b",".join(b"\n" + dump_object(data) for data in claim_dump_objects(interview)) + b"\n]\n"
    assert fast.decode() == stream.getvalue()


def test_the_fast_interview_writer_matches_djangos_serializer(tmp_path):
    build_small_dataset()
    interview = Interview.objects.get()
    # A float orjson spells differently, a null speaker, text that needs escaping.
    Turn.objects.filter(interview=interview, index=1).update(start_seconds=1e-05, speaker=None)
    Interview.objects.filter(pk=interview.pk).update(title='é "t" \\ \x01\u2028', duration_seconds=3600)
    dataset_export(tmp_path)
    stream = io.StringIO()
    serializers.serialize("json", _interview_objects(Interview.objects.get()), stream=stream, indent=2,
                          use_natural_foreign_keys=True, use_natural_primary_keys=True, cls=StableJSONEncoder)
    assert (tmp_path / "interviews" / "talk.json").read_text(encoding="utf-8") == stream.getvalue()


def test_a_re_export_over_a_larger_tree_leaves_no_trailing_bytes(tmp_path):
    build_small_dataset()
    dataset_export(tmp_path)
    Claim.objects.filter(claim_type="opinion").update(statement="Short.")
    (tmp_path / "claims" / "gone.json").write_text("[]")
    dataset_export(tmp_path)
    assert json.loads((tmp_path / "claims" / "talk.json").read_text())[-1]["fields"]["statement"] == "Short."
    assert not (tmp_path / "claims" / "gone.json").exists()


def test_a_bad_fixture_in_a_small_file_reports_its_line(tmp_path):
    build_small_dataset()
    dataset_export(tmp_path)
    call_command("flush", "--noinput", verbosity=0)
    path = tmp_path / "claims" / "talk.json"
    rows = json.loads(path.read_text())
    rows[1]["fields"]["colour"] = "red"  # the prediction
    path.write_text(json.dumps(rows, indent=2))
    line = [line for line, _ in iter_json_array(path)][1]
    with pytest.raises(CommandError, match=r"unknown field") as error:
        call_command("import_fixtures", "--fixtures", str(tmp_path), verbosity=0)
    assert rows[1]["model"] == "claims.prediction" and f"'claims.prediction', {line})" in str(error.value)


def test_the_parser_streams_objects_across_read_chunks(tmp_path):
    path = tmp_path / "x.json"
    rows = [{"model": "claims.topic", "fields": {"slug": f"t{i}", "text": "x" * (i * 7)}} for i in range(50)]
    path.write_text(json.dumps(rows, indent=2))
    assert [obj for _, obj in iter_json_array(path, chunk=16)] == rows
    path.write_text('[{"a": 1},\n{"a": 2}')
    with pytest.raises(CommandError, match="x.json"):
        list(iter_json_array(path, chunk=4))


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda rows: rows[0]["fields"].update(quote="I think reliability will collapse"), "does not match"),
        (lambda rows: rows[0]["fields"].update(topics=[["no-such-topic"]]), r"unknown topic \[.no-such-topic.\]"),
        (lambda rows: rows[0]["fields"].update(speaker=["nobody"]), r"unknown speaker \[.nobody.\]"),
        (lambda rows: rows.append(rows[0]), r"duplicate claims.claim \(.talk., 64, 120\)"),
        (lambda rows: rows[0]["fields"].update(date="1999-01-01"), "is not its interview's published date"),
        (lambda rows: rows[0]["fields"].update(claim_type="opinion"), "has a prediction but its type is 'opinion'"),
        (lambda rows: rows[0]["fields"].update(colour="red"), r"unknown field\(s\) \['colour'\]"),
    ],
    ids=["quote-mismatch", "unknown-topic", "unknown-speaker", "duplicate", "wrong-date", "misplaced-prediction", "unknown-field"],
)
def test_a_bad_fixture_stops_the_import_and_loads_nothing(tmp_path, edit, message):
    build_small_dataset()
    dataset_export(tmp_path)
    call_command("flush", "--noinput", verbosity=0)
    corrupt(tmp_path, edit)
    with pytest.raises(CommandError, match=message):
        call_command("import_fixtures", "--fixtures", str(tmp_path), verbosity=0)
    assert Interview.objects.count() == 0 and Topic.objects.count() == 0 and Claim.objects.count() == 0


def test_an_import_refuses_a_database_that_has_interviews(tmp_path):
    build_small_dataset()
    dataset_export(tmp_path)
    with pytest.raises(CommandError, match="already has interviews"):
        call_command("import_fixtures", "--fixtures", str(tmp_path), verbosity=0)


def test_a_file_written_in_pieces_is_the_same_file(tmp_path, monkeypatch):
    import claims.bulk

    build_small_dataset()
    dataset_export(tmp_path / "whole")
    monkeypatch.setattr(claims.bulk, "FLUSH_AT", 10)  # a write after every object
    dataset_export(tmp_path / "pieces")
    assert read_tree(tmp_path / "whole") == read_tree(tmp_path / "pieces")
