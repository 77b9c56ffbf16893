"""The claim and prediction lists' search box: the API's full-text search (`?q=`), through the test client."""
import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.dataset import DEFAULT_FIXTURES_DIR
from claims.models import Claim
from claims.services import prediction_update

pytestmark = pytest.mark.django_db

CLAIMS = reverse("admin:claims_claim_changelist")
PREDICTIONS = reverse("admin:claims_prediction_changelist")

# words, forms of a word, "phrases", -excluded, or; all but the last three match something in the seed
SEARCHES = [
    "alignment", "Neural Networks", "neural network", "predicting", "scaling laws", '"deep learning"',
    '"deep learning" -neural', "jerusalem or toronto", "agi -alignment", "-alignment",
    '"learning deep"', "zebra", "!!!",
]


def admin_ids(client, url, q, **params) -> set[int]:
    response = client.get(url, {"q": q, **params})
    assert response.status_code == 200
    return set(response.context["cl"].queryset.values_list("pk", flat=True))


def api_ids(client, endpoint, q) -> set[int]:
    response = client.get(f"/api/{endpoint}/", {"q": q, "page_size": 1000})
    assert response.status_code == 200, response.content
    assert response.json()["next"] is None
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def seed(db):
    call_command("load_dataset", "--fixtures", str(DEFAULT_FIXTURES_DIR), "--force", verbosity=0)


def test_the_claim_list_search_finds_what_the_api_q_finds_in_the_seed(admin_client, seed):
    found = {}
    for q in SEARCHES:
        found[q] = admin_ids(admin_client, CLAIMS, q)
        assert found[q] == api_ids(admin_client, "claims", q), q
    assert [q for q in SEARCHES if not found[q]] == SEARCHES[-3:]
    assert found['"deep learning" -neural'] < found['"deep learning"']
    assert found["-alignment"] == set(Claim.objects.values_list("pk", flat=True)) - found["alignment"]


def test_the_prediction_list_search_finds_what_the_api_q_finds_in_the_seed(admin_client, seed):
    for q in SEARCHES:
        # status=all: the list shows open predictions unless asked otherwise
        assert admin_ids(admin_client, PREDICTIONS, q, status="all") >= api_ids(admin_client, "predictions", q), q


@pytest.mark.parametrize("q, expected", [
    ('"improve a lot"', {"proposed", "prediction_claim"}),
    ('"a lot improve"', set()),
    ("reliability -predicts", {"proposed"}),  # the prediction claim's statement says "predicts"
    ("reliability 2025", {"prediction_claim"}),  # every word required
    ("listeners or shortest", {"rejected", "approved"}),
    ("welcomed", {"rejected"}),  # "Welcome to the show.", "The host welcomes listeners."
    ("-reliability", {"approved", "rejected"}),
])
def test_the_claim_list_search_takes_phrases_exclusions_or_and_word_forms(admin_client, desk, q, expected):
    assert admin_ids(admin_client, CLAIMS, q) == {getattr(desk, name).pk for name in expected}


@pytest.mark.parametrize("q", ["!!!", "-", "or", '""', "%_", "- -"])
def test_a_search_without_words_lists_nothing_as_the_api_does(admin_client, desk, q):
    assert admin_ids(admin_client, CLAIMS, q) == set() == api_ids(admin_client, "claims", q)
    assert admin_ids(admin_client, PREDICTIONS, q) == set() == api_ids(admin_client, "predictions", q)


def test_a_blank_search_lists_everything(admin_client, desk):
    assert admin_ids(admin_client, CLAIMS, "  ") == set(Claim.objects.values_list("pk", flat=True))


def test_the_prediction_list_search_excludes_and_reads_the_prediction_too(admin_client, desk):
    assert admin_ids(admin_client, PREDICTIONS, "reliability -predicts") == set()
    assert admin_ids(admin_client, PREDICTIONS, "predicted") == {desk.prediction.pk}  # "predicts": a word form
    prediction_update(desk.prediction, predicted="Reliability improves a lot, say the curators.",
                      horizon="within two years (say mid-2025)")
    # words only the prediction has: Django's search of its own text, every word in one field or the other
    assert admin_ids(admin_client, PREDICTIONS, "CURATORS") == {desk.prediction.pk}
    assert admin_ids(admin_client, PREDICTIONS, "curators mid-2025") == {desk.prediction.pk}
    assert admin_ids(admin_client, PREDICTIONS, "curators zebra") == set()
