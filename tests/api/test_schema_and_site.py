"""The OpenAPI schema and docs serve and validate; rate limiting and CORS behave as configured."""
import pytest
import yaml
from django.core.management import call_command
from drf_spectacular.validation import validate_schema
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


def test_the_served_schema_is_valid_openapi_3(anon):
    response = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_the_schema_documents_every_endpoint_and_claim_filter(anon):
    schema = yaml.safe_load(anon.get("/api/schema/").content)
    paths = schema["paths"]
    for path in ("/api/claims/", "/api/claims/{id}/", "/api/topics/", "/api/speakers/", "/api/interviews/",
                 "/api/interviews/{slug}/transcript/", "/api/predictions/", "/api/predictions/{id}/resolve/"):
        assert path in paths, path
    parameters = {p["name"] for p in paths["/api/claims/"]["get"]["parameters"]}
    assert {"topic", "speaker", "interview", "date_after", "date_before", "type", "is_prediction", "hedged",
            "status", "q", "ordering", "cursor", "page_size", "format"} <= parameters
    prediction_parameters = {p["name"] for p in paths["/api/predictions/"]["get"]["parameters"]}
    assert {"status", "target_before", "target_after", "speaker", "topic"} <= prediction_parameters
    assert set(paths["/api/claims/"]["get"]["responses"]["200"]["content"]) == {
        "application/json", "text/csv", "application/x-ndjson"
    }


def test_the_schema_in_an_unknown_format_is_a_400_in_json_naming_the_formats_offered(anon):
    response = anon.get("/api/schema/", {"format": "xml"})
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"format": ["Unknown format 'xml'; this endpoint answers in: yaml, json."]}
    assert anon.get("/api/schema/", {"format": "json"}).json()["openapi"].startswith("3.")
    assert yaml.safe_load(anon.get("/api/schema/", {"format": "yaml"}).content)["openapi"].startswith("3.")


def test_schema_generation_has_no_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))


def test_the_interactive_docs_serve_without_a_cdn(anon):
    response = anon.get("/api/docs/")
    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert b"cdn.jsdelivr.net" not in response.content
    assert b"/api/schema/" in response.content


def test_the_api_root_lists_the_endpoints(anon):
    assert set(anon.get("/api/").json()) == {"claims", "topics", "speakers", "interviews", "predictions"}


@pytest.fixture
def low_anon_rate(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


def test_anonymous_clients_are_rate_limited(world, anon, low_anon_rate):
    statuses = [anon.get("/api/claims/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert "Retry-After" in anon.get("/api/topics/").headers


def test_authenticated_clients_are_not_rate_limited(world, staff, low_anon_rate):
    assert {staff.get("/api/claims/").status_code for _ in range(5)} == {200}


def test_the_default_anonymous_rate_is_set():
    from django.conf import settings

    assert "AnonRateThrottle" in settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"][0]
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]


def test_cors_is_off_by_default(world, anon):
    response = anon.get("/api/claims/", HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_allows_configured_origins_on_the_api_only(world, anon, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://research.example"]
    response = anon.get("/api/claims/", HTTP_ORIGIN="https://research.example")
    assert response.headers["Access-Control-Allow-Origin"] == "https://research.example"
    other = anon.get("/api/claims/", HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in other.headers
    admin = anon.get("/admin/login/", HTTP_ORIGIN="https://research.example")
    assert "Access-Control-Allow-Origin" not in admin.headers
