"""Speakers: the list with claim counts, searchable for autocomplete, and merging one into another."""
import json
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claims.models import Claim, Participation, Speaker
from claims.services import speaker_update
from tests.factories import SAMPLE_TEXT, make_claim, make_interview, make_speaker

from .conftest import add_turns, former_slug_forms, messages_of, reload

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


CHANGELIST = reverse("admin:claims_speaker_changelist")


@pytest.fixture
def scoped(desk):
    """A second talk whose guest came in as the diariser's "Speaker 2" (a slug of its interview's), with a claim."""
    interview = make_interview(slug="second-talk", source_text=SAMPLE_TEXT.replace("Guest:", "Speaker 2:"))
    speaker = make_speaker(name="Speaker 2", slug="speaker-2-in-second-talk")
    Participation.objects.create(interview=interview, speaker=desk.host, role="host")
    Participation.objects.create(interview=interview, speaker=speaker, role="guest")
    add_turns(interview, {"Host": desk.host, "Speaker 2": speaker})
    claim = make_claim(interview=interview, speaker=speaker)
    return SimpleNamespace(interview=interview, speaker=speaker, claim=claim)


def merge(client, selected, target=None):
    data = {"action": "merge_speakers", "_selected_action": [s.pk for s in selected]}
    if target is not None:
        data |= {"post": "yes", "target": target.pk}
    return client.post(CHANGELIST, data, follow=target is not None)


def rows():
    return sorted(Speaker.objects.values_list("slug", flat=True)), sorted(Claim.objects.values_list("pk", "speaker__slug"))


def test_merging_shows_what_each_selected_speaker_would_move_and_asks_for_the_target(admin_client, desk, scoped):
    response = merge(admin_client, [scoped.speaker, desk.guest])
    assert response.status_code == 200 and "merge into" in response.content.decode()
    assert [(s.slug, s.n_claims, s.n_turns, s.n_interviews, s.parts) for s in response.context["preview"]] == [
        ("gustav-guest", 3, 1, 1, f"{desk.interview.slug} (guest)"),
        ("speaker-2-in-second-talk", 1, 1, 1, "second-talk (guest)"),
    ]
    assert Speaker.objects.filter(slug="speaker-2-in-second-talk").exists()


def test_confirming_without_a_target_asks_again_and_merges_nothing(admin_client, desk, scoped):
    before = rows()
    response = admin_client.post(CHANGELIST, {"action": "merge_speakers", "_selected_action": [scoped.speaker.pk],
                                              "post": "yes", "target": ""})
    assert response.status_code == 200 and response.context["form"].errors == {"target": ["This field is required."]}
    assert rows() == before


def test_a_scoped_speaker_merged_into_a_person_not_selected_brings_its_claims(admin_client, desk, scoped):
    response = merge(admin_client, [scoped.speaker], target=desk.guest)
    assert messages_of(response) == [
        "Merged “Speaker 2” (speaker-2-in-second-talk) into “Gustav Guest”: 1 claim, 1 turn and 1 interview moved."]
    assert not Speaker.objects.filter(slug="speaker-2-in-second-talk").exists()
    listed = admin_client.get(reverse("admin:claims_claim_changelist") + f"?speaker__id__exact={desk.guest.pk}")
    assert scoped.claim.pk in {claim.pk for claim in listed.context["cl"].result_list}
    latest = reload(scoped.claim).history.first()
    assert (latest.history_user.username, latest.history_change_reason) == (
        "admin", "speaker speaker-2-in-second-talk merged into gustav-guest")
    history = admin_client.get(reverse("admin:claims_claim_history", args=[scoped.claim.pk]))
    assert history.status_code == 200 and "merged into gustav-guest" in history.content.decode()


def test_speakers_in_different_parts_of_one_interview_are_refused_and_nothing_is_merged(admin_client, desk, scoped):
    before = rows()
    response = merge(admin_client, [scoped.speaker, desk.host], target=desk.guest)
    assert messages_of(response) == [
        f"Nothing was merged: Harriet Host (harriet-host) is the host of interview {desk.interview.slug} and "
        "Gustav Guest (gustav-guest) its guest: one person cannot be both, so they were not merged."]
    assert rows() == before


def test_a_speaker_is_not_merged_into_itself(admin_client, desk):
    before = rows()
    response = merge(admin_client, [desk.guest], target=desk.guest)
    assert messages_of(response) == ["Nothing was merged: Gustav Guest (gustav-guest) cannot be merged into itself."]
    assert rows() == before


def test_merging_needs_the_permission_to_delete_speakers(client, django_user_model, desk, scoped):
    curator = django_user_model.objects.create_user(username="editor", password="x", is_staff=True)
    curator.user_permissions.set(Permission.objects.filter(
        content_type__app_label="claims", codename__in=["view_speaker", "change_speaker"]))
    client.force_login(curator)
    assert "merge_speakers" not in client.get(CHANGELIST).content.decode()
    merge(client, [scoped.speaker], target=desk.guest)
    assert Speaker.objects.filter(slug="speaker-2-in-second-talk").exists()
    curator.user_permissions.add(Permission.objects.get(content_type__app_label="claims", codename="delete_speaker"))
    assert "merge_speakers" in client.get(CHANGELIST).content.decode()
    merge(client, [scoped.speaker], target=desk.guest)
    assert not Speaker.objects.filter(slug="speaker-2-in-second-talk").exists()


