"""The prediction list (open ones by target date, overdue marked) and the resolution form."""
import datetime as dt

import pytest
from django.urls import reverse

from claims.models import Prediction, latest_today
from claims.services import claim_create, prediction_resolve
from tests.factories import span_of

from .conftest import messages_of, reload

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:claims_prediction_changelist")


@pytest.fixture
def predictions(desk):
    """Three more predictions: one due far ahead, one without a target date, one resolved."""
    made = {"overdue": desk.prediction}
    for name, quote, target_end in (("later", "Neural networks are the next best thing", dt.date(2099, 1, 1)),
                                    ("vague", "Welcome to the show. What", None),
                                    ("resolved", "What do you think comes next?", dt.date(2024, 1, 1))):
        start, end = span_of(desk.interview, quote)
        claim = claim_create(interview=desk.interview, speaker=desk.guest, start_char=start, end_char=end,
                             claim_type="prediction", statement=f"The {name} one.",
                             prediction={"predicted": f"The {name} thing happens.", "target_end": target_end})
        made[name] = claim.prediction
    prediction_resolve(made["resolved"], status="did_not_happen", resolved_on=dt.date(2024, 2, 1),
                       resolution_note="It did not.")
    return made


def listed(response):
    return [p.predicted for p in response.context["cl"].result_list]


def test_the_list_shows_open_predictions_by_target_date_with_overdue_ones_marked(admin_client, predictions):
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    assert listed(response) == ["Reliability improves a lot.", "The later thing happens.", "The vague thing happens."]
    page = response.content.decode()
    assert page.count("claims-overdue") == 1 and "overdue" in page
    assert reverse("admin:claims_prediction_resolve", args=[predictions["overdue"].pk]) in page


@pytest.mark.parametrize("query, expected", [
    ("status=all", 4), ("status=did_not_happen", 1), ("due=overdue", 1), ("due=none", 1), ("due=later", 1),
    ("q=vague", 1),
])
def test_predictions_filter_by_status_and_target_date(admin_client, predictions, query, expected):
    response = admin_client.get(f"{CHANGELIST}?{query}")
    assert len(response.context["cl"].result_list) == expected


def test_predictions_are_added_on_their_claims_page(admin_client, predictions):
    assert admin_client.get(reverse("admin:claims_prediction_add")).status_code == 403


def test_the_resolution_form_proposes_today_and_records_the_outcome(admin_client, predictions):
    prediction = predictions["overdue"]
    url = reverse("admin:claims_prediction_resolve", args=[prediction.pk])
    page = admin_client.get(url)
    assert page.status_code == 200 and page.context["form"].initial["resolved_on"] == dt.date.today()
    assert "overdue" in page.content.decode() and prediction.claim.quote in page.content.decode()
    response = admin_client.post(url, {
        "status": "came_true", "resolved_on": "2025-04-01", "resolution_note": "It improved a lot.",
        "evidence_link": "https://example.org/report",
    }, follow=True)
    assert messages_of(response) == ["Prediction “Reliability improves a lot.” is now: came true."]
    prediction = reload(prediction)
    assert (prediction.status, prediction.resolved_on, prediction.evidence_link) == (
        "came_true", dt.date(2025, 4, 1), "https://example.org/report")
    assert prediction.history.first().history_user.username == "admin"


