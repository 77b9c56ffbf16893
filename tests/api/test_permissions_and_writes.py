"""Who reads what, who writes, and that writes go through the services' checks."""
import datetime as dt

import pytest
from rest_framework.test import APIClient

from claims.models import Claim, Prediction, latest_today

pytestmark = pytest.mark.django_db


def new_claim_payload(world, **overrides):
    return {
        "interview": "lunar-2023",
        "speaker": "dwarkesh-patel",
        "start_char": 6,
        "end_char": 28,
        "statement": "The host asks about the future.",
        "topics": ["agi"],
        "type": "opinion",
        "status": "proposed",
    } | overrides


# --- reads -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anon", "member"])
def test_anonymous_and_non_staff_users_read_approved_claims_only(world, request, who):
    client = request.getfixturevalue(who)
    rows = client.get("/api/claims/", {"page_size": 100}).json()["results"]
    assert {row["status"] for row in rows} == {"approved"}
    assert client.get(f"/api/claims/{world.proposed_2023.pk}/").status_code == 404
    assert client.get(f"/api/claims/{world.rejected_2023.pk}/").status_code == 404


def test_staff_read_every_status(world, staff):
    rows = staff.get("/api/claims/", {"page_size": 100}).json()["results"]
    assert {row["status"] for row in rows} == {"approved", "proposed", "rejected"}
    assert staff.get(f"/api/claims/{world.rejected_2023.pk}/").json()["status"] == "rejected"


