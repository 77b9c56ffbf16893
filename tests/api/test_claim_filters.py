"""Filters on claims/, alone and combined, checked against a plain-Python reading of the same rows."""
import datetime as dt
import itertools

import pytest
from django.http import QueryDict

from api.filters import ClaimFilterSet
from claims.models import Claim
from claims.selectors import claim_list

from .conftest import names

pytestmark = pytest.mark.django_db

SUBTREES = {
    "agi": {"agi", "alignment", "agi-timelines"},
    "alignment": {"alignment"},
    "agi-timelines": {"agi-timelines"},
    "deep-learning": {"deep-learning", "scaling"},
    "scaling": {"scaling"},
}


def facts(claim: Claim) -> dict:
    return {
        "topics": {topic.slug for topic in claim.topics.all()},
        "speaker": claim.speaker.slug,
        "interview": claim.interview.slug,
        "date": claim.date,
        "type": claim.claim_type,
        "hedged": claim.hedged,
        "status": claim.status,
        "text": (claim.quote + " " + claim.statement).lower(),
    }


# (query parameters, the rule a claim must meet)
SINGLE_FILTERS = {
    "topic-leaf": ({"topic": "alignment"}, lambda f: bool(f["topics"] & SUBTREES["alignment"])),
    "topic-parent-includes-subtopics": ({"topic": "agi"}, lambda f: bool(f["topics"] & SUBTREES["agi"])),
    "topic-repeated-is-any-of": (
        {"topic": ["alignment", "scaling"]}, lambda f: bool(f["topics"] & {"alignment", "scaling"})
    ),
    "topic-comma-is-any-of": ({"topic": "agi-timelines,scaling"}, lambda f: bool(f["topics"] & {"agi-timelines", "scaling"})),
    "speaker": ({"speaker": "ilya-sutskever"}, lambda f: f["speaker"] == "ilya-sutskever"),
    "speaker-repeated": ({"speaker": ["lex-fridman", "craig-smith"]}, lambda f: f["speaker"] in {"lex-fridman", "craig-smith"}),
    "interview": ({"interview": "lunar-2023"}, lambda f: f["interview"] == "lunar-2023"),
    "date_after-inclusive": ({"date_after": "2023-01-01"}, lambda f: f["date"] is not None and f["date"] >= dt.date(2023, 1, 1)),
    "date_before-inclusive": ({"date_before": "2020-05-08"}, lambda f: f["date"] is not None and f["date"] <= dt.date(2020, 5, 8)),
    "type": ({"type": "prediction"}, lambda f: f["type"] == "prediction"),
    "type-repeated": ({"type": ["opinion", "factual"]}, lambda f: f["type"] in {"opinion", "factual"}),
    "is_prediction-true": ({"is_prediction": "true"}, lambda f: f["type"] == "prediction"),
    "is_prediction-false": ({"is_prediction": "false"}, lambda f: f["type"] != "prediction"),
    "hedged-true": ({"hedged": "true"}, lambda f: f["hedged"]),
    "hedged-false": ({"hedged": "false"}, lambda f: not f["hedged"]),
    "status-approved": ({"status": "approved"}, lambda f: f["status"] == "approved"),
    "status-proposed": ({"status": "proposed"}, lambda f: f["status"] == "proposed"),
    "q-one-word": ({"q": "alignment"}, lambda f: "alignment" in f["text"]),
    "q-two-words-all-needed": ({"q": "compute networks"}, lambda f: "compute" in f["text"] and "networks" in f["text"]),
}


def expected_ids(world, params_rule_pairs, *, staff: bool) -> list[int]:
    visible = [c for c in world.all if staff or c.status == "approved"]
    chosen = [c for c in visible if all(rule(facts(c)) for _, rule in params_rule_pairs)]
    return sorted(c.pk for c in chosen)


def result_ids(client, params) -> list[int]:
    response = client.get("/api/claims/", {**params, "page_size": 1000})
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


@pytest.mark.parametrize("who", ["anon", "staff"])
@pytest.mark.parametrize("name", list(SINGLE_FILTERS))
def test_each_filter_alone_returns_exactly_the_matching_claims(world, request, who, name):
    params, rule = SINGLE_FILTERS[name]
    expected = expected_ids(world, [(params, rule)], staff=who == "staff")
    assert result_ids(request.getfixturevalue(who), params) == expected


def test_every_pair_of_filters_combines_as_and(world, staff, anon):
    combinable = {name: value for name, value in SINGLE_FILTERS.items() if "repeated" not in name}
    checked = 0
    for (a, (pa, ra)), (b, (pb, rb)) in itertools.combinations(combinable.items(), 2):
        if set(pa) & set(pb):
            continue  # the same parameter twice means "any of"; covered above
        if {**pa, **pb}.get("date_after", "") > {**pa, **pb}.get("date_before", "9999"):
            continue  # a range ending before it starts is a 400 (test_bad_input)
        for client, is_staff in ((staff, True), (anon, False)):
            expected = expected_ids(world, [(pa, ra), (pb, rb)], staff=is_staff)
            assert result_ids(client, {**pa, **pb}) == expected, (a, b, is_staff)
            checked += 1
    assert checked > 200


def test_topic_date_and_speaker_give_the_guests_approved_2023_alignment_claims(world, anon):
    response = anon.get("/api/claims/", {"topic": "alignment", "date_after": "2023-01-01", "speaker": "ilya-sutskever"})
    assert names(world, response.json()["results"]) == ["align_2023"]


def test_anonymous_asking_for_proposed_claims_gets_none(world, anon):
    assert anon.get("/api/claims/", {"status": "proposed"}).json()["results"] == []


def test_id_filters_match_their_slug_filters(world, staff):
    pairs = [
        ({"topic": "agi"}, {"topic_id": world.topics.agi.pk}),
        ({"speaker": "craig-smith"}, {"speaker_id": world.craig.pk}),
        ({"interview": "eye-2023"}, {"interview_id": world.i2023y.pk}),
    ]
    for by_slug, by_id in pairs:
        assert result_ids(staff, by_slug) == result_ids(staff, by_id) != []


def test_filters_combine_with_ordering_and_pagination(world, staff):
    params = {"speaker": "ilya-sutskever", "ordering": "-date", "page_size": 2}
    first = staff.get("/api/claims/", params).json()
    second = staff.get(first["next"]).json()
    rows = first["results"] + second["results"]
    assert all(row["speaker"]["slug"] == "ilya-sutskever" for row in rows)
    dates = [row["date"] for row in rows if row["date"]]
    assert dates == sorted(dates, reverse=True)


def test_claim_filterset_called_directly(world):
    data = QueryDict(mutable=True)
    data.setlist("topic", ["deep-learning"])
    data["hedged"] = "false"
    filterset = ClaimFilterSet(data=data, queryset=claim_list())
    assert filterset.is_valid(), filterset.errors
    assert sorted(filterset.qs.values_list("pk", flat=True)) == sorted(
        [world.scaling_2020.pk, world.host_2020.pk, world.host_2023y.pk]
    )


def test_claim_filterset_reports_unknown_slugs_by_parameter(world):
    filterset = ClaimFilterSet(data=QueryDict("topic=nope&speaker=nobody"), queryset=claim_list())
    assert not filterset.is_valid()
    assert filterset.errors == {"topic": ["Unknown topic: 'nope'."], "speaker": ["Unknown speaker: 'nobody'."]}
