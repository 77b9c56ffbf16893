"""Speakers: the list with claim counts, searchable for autocomplete."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_speaker_list_counts_claims_and_interviews(admin_client, desk):
    response = admin_client.get(reverse("admin:claims_speaker_changelist") + "?q=gustav")
    rows = response.context["cl"].result_list
    assert [(s.name, s.n_claims, s.n_interviews) for s in rows] == [("Gustav Guest", 3, 1)]


def test_the_admin_index_lists_every_curation_page(admin_client, db):
    page = admin_client.get(reverse("admin:index")).content.decode()
    for model in ("claim", "interview", "prediction", "topic", "speaker"):
        assert reverse(f"admin:claims_{model}_changelist") in page


def test_pages_need_a_staff_login(client, desk):
    url = reverse("admin:claims_interview_transcript", args=[desk.interview.pk])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
