"""History of claims, predictions, topics and speakers: who changed what and when, and reverting."""
import pytest
from django.urls import reverse

from claims.services import claim_update, prediction_resolve

from .conftest import reload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["proposed", "prediction", "reliability", "guest"])
def test_every_curated_model_has_a_history_page(admin_client, desk, name):
    obj = getattr(desk, name)
    url = reverse(f"admin:claims_{obj._meta.model_name}_history", args=[obj.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) >= 1


def test_the_claim_history_shows_who_changed_what(admin_client, desk, admin_user):
    admin_client.post(reverse("admin:claims_claim_changelist"), {
        "action": "approve_claims", "_selected_action": [desk.proposed.pk], "post": "yes"})
    response = admin_client.get(reverse("admin:claims_claim_history", args=[desk.proposed.pk]))
    page = response.content.decode()
    assert "admin" in page and "approved" in page
    assert [r.history_user for r in response.context["page_obj"].object_list][0] == admin_user


def test_a_claim_can_be_reverted_to_an_earlier_version_topics_included(admin_client, desk):
    claim = desk.proposed
    first = claim.history.first()  # after creation, tagged 'reliability'
    claim_update(claim, statement="A worse statement.", status="rejected", topics=[desk.other])
    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, first.history_id])
    page = admin_client.get(url)
    assert page.status_code == 200 and "Revert" in page.content.decode()
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) for name in form.fields if form.initial.get(name) is not None}
    data["topics"] = [t.pk for t in form.initial.get("topics", [])]
    data |= {"prediction-TOTAL_FORMS": "0", "prediction-INITIAL_FORMS": "0"}
    response = admin_client.post(url, data)
    assert response.status_code == 302, page.context["adminform"].form.errors
    claim = reload(claim)
    assert (claim.statement, claim.status) == (first.statement, "proposed")
    assert list(claim.topics.all()) == [desk.reliability]
    assert claim.history.first().history_user.username == "admin"


def test_a_resolution_can_be_reverted(admin_client, desk):
    prediction = desk.prediction
    first = prediction.history.earliest()
    prediction_resolve(prediction, status="came_true", resolution_note="It did.")
    url = reverse("admin:claims_prediction_simple_history", args=[prediction.pk, first.history_id])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert (reload(prediction).status, reload(prediction).resolved_on) == ("open", None)


def test_a_version_from_before_a_speaker_and_topic_merge_reverts_to_the_kept_ones(admin_client, desk):
    from claims.services import speaker_merge, topic_merge
    from tests.factories import make_speaker

    claim = desk.proposed
    duplicate = make_speaker(name="G. Guest", slug="g-guest")
    claim_update(claim, speaker=duplicate, statement="Said by the duplicate.")
    version = claim.history.first()  # names the duplicate and 'reliability', both merged away below
    claim_update(claim, statement="A later statement.")
    speaker_merge(source=duplicate, target=desk.guest)
    topic_merge(source=desk.reliability, target=desk.other)
    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, version.history_id])
    page = admin_client.get(url)
    form = page.context["adminform"].form
    assert (form.initial["speaker"], form.initial["topics"]) == (desk.guest.pk, [desk.other])
    data = {name: form.initial.get(name) for name in form.fields if form.initial.get(name) is not None}
    data["topics"] = [t.pk for t in form.initial["topics"]]
    data |= {"prediction-TOTAL_FORMS": "0", "prediction-INITIAL_FORMS": "0"}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim = reload(claim)
    assert (claim.statement, claim.speaker, list(claim.topics.all())) == ("Said by the duplicate.", desk.guest, [desk.other])


@pytest.mark.parametrize("path", ["claim/abc/history/", "claim/abc/history/1/", "speaker/abc/history/",
                                  "topic/abc/history/", "prediction/abc/history/"])
def test_a_history_address_with_a_non_number_is_a_404_not_a_500(admin_client, desk, path):
    assert admin_client.get(f"/admin/claims/{path}").status_code == 404


def test_a_version_address_that_is_not_a_number_is_a_404(admin_client, desk):
    assert admin_client.get(f"/admin/claims/claim/{desk.approved.pk}/history/abc/").status_code == 404
