"""The topic tree with claim counts, and merging topics without losing claims."""
import json

import pytest
from django.urls import reverse

from claims.models import Claim, Topic
from tests.factories import make_claim, make_topic

from .conftest import former_slug_forms, messages_of, reload

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:claims_topic_changelist")


def test_the_topic_list_is_the_tree_with_claim_counts(admin_client, desk):
    make_topic(name="Alignment", slug="alignment")
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert [t.slug for t in rows] == ["alignment", "machine-learning", "reliability", "other"]
    counts = {t.slug: (t.tree_depth, t.n_claims, t.subtree_claims) for t in rows}
    assert counts == {"alignment": (0, 0, 0), "machine-learning": (0, 0, 2), "reliability": (1, 2, 2),
                      "other": (0, 0, 0)}
    assert "?topic=machine-learning" in response.content.decode()


def merge(admin_client, selected, target, confirm=True):
    data = {"action": "merge_topics", "_selected_action": [t.pk for t in selected]}
    if confirm:
        data |= {"post": "yes", "target": target.pk}
    return admin_client.post(CHANGELIST, data, follow=confirm)


def test_merging_asks_which_topic_to_keep(admin_client, desk):
    response = merge(admin_client, [desk.reliability, desk.other], desk.other, confirm=False)
    assert response.status_code == 200 and "merge into" in response.content.decode()
    assert Topic.objects.filter(slug="reliability").exists()


def test_merging_moves_claims_subtopics_and_keywords_and_loses_nothing(admin_client, desk):
    child = make_topic(name="Hallucination", slug="hallucination", parent=desk.reliability)
    both = make_claim(speaker=desk.guest, topics=[desk.reliability, desk.other])
    desk.reliability.keywords = ["trustworthy"]
    desk.reliability.save()
    tagged_before = set(Claim.objects.filter(topics__in=[desk.reliability, desk.other]).values_list("pk", flat=True))
    response = merge(admin_client, [desk.reliability, desk.other], desk.other)
    assert messages_of(response) == [
        "Merged “Reliability” into “Other”: 2 claims moved, 1 already had “Other”, 1 subtopic moved under it."]
    assert not Topic.objects.filter(slug="reliability").exists()
    assert set(Claim.objects.filter(topics=desk.other).values_list("pk", flat=True)) == tagged_before
    assert reload(child).parent == desk.other
    assert reload(desk.other).keywords == ["Reliability", "trustworthy"]
    assert list(reload(both).topics.all()) == [desk.other]
    assert reload(desk.proposed).history.first().history_user.username == "admin"


def test_a_topic_cannot_be_merged_into_its_own_subtopic(admin_client, desk):
    response = merge(admin_client, [desk.ml], desk.reliability)
    assert messages_of(response)[0].startswith("Nothing was merged: Machine learning (machine-learning): "
                                               "'Reliability' lies under 'Machine learning'")
    assert Topic.objects.filter(slug="machine-learning").exists()


def test_a_refusal_part_way_through_a_topic_merge_merges_none_of_the_selected_topics(admin_client, desk):
    alignment = make_topic(name="Alignment", slug="alignment", keywords=["aligned"])
    tagged = make_claim(speaker=desk.guest, topics=[alignment])
    before = {topic.slug: (topic.parent_id, topic.keywords) for topic in Topic.objects.all()}
    # by slug, alignment would go in first; machine-learning is refused (reliability lies under it)
    response = merge(admin_client, [alignment, desk.ml], desk.reliability)
    assert messages_of(response) == [(
        "Nothing was merged: Machine learning (machine-learning): 'Reliability' lies under 'Machine learning'; "
        "merging would make the tree loop. Move 'Reliability' out from under 'Machine learning' first, "
        "or merge the other way round.")]
    assert {topic.slug: (topic.parent_id, topic.keywords) for topic in Topic.objects.all()} == before
    assert list(reload(tagged).topics.all()) == [alignment]
    assert not reload(desk.reliability).former_slugs.exists()


