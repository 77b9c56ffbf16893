"""Saved queries, links and writes that name a merged speaker's or topic's old slug keep working."""
import pytest
import yaml
from django.core.cache import cache
from django.http import QueryDict

from api.filters import ClaimFilterSet
from claims.selectors import claim_list
from claims.services import speaker_merge, topic_merge

from ..factories import make_speaker, make_topic
from .conftest import names
from .test_query_counts import count_queries, many_claims  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(world):
    """Two duplicates of the guest merged one into the other, then into him (a chain); two topics
    merged into 'alignment'."""
    first, second = make_speaker(slug="ilya-s", name="Ilya S."), make_speaker(slug="sutskever-ilya", name="Sutskever")
    speaker_merge(source=first, target=second)
    speaker_merge(source=second, target=world.guest)
    for slug in ("ai-safety", "superalignment"):
        topic_merge(source=make_topic(slug=slug, name=slug.title()), target=world.topics.alignment)
    return world


def claim_names(client, world, params):
    response = client.get("/api/claims/", params)
    assert response.status_code == 200, response.json()
    return names(world, response.json()["results"])


@pytest.mark.parametrize("former, current", [
    ({"speaker": "ilya-s"}, {"speaker": "ilya-sutskever"}),
    ({"speaker": "sutskever-ilya"}, {"speaker": "ilya-sutskever"}),
    ({"topic": "ai-safety"}, {"topic": "alignment"}),
    ({"topic": "superalignment,scaling"}, {"topic": "alignment,scaling"}),
    ({"speaker": ["ilya-s", "lex-fridman"], "topic": "ai-safety"}, {"speaker": ["ilya-sutskever", "lex-fridman"], "topic": "alignment"}),
])
def test_a_claim_filter_with_a_former_slug_returns_what_the_current_slug_returns(merged, staff, former, current):
    expected = claim_names(staff, merged, current)
    assert expected and claim_names(staff, merged, former) == expected


def test_prediction_and_interview_filters_take_former_slugs_too(merged, anon):
    for url in ("/api/predictions/", "/api/interviews/"):
        by_old, by_new = anon.get(url, {"speaker": "ilya-s"}), anon.get(url, {"speaker": "ilya-sutskever"})
        assert by_old.status_code == 200 and by_old.json()["results"] == by_new.json()["results"] != []
    by_old, by_new = anon.get("/api/predictions/", {"topic": "ai-safety"}), anon.get("/api/predictions/", {"topic": "alignment"})
    assert by_old.json()["results"] == by_new.json()["results"] != []


def test_unknown_slugs_are_still_a_400_naming_only_them(merged, anon):
    response = anon.get("/api/claims/", {"speaker": "ilya-s,nobody", "topic": "ai-safety,nope"})
    assert response.status_code == 400
    assert response.json() == {"speaker": ["Unknown speaker: 'nobody'."], "topic": ["Unknown topic: 'nope'."]}
    filterset = ClaimFilterSet(data=QueryDict("topic=ai-safety&speaker=sutskever-ilya"), queryset=claim_list())
    assert filterset.is_valid(), filterset.errors


@pytest.mark.parametrize("url, location", [
    ("/api/speakers/ilya-s/", "http://testserver/api/speakers/ilya-sutskever/"),
    ("/api/speakers/sutskever-ilya/?format=json", "http://testserver/api/speakers/ilya-sutskever/?format=json"),
    ("/api/speakers/ilya-s.json", "http://testserver/api/speakers/ilya-sutskever.json"),
    ("/api/topics/ai-safety/", "http://testserver/api/topics/alignment/"),
    ("/api/topics/superalignment/?format=api", "http://testserver/api/topics/alignment/?format=api"),
])
def test_a_detail_url_with_a_former_slug_redirects_permanently_to_the_current_one(merged, anon, url, location):
    response = anon.get(url)
    assert (response.status_code, response["Location"]) == (301, location)
    assert anon.get(location).status_code == 200


def test_a_detail_url_with_an_unknown_slug_is_still_a_404(merged, anon):
    for url in ("/api/speakers/nobody/", "/api/topics/nope/", "/api/interviews/ilya-s/"):
        assert anon.get(url).status_code == 404, url


def test_speakers_and_topics_list_their_former_slugs(merged, anon):
    speakers = {s["slug"]: s for s in anon.get("/api/speakers/").json()["results"]}
    assert speakers["ilya-sutskever"]["former_slugs"] == ["ilya-s", "sutskever-ilya"]
    assert speakers["lex-fridman"]["former_slugs"] == []
    assert anon.get("/api/topics/alignment/").json()["former_slugs"] == ["ai-safety", "superalignment"]
    assert anon.get("/api/topics/scaling/").json()["former_slugs"] == []


def test_a_claim_written_with_former_slugs_gets_the_current_speaker_and_topic(merged, staff):
    text = merged.i2023.source_text
    quote = "What about the future?"
    response = staff.post("/api/claims/", {
        "interview": "lunar-2023", "speaker": "ilya-s", "start_char": text.index(quote),
        "end_char": text.index(quote) + len(quote), "statement": "A question.", "topics": ["ai-safety", "scaling"],
    }, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["speaker"]["slug"] == "ilya-sutskever"
    assert sorted(response.json()["topics"]) == ["alignment", "scaling"]
    bad = staff.post("/api/claims/", {"interview": "lunar-2023", "speaker": "nobody", "start_char": 0, "end_char": 5,
                                      "statement": "x"}, format="json")
    assert bad.status_code == 400 and bad.json() == {"speaker": ["Unknown slug: nobody."]}


def test_the_schema_documents_the_redirect(anon):
    paths = yaml.safe_load(anon.get("/api/schema/").content)["paths"]
    for path in ("/api/speakers/{slug}/", "/api/topics/{slug}/"):
        assert set(paths[path]["get"]["responses"]) == {"200", "301"}, path


def test_a_former_slug_costs_one_lookup_per_kind_and_current_slugs_none(many_claims, anon):  # noqa: F811
    speaker_merge(source=make_speaker(slug="ilya-s"), target=many_claims.guest)
    topic_merge(source=make_topic(slug="ai-safety"), target=many_claims.topics.alignment)
    counts = {}
    for label, params in {"current": {"topic": "alignment", "speaker": "ilya-sutskever"},
                          "former": {"topic": "ai-safety", "speaker": "ilya-s"}}.items():
        cache.clear()
        counts[label] = count_queries(anon, "/api/claims/", {**params, "page_size": 100})
    assert counts == {"current": 3, "former": 5}
    cache.clear()
    assert count_queries(anon, "/api/speakers/", {}) == 2 and count_queries(anon, "/api/topics/", {}) == 2
