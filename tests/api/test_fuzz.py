"""Schema-driven fuzzing: schemathesis generates requests from the served OpenAPI schema, valid and
invalid, as staff (so writes are exercised too) and anonymously; no response may be a 5xx.

Bounded: FUZZ_EXAMPLES examples per operation (default 25), no per-example deadline.
"""
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error

from .conftest import build_world

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def fuzz_world(db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})
    # The WSGI handler closes the database connection after each request (Django's test client
    # turns that off); inside the test's transaction that would drop the connection on PostgreSQL.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield build_world()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def point_at_real_rows(case, world, coin: int) -> None:
    """Half the cases name existing rows, so that generated bodies reach the services, not just 404s."""
    if coin % 2:
        return
    params = case.path_parameters or {}
    if "id" in params:
        params["id"] = world.agi_2023_pred.prediction.pk if "predictions" in case.path else world.agi_2023_pred.pk
    if "slug" in params:
        params["slug"] = {"interviews": "lunar-2023", "topics": "agi", "speakers": "ilya-sutskever"}[case.path.split("/")[2]]
    if isinstance(case.body, dict) and "interview" in case.body:
        case.body.update(interview="lunar-2023", speaker="ilya-sutskever")
        if isinstance(case.body.get("topics"), list):
            case.body["topics"] = ["agi"]


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_generated_request_gets_a_server_error(case, fuzz_world, staff_token):
    coin = sum(map(ord, repr((case.path_parameters, case.query, case.body))))
    point_at_real_rows(case, fuzz_world, coin)
    anonymous = case.method == "GET" and coin % 3 == 0
    headers = {} if anonymous else {"Authorization": f"Token {staff_token}"}
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