def test_staff_read_with_a_token(world, staff_token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {staff_token}")
    assert client.get(f"/api/claims/{world.proposed_2023.pk}/").status_code == 200


def test_staff_read_with_a_session_login(world, django_user_model):
    django_user_model.objects.create_user("desk", password="pw-desk-12345", is_staff=True)
    client = APIClient()
    assert client.login(username="desk", password="pw-desk-12345")
    assert client.get(f"/api/claims/{world.proposed_2023.pk}/").status_code == 200


def test_predictions_and_counts_follow_the_same_visibility(world, anon, staff):
    anon_predictions = anon.get("/api/predictions/").json()["results"]
    assert world.pred_2023y_proposed.prediction.pk not in [row["id"] for row in anon_predictions]
    assert anon.get(f"/api/predictions/{world.pred_2023y_proposed.prediction.pk}/").status_code == 404
    assert len(staff.get("/api/predictions/").json()["results"]) == 3
    anon_alignment = next(t for t in anon.get("/api/topics/").json()["results"] if t["slug"] == "alignment")
    staff_alignment = next(t for t in staff.get("/api/topics/").json()["results"] if t["slug"] == "alignment")
    assert (anon_alignment["claim_count"], staff_alignment["claim_count"]) == (3, 4)
    transcript_ids = {c["id"] for c in anon.get("/api/interviews/lunar-2023/transcript/").json()["claims"]}
    assert transcript_ids == {world.align_2023.pk, world.agi_2023_pred.pk}


# --- who may write ---------------------------------------------------------------------------


def test_anonymous_writes_are_401(world, anon):
    claim_url = f"/api/claims/{world.align_2023.pk}/"
    assert anon.post("/api/claims/", new_claim_payload(world), format="json").status_code == 401
    assert anon.patch(claim_url, {"hedged": False}, format="json").status_code == 401
    assert anon.put(claim_url, new_claim_payload(world), format="json").status_code == 401
    assert anon.delete(claim_url).status_code == 401
    assert anon.post(f"/api/predictions/{world.agi_2023_pred.prediction.pk}/resolve/", {"status": "came_true"}).status_code == 401
    assert Claim.objects.count() == len(world.all)


def test_non_staff_writes_are_403(world, member):
    claim_url = f"/api/claims/{world.align_2023.pk}/"
    assert member.post("/api/claims/", new_claim_payload(world), format="json").status_code == 403
    assert member.patch(claim_url, {"hedged": False}, format="json").status_code == 403
    assert member.delete(claim_url).status_code == 403
    assert Claim.objects.get(pk=world.align_2023.pk).hedged is True


def test_a_bad_token_is_401(world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/claims/").status_code == 401


def test_read_only_endpoints_refuse_writes(world, staff):
    assert staff.post("/api/topics/", {"slug": "x"}).status_code == 405
    assert staff.delete(f"/api/predictions/{world.agi_2023_pred.prediction.pk}/").status_code == 405


# --- staff writes through the services -------------------------------------------------------


def test_staff_create_a_claim_and_get_it_back_in_the_read_shape(world, staff):
    response = staff.post("/api/claims/", new_claim_payload(world), format="json")
    assert response.status_code == 201, response.content
    row = response.json()
    assert row["quote"] == "What about the future?"  # taken from the transcript at the offsets
    assert row["topics"] == ["agi"] and row["status"] == "proposed" and row["date"] == "2023-03-27"
    assert Claim.objects.get(pk=row["id"]).quote == "What about the future?"


def test_staff_create_a_prediction_claim_with_its_prediction(world, staff):
    payload = new_claim_payload(world, type="prediction", prediction={"predicted": "Something.", "target_end": "2030-01-01"})
    row = staff.post("/api/claims/", payload, format="json").json()
    assert row["prediction"]["predicted"] == "Something." and row["prediction"]["status"] == "open"


def test_a_quote_that_is_not_at_its_offsets_is_refused(world, staff):
    response = staff.post("/api/claims/", new_claim_payload(world, quote="Something else"), format="json")
    assert response.status_code == 400
    assert "quote" in response.json()


def test_offsets_past_the_transcript_are_refused(world, staff):
    response = staff.post("/api/claims/", new_claim_payload(world, start_char=5, end_char=100000), format="json")
    assert response.status_code == 400
    assert "quote" in response.json()


def test_end_before_start_is_refused(world, staff):
    response = staff.post("/api/claims/", new_claim_payload(world, start_char=20, end_char=10), format="json")
    assert response.status_code == 400
    assert "end_char" in response.json()


def test_a_prediction_on_a_non_prediction_claim_is_refused(world, staff):
    payload = new_claim_payload(world, type="opinion", prediction={"predicted": "Something."})
    response = staff.post("/api/claims/", payload, format="json")
    assert response.status_code == 400
    assert "prediction" in response.json()
    assert not Claim.objects.filter(statement=payload["statement"]).exists()


def test_a_second_claim_on_the_same_span_is_refused(world, staff):
    quote = world.align_2023.quote
    start = world.i2023.source_text.index(quote)
    payload = new_claim_payload(world, start_char=start, end_char=start + len(quote))
    response = staff.post("/api/claims/", payload, format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"interview": "nope"}, "interview"),
        ({"speaker": "a\x00b"}, "speaker"),
        ({"topics": ["unknown"]}, "topics"),
        ({"type": "rumour"}, "type"),
        ({"start_char": -1}, "start_char"),
        ({"start_char": 2**40}, "start_char"),
        ({"statement": ""}, "statement"),
        ({"statement": "nul\x00"}, "statement"),
        ({"start_seconds": "NaN"}, "start_seconds"),
        ({"prediction": {"horizon": "soon"}}, "prediction"),
    ],
)
def test_malformed_writes_are_400_naming_the_field(world, staff, overrides, field):
    response = staff.post("/api/claims/", new_claim_payload(world, **overrides), format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_staff_patch_a_claim(world, staff):
    url = f"/api/claims/{world.proposed_2023.pk}/"
    response = staff.patch(url, {"status": "approved", "topics": ["agi-timelines"], "hedged": True}, format="json")
    assert response.status_code == 200, response.content
    row = response.json()
    assert (row["status"], row["topics"], row["hedged"]) == ("approved", ["agi-timelines"], True)


def test_patching_offsets_retakes_the_quote_from_the_transcript(world, staff):
    claim = world.align_2023
    row = staff.patch(f"/api/claims/{claim.pk}/", {"end_char": claim.end_char - 9}, format="json").json()
    assert row["quote"] == "Alignment is maybe the hardest problem"


def test_turning_a_prediction_into_an_opinion_drops_its_prediction(world, staff):
    claim = world.agi_2023_pred
    response = staff.patch(f"/api/claims/{claim.pk}/", {"type": "opinion"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["prediction"] is None
    assert not Prediction.objects.filter(claim=claim).exists()


def test_a_resolved_prediction_is_not_dropped_by_a_change_of_type_until_it_is_reopened(world, staff):
    claim = world.align_2020_pred  # came true: a curator recorded it
    prediction = Prediction.objects.get(claim=claim)
    response = staff.patch(f"/api/claims/{claim.pk}/", {"type": "opinion"}, format="json")
    # before: 200, and the prediction with its resolution gone
    assert response.status_code == 400, response.content
    [message] = response.json()["type"]
    assert message.startswith("This claim's prediction was resolved (came true") and "Reopen the prediction" in message
    assert Prediction.objects.get(claim=claim).status == prediction.status and Claim.objects.get(pk=claim.pk).claim_type == "prediction"
    assert staff.post(f"/api/predictions/{prediction.pk}/resolve/", {"status": "open"}, format="json").status_code == 200
    assert staff.patch(f"/api/claims/{claim.pk}/", {"type": "opinion"}, format="json").status_code == 200
    assert not Prediction.objects.filter(claim=claim).exists()


def test_a_null_prediction_removes_an_open_one_and_is_refused_for_a_resolved_one(world, staff):
    claim = world.agi_2023_pred  # open
    response = staff.patch(f"/api/claims/{claim.pk}/", {"prediction": None}, format="json")
    # before: 200 and the prediction still there, the null ignored
    assert response.status_code == 200, response.content
    assert response.json()["prediction"] is None and not Prediction.objects.filter(claim=claim).exists()
    assert Claim.objects.get(pk=claim.pk).claim_type == "prediction"
    resolved = world.align_2020_pred
    response = staff.patch(f"/api/claims/{resolved.pk}/", {"prediction": None}, format="json")
    assert response.status_code == 400 and response.json()["prediction"][0].startswith("This prediction was resolved (came true")
    assert Prediction.objects.filter(claim=resolved).exists()


def test_staff_put_replaces_a_claim(world, staff):
    payload = new_claim_payload(world, status="approved")
    response = staff.put(f"/api/claims/{world.rejected_2023.pk}/", payload, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["quote"] == "What about the future?"


def test_staff_delete_a_claim(world, staff):
    assert staff.delete(f"/api/claims/{world.agi_2023_pred.pk}/").status_code == 204
    assert not Claim.objects.filter(pk=world.agi_2023_pred.pk).exists()
    assert staff.delete(f"/api/claims/{world.agi_2023_pred.pk}/").status_code == 404


def test_staff_with_a_token_write_without_csrf(world, staff_token):
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {staff_token}")
    response = client.patch(f"/api/claims/{world.align_2023.pk}/", {"hedged": False}, format="json")
    assert response.status_code == 200


def test_a_session_write_needs_the_csrf_token(world, django_user_model):
    django_user_model.objects.create_user("desk", password="pw-desk-12345", is_staff=True)
    client = APIClient(enforce_csrf_checks=True)
    client.login(username="desk", password="pw-desk-12345")
    response = client.patch(f"/api/claims/{world.align_2023.pk}/", {"hedged": False}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_staff_resolve_a_prediction_through_the_service(world, staff):
    prediction = world.agi_2023_pred.prediction
    response = staff.post(f"/api/predictions/{prediction.pk}/resolve/",
                          {"status": "did_not_happen", "resolved_on": "2025-01-05", "resolution_note": "No."}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["resolved_on"]) == ("did_not_happen", "2025-01-05")
    reopened = staff.post(f"/api/predictions/{prediction.pk}/resolve/", {"status": "open"}, format="json").json()
    assert reopened["resolved_on"] is None


def test_resolving_before_the_prediction_was_made_is_400_naming_resolved_on(world, staff):
    prediction = world.agi_2023_pred.prediction  # said 2023-03-27
    response = staff.post(f"/api/predictions/{prediction.pk}/resolve/",
                          {"status": "came_true", "resolved_on": "2013-03-27", "resolution_note": "Yes."}, format="json")
    assert response.status_code == 400
    assert response.json() == {"resolved_on": ["Resolved on 2013-03-27, before the prediction was made (2023-03-27)."]}
    assert staff.get(f"/api/predictions/{prediction.pk}/").json()["status"] == "open"


def test_resolving_tomorrow_is_400_naming_resolved_on_the_date_and_today(world, staff):
    prediction = world.agi_2023_pred.prediction
    today = latest_today()
    tomorrow = today + dt.timedelta(days=1)
    response = staff.post(f"/api/predictions/{prediction.pk}/resolve/",
                          {"status": "came_true", "resolved_on": tomorrow.isoformat(), "resolution_note": "Yes."}, format="json")
    assert response.status_code == 400
    assert response.json() == {"resolved_on": [f"Resolved on {tomorrow}, after today ({today})."]}
    assert staff.get(f"/api/predictions/{prediction.pk}/").json()["status"] == "open"
    response = staff.post(f"/api/predictions/{prediction.pk}/resolve/",
                          {"status": "came_true", "resolved_on": today.isoformat(), "resolution_note": "Yes."}, format="json")
    assert response.status_code == 200 and response.json()["resolved_on"] == today.isoformat()


def test_a_claim_written_with_a_prediction_resolved_tomorrow_is_400_and_writes_nothing(world, staff):
    today = latest_today()
    tomorrow = today + dt.timedelta(days=1)
    prediction = {"predicted": "Something.", "status": "came_true", "resolved_on": tomorrow.isoformat()}
    payload = new_claim_payload(world, type="prediction", prediction=prediction)
    response = staff.post("/api/claims/", payload, format="json")
    assert response.status_code == 400
    assert response.json() == {"resolved_on": [f"Resolved on {tomorrow}, after today ({today})."]}
    assert not Claim.objects.filter(statement=payload["statement"]).exists()
    claim = world.agi_2023_pred
    response = staff.patch(f"/api/claims/{claim.pk}/", {"prediction": prediction}, format="json")
    assert response.status_code == 400
    assert response.json() == {"resolved_on": [f"Resolved on {tomorrow}, after today ({today})."]}
    assert Prediction.objects.get(claim=claim).status == "open"


def test_resolving_with_a_bad_status_is_400(world, staff):
    response = staff.post(f"/api/predictions/{world.agi_2023_pred.prediction.pk}/resolve/", {"status": "yes"}, format="json")
    assert response.status_code == 400 and "status" in response.json()


CLAIM_FIELDS_TAKEN = ("curator_notes, end_char, hedged, interview, prediction, quote, seconds_estimated, speaker, "
                      "start_char, start_seconds, statement, status, topics, type")


def test_a_misspelt_field_in_a_claim_write_is_a_400_naming_it_and_nothing_changes(world, staff):
    # DRF dropped it: the 200 read as if "typ" had been applied
    claim = world.align_2023
    response = staff.patch(f"/api/claims/{claim.pk}/", {"hedged": not claim.hedged, "typ": "opinion"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"typ": [f"Unknown field; this endpoint takes: {CLAIM_FIELDS_TAKEN}."]}
    assert Claim.objects.get(pk=claim.pk).hedged == claim.hedged


def test_a_misspelt_field_in_a_prediction_or_a_resolution_is_a_400_naming_it(world, staff):
    prediction = world.agi_2023_pred.prediction
    response = staff.patch(f"/api/claims/{world.agi_2023_pred.pk}/",
                           {"prediction": {"predicted": "Soon.", "statuss": "came_true"}}, format="json")
    assert response.status_code == 400 and list(response.json()["prediction"]) == ["statuss"]
    response = staff.post(f"/api/predictions/{prediction.pk}/resolve/",
                          {"status": "came_true", "resolved_on": "2025-01-01", "note": "Yes."}, format="json")
    assert response.status_code == 400
    assert response.json() == {"note": ["Unknown field; this endpoint takes: evidence_link, resolution_note, resolved_on, status."]}
    assert staff.get(f"/api/predictions/{prediction.pk}/").json()["status"] == "open"


def test_the_read_only_fields_of_a_claim_sent_back_are_still_ignored(world, staff):
    claim = world.align_2023
    response = staff.patch(f"/api/claims/{claim.pk}/", {"id": claim.pk, "date": "2023-03-27", "source_link": None,
                                                         "hedged": True}, format="json")
    assert response.status_code == 200, response.content