def test_a_resolution_needs_a_note_in_plain_words(admin_client, predictions):
    url = reverse("admin:claims_prediction_resolve", args=[predictions["overdue"].pk])
    response = admin_client.post(url, {"status": "came_true", "resolved_on": "2025-04-01", "resolution_note": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["resolution_note"] == [
        "Say in a sentence what happened, so others can check the judgement."]
    assert reload(predictions["overdue"]).status == "open"


def test_a_prediction_can_be_reopened(admin_client, predictions):
    url = reverse("admin:claims_prediction_resolve", args=[predictions["resolved"].pk])
    admin_client.post(url, {"status": "open", "resolved_on": "2025-04-01", "resolution_note": ""})
    prediction = reload(predictions["resolved"])
    assert (prediction.status, prediction.resolved_on) == ("open", None)


def test_the_change_form_saves_through_the_service_and_explains_errors(admin_client, predictions):
    prediction = predictions["later"]
    url = reverse("admin:claims_prediction_change", args=[prediction.pk])
    page = admin_client.get(url).content.decode()
    assert reverse("admin:claims_prediction_resolve", args=[prediction.pk]) in page
    data = {"predicted": "Later, it happens.", "horizon": "one day", "target_start": "2099-06-01",
            "target_end": "2099-01-01", "status": "open", "resolved_on": "", "resolution_note": "", "evidence_link": ""}
    response = admin_client.post(url, data)
    assert response.context["adminform"].form.errors["target_end"] == ["The target range ends before it starts."]
    response = admin_client.post(url, data | {"target_start": ""})
    assert response.status_code == 302
    assert reload(prediction).predicted == "Later, it happens."


def test_the_prediction_list_needs_a_fixed_number_of_queries(admin_client, predictions, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        admin_client.get(CHANGELIST)
    assert Prediction.objects.count() == 4


def test_a_resolution_dated_before_the_prediction_was_made_is_refused_and_nothing_changes(admin_client, predictions):
    prediction = predictions["overdue"]  # said in an interview published 2023-03-27
    url = reverse("admin:claims_prediction_resolve", args=[prediction.pk])
    response = admin_client.post(url, {"status": "came_true", "resolved_on": "2003-04-01",
                                       "resolution_note": "It improved a lot."})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Resolved on 2003-04-01, before the prediction was made (2023-03-27)."]
    assert (reload(prediction).status, reload(prediction).resolved_on) == ("open", None)
    admin_client.post(url, {"status": "came_true", "resolved_on": "2023-03-27", "resolution_note": "Same day."})
    assert reload(prediction).resolved_on == dt.date(2023, 3, 27)


def test_a_resolution_dated_tomorrow_is_refused_naming_the_date_and_today(admin_client, predictions):
    prediction = predictions["overdue"]
    today = latest_today()
    tomorrow = today + dt.timedelta(days=1)
    url = reverse("admin:claims_prediction_resolve", args=[prediction.pk])
    response = admin_client.post(url, {"status": "came_true", "resolved_on": tomorrow.isoformat(),
                                       "resolution_note": "It improved a lot."})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [f"Resolved on {tomorrow}, after today ({today})."]
    assert (reload(prediction).status, reload(prediction).resolved_on) == ("open", None)
    change = reverse("admin:claims_prediction_change", args=[predictions["resolved"].pk])
    data = {"predicted": "The resolved thing happens.", "horizon": "", "target_start": "", "target_end": "2024-01-01",
            "status": "did_not_happen", "resolved_on": tomorrow.isoformat(), "resolution_note": "No.", "evidence_link": ""}
    response = admin_client.post(change, data)
    assert response.context["adminform"].form.errors["resolved_on"] == [f"Resolved on {tomorrow}, after today ({today})."]
    assert reload(predictions["resolved"]).resolved_on == dt.date(2024, 2, 1)


def test_overdue_means_the_same_in_the_api_and_both_admin_lists(admin_client, predictions, desk):
    # "after 2020": a range with a start and no end never closes, so it is not overdue (the API took its start
    # as its target date and called it overdue while the admin did not)
    start, end = span_of(desk.interview, "I think reliability will improve")
    open_ended = claim_create(interview=desk.interview, speaker=desk.guest, start_char=start, end_char=end,
                              claim_type="prediction", statement="The open-ended one.",
                              prediction={"predicted": "It happens some time after 2020.", "horizon": "after 2020",
                                          "target_start": dt.date(2021, 1, 1)}).prediction
    api = admin_client.get("/api/predictions/", {"overdue": "true"}).json()["results"]
    not_overdue = admin_client.get("/api/predictions/", {"overdue": "false"}).json()["results"]
    admin_list = admin_client.get(CHANGELIST, {"due": "overdue"}).context["cl"].result_list
    claim_list = admin_client.get(reverse("admin:claims_claim_changelist"), {"prediction": "overdue"}).context["cl"].result_list
    overdue = {predictions["overdue"].pk}
    assert {row["id"] for row in api} == {p.pk for p in admin_list} == {c.prediction.pk for c in claim_list} == overdue
    assert open_ended.pk in {row["id"] for row in not_overdue}
    page = admin_client.get(CHANGELIST).content.decode()
    assert page.count("claims-overdue") == 1 and "from 2021-01-01" in page