def test_the_speaker_autocomplete_tells_one_speaker_2_from_another_by_slug(admin_client, desk, scoped):
    other = make_speaker(name="Speaker 2", slug="speaker-2-in-third-talk")
    response = admin_client.get(reverse("admin:autocomplete"), {
        "app_label": "claims", "model_name": "claim", "field_name": "speaker", "term": "speaker 2"})
    assert sorted(r["text"] for r in response.json()["results"]) == [
        "Speaker 2 (speaker-2-in-second-talk)", f"Speaker 2 ({other.slug})"]
    response = admin_client.get(reverse("admin:autocomplete"), {
        "app_label": "claims", "model_name": "claim", "field_name": "speaker", "term": desk.host.name})
    assert [r["text"] for r in response.json()["results"]] == [desk.host.name]


def speaker_form(speaker, **changes) -> dict:
    data = {"name": speaker.name, "slug": speaker.slug, "aliases": json.dumps(speaker.aliases),
            "description": speaker.description, "affiliation": speaker.affiliation, "link": speaker.link}
    if speaker.pk:  # a change page, with its former slugs
        data |= former_slug_forms(speaker)
    return data | changes


def test_a_merged_speakers_slug_is_listed_on_the_kept_speakers_page_read_only(admin_client, desk, scoped):
    merge(admin_client, [scoped.speaker], desk.guest)
    page = admin_client.get(reverse("admin:claims_speaker_change", args=[desk.guest.pk]))
    assert page.status_code == 200
    assert "Former slugs" in page.content.decode() and "speaker-2-in-second-talk" in page.content.decode()
    assert "former_slugs" not in page.context["adminform"].form.fields


def test_renaming_a_slug_in_the_admin_keeps_the_old_one_leading_to_the_speaker(admin_client, desk):
    url = reverse("admin:claims_speaker_change", args=[desk.guest.pk])
    response = admin_client.post(url, speaker_form(desk.guest, slug="gustav-g"))
    assert response.status_code == 302
    assert reload(desk.guest).slug == "gustav-g"
    assert list(desk.guest.former_slugs.values_list("slug", flat=True)) == ["gustav-guest"]
    assert reload(desk.guest).history.first().history_user.username == "admin"


def test_a_new_speaker_cannot_take_a_merged_speakers_slug(admin_client, desk, scoped):
    merge(admin_client, [scoped.speaker], desk.guest)
    response = admin_client.post(reverse("admin:claims_speaker_add"), speaker_form(
        Speaker(name="Someone New", slug="speaker-2-in-second-talk")))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"slug": [
        "'speaker-2-in-second-talk' is a former slug of Gustav Guest (gustav-guest): it still leads there. "
        "Choose another slug."]}
    assert not Speaker.objects.filter(name="Someone New").exists()


def test_a_curator_removes_a_former_slug_it_stops_leading_to_the_speaker_and_a_new_speaker_takes_it(
        admin_client, client, desk, scoped):
    merge(admin_client, [scoped.speaker], desk.guest)
    url = reverse("admin:claims_speaker_change", args=[desk.guest.pk])
    admin_client.post(url, speaker_form(desk.guest, slug="gustav-g"))  # and a rename: two former slugs
    assert client.get("/api/speakers/speaker-2-in-second-talk/").status_code == 301
    page = admin_client.get(url)
    formset = page.context["inline_admin_formsets"][0].formset
    assert [form.instance.slug for form in formset.forms] == ["gustav-guest", "speaker-2-in-second-talk"]
    assert formset.can_delete and not page.context["inline_admin_formsets"][0].has_add_permission
    assert sorted(formset.forms[0].fields) == ["DELETE", "id", "speaker"]  # the slug is shown, not editable

    response = admin_client.post(url, speaker_form(reload(desk.guest)) | former_slug_forms(
        desk.guest, delete=["speaker-2-in-second-talk"]))
    assert response.status_code == 302
    assert list(desk.guest.former_slugs.values_list("slug", flat=True)) == ["gustav-guest"]
    latest = reload(desk.guest).history.first()
    assert (latest.history_user.username, latest.history_change_reason, latest.slug) == (
        "admin", "former slug speaker-2-in-second-talk removed", "gustav-g")
    assert client.get("/api/speakers/speaker-2-in-second-talk/").status_code == 404
    assert client.get("/api/claims/?speaker=speaker-2-in-second-talk").status_code == 400
    taken = admin_client.post(reverse("admin:claims_speaker_add"), speaker_form(
        Speaker(name="Speaker 2", slug="speaker-2-in-second-talk")))
    assert taken.status_code == 302 and Speaker.objects.get(slug="speaker-2-in-second-talk").name == "Speaker 2"


def test_a_staff_member_who_may_only_view_speakers_sees_former_slugs_without_delete_boxes(
        client, django_user_model, desk):
    speaker_update(desk.guest, slug="gustav-g")
    viewer = django_user_model.objects.create_user(username="reader", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_speaker"))
    client.force_login(viewer)
    page = client.get(reverse("admin:claims_speaker_change", args=[desk.guest.pk]))
    inline = page.context["inline_admin_formsets"][0]
    assert [form.instance.slug for form in inline.formset.forms] == ["gustav-guest"]
    assert not inline.has_delete_permission and "former_slugs-0-DELETE" not in page.content.decode()
