"""CSV and JSON Lines exports of claims/ and predictions/: every matching row, streamed."""
import csv
import io

import orjson
import pytest

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_claims_csv_holds_every_matching_row_with_a_header(world, anon):
    response = anon.get("/api/claims/", {"format": "csv", "speaker": "ilya-sutskever"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="claims.csv"'
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    json_rows = anon.get("/api/claims/", {"speaker": "ilya-sutskever"}).json()["results"]
    assert [int(row["id"]) for row in rows] == [row["id"] for row in json_rows]
    first = rows[0]
    assert first["speaker_slug"] == "ilya-sutskever" and first["speaker_name"] == "Ilya Sutskever"
    assert first["prediction_predicted"] == "Alignment research becomes mainstream."
    assert first["hedged"] == "false" and first["topics"] == "alignment"


def test_csv_flattens_missing_predictions_and_lists_topics(world, staff):
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(body(staff.get("/api/claims/?format=csv")).decode()))}
    assert rows[world.bio_2023y.pk]["prediction_id"] == ""
    assert rows[world.host_2023y.pk]["topics"] == "alignment|scaling"


def test_csv_is_chosen_by_accept_header_too(world, anon):
    response = anon.get("/api/claims/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    assert body(response).startswith(b"id,interview,speaker_slug")


def test_jsonl_has_one_claim_object_per_line(world, anon):
    response = anon.get("/api/claims/", {"format": "jsonl"})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = body(response).splitlines()
    rows = [orjson.loads(line) for line in lines]
    assert len(rows) == 8
    assert rows == anon.get("/api/claims/").json()["results"]


def test_jsonl_by_accept_header(world, anon):
    response = anon.get("/api/claims/", HTTP_ACCEPT="application/x-ndjson")
    assert response.status_code == 200
    assert len(body(response).splitlines()) == 8


def test_exports_are_not_paginated_and_keep_the_ordering(world, anon, monkeypatch):
    monkeypatch.setattr("api.views.keyset_iterate.__defaults__", (3,))
    lines = body(anon.get("/api/claims/", {"format": "jsonl", "ordering": "-date", "page_size": 2})).splitlines()
    ids = [orjson.loads(line)["id"] for line in lines]
    expected = [r["id"] for r in anon.get("/api/claims/", {"ordering": "-date", "page_size": 100}).json()["results"]]
    assert ids == expected and len(ids) == 8


def test_an_empty_export_is_a_header_only_csv(world, anon):
    assert body(anon.get("/api/claims/", {"format": "csv", "q": "zebra"})).count(b"\n") == 1


def test_predictions_export_as_csv_and_jsonl(world, staff):
    rows = list(csv.DictReader(io.StringIO(body(staff.get("/api/predictions/?format=csv")).decode())))
    assert len(rows) == 3
    assert {row["status"] for row in rows} == {"came_true", "open", "did_not_happen"}
    lines = body(staff.get("/api/predictions/?format=jsonl")).splitlines()
    assert [orjson.loads(line)["id"] for line in lines] == [int(row["id"]) for row in rows]


def test_a_single_claim_renders_as_csv(world, anon):
    response = anon.get(f"/api/claims/{world.align_2023.pk}/", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1 and rows[0]["id"] == str(world.align_2023.pk)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe(world, staff, text):
    staff.patch(f"/api/claims/{world.align_2023.pk}/", {"statement": text}, format="json")
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(body(staff.get("/api/claims/?format=csv")).decode(), newline=""))}
    assert rows[world.align_2023.pk]["statement"] == "'" + text
    # JSON keeps the text as it is.
    assert staff.get(f"/api/claims/{world.align_2023.pk}/").json()["statement"] == text


def test_csv_leaves_ordinary_and_numeric_cells_alone(world, anon):
    rows = list(csv.DictReader(io.StringIO(body(anon.get("/api/claims/", {"format": "csv"})).decode())))
    assert all(not row["quote"].startswith("'") for row in rows)
    assert all(row["start_char"].isdigit() for row in rows)


def test_csv_escapes_leading_tab_and_carriage_return_too():
    from api.renderers import CSVRenderer

    lines = b"".join(CSVRenderer().stream([{"a": "\tx", "b": "\ry", "c": ["=t"], "d": 5}], ["a", "b", "c", "d"])).decode()
    assert list(csv.reader(io.StringIO(lines, newline="")))[1] == ["'\tx", "'\ry", "'=t", "5"]