def test_a_topic_is_not_merged_into_itself(admin_client, desk):
    response = merge(admin_client, [desk.other], desk.other)
    assert messages_of(response) == ["Nothing was merged: Other (other): A topic cannot be merged into itself."]
    assert Topic.objects.filter(slug="other").exists()


def test_topic_choices_elsewhere_follow_the_tree(admin_client, desk):
    response = admin_client.get(reverse("admin:claims_claim_changelist"))
    filter_choices = [c["display"] for spec in response.context["cl"].filter_specs if spec.title == "topic"
                      for c in spec.choices(response.context["cl"])]
    assert filter_choices == ["All", "(no topic)", "Machine learning", "\u2003Reliability", "Other"]


def test_a_merged_topics_slug_keeps_working_in_the_claim_lists_topic_filter_and_is_listed(admin_client, desk):
    merge(admin_client, [desk.reliability], desk.other)
    response = admin_client.get(reverse("admin:claims_claim_changelist") + "?topic=reliability")
    assert {claim.pk for claim in response.context["cl"].result_list} == set(
        Claim.objects.filter(topics=desk.other).values_list("pk", flat=True)) != set()
    page = admin_client.get(reverse("admin:claims_topic_change", args=[desk.other.pk]))
    assert "Former slugs: old slugs that still lead here" in page.content.decode()
    assert [form.instance.slug for form in page.context["inline_admin_formsets"][0].formset.forms] == ["reliability"]


def test_renaming_a_topic_slug_in_the_admin_keeps_the_old_one(admin_client, desk):
    url = reverse("admin:claims_topic_change", args=[desk.other.pk])
    data = {"slug": "misc", "name": "Other", "description": "", "parent": "", "keywords": "[]"}
    assert admin_client.post(url, data | former_slug_forms(desk.other)).status_code == 302
    assert list(reload(desk.other).former_slugs.values_list("slug", flat=True)) == ["other"]
    refused = admin_client.post(reverse("admin:claims_topic_add"), data | {"slug": "other", "name": "Another"})
    assert refused.context["adminform"].form.errors == {
        "slug": ["'other' is a former slug of Other (misc): it still leads there. Choose another slug."]}


def test_a_merge_made_by_mistake_is_undone_by_removing_the_former_slug_and_adding_the_topic_again(
        admin_client, client, desk):
    merge(admin_client, [desk.reliability], desk.other)
    assert client.get("/api/topics/reliability/").status_code == 301
    url = reverse("admin:claims_topic_change", args=[desk.other.pk])
    keywords = json.dumps(reload(desk.other).keywords)  # the page posts them twice: as shown, and as first shown
    data = {"slug": "other", "name": "Other", "description": "", "parent": "", "keywords": keywords, "initial-keywords": keywords}
    records = desk.other.history.count()
    response = admin_client.post(url, data | former_slug_forms(desk.other, delete=["reliability"]))
    assert response.status_code == 302
    assert not desk.other.former_slugs.exists()
    assert desk.other.history.count() == records + 1  # nothing else changed on the page: one record
    latest = desk.other.history.first()
    assert (latest.history_change_reason, latest.history_user.username) == ("former slug reliability removed", "admin")
    assert client.get("/api/topics/reliability/").status_code == 404
    added = admin_client.post(reverse("admin:claims_topic_add"), data | {"slug": "reliability", "name": "Reliability"})
    assert added.status_code == 302 and Topic.objects.get(slug="reliability").name == "Reliability"


def test_an_add_link_with_a_parent_that_is_not_a_number_opens_the_form_without_it(admin_client, desk):
    response = admin_client.get(reverse("admin:claims_topic_add") + "?parent=abc&name=Memory")
    assert response.status_code == 200  # was a 500
    assert response.context["adminform"].form.initial == {"name": "Memory"}
