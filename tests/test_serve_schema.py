"""The OpenAPI schema against the app: schemathesis generates requests from /openapi.json and checks
every answer (no server error, documented status, content type and body shape), over a small database.

Operations are walked by hand rather than with ``schema.parametrize``: schemathesis's lazy fixture
loader does not run under pytest 9.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from serve_records import build_database, sample_reports

from conflictlog.serve import ServeSettings, create_app

# Few examples per operation and no shrinking: the run stays within seconds, and a failure
# still names the request that broke the contract.
_BOUNDED = settings(max_examples=8, deadline=None, derandomize=True, database=None,
                    phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    db = build_database(str(tmp_path_factory.mktemp("schema") / "api.sqlite"), sample_reports())
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(ServeSettings(db=db)))


def test_the_schema_lists_every_route(api_schema: schemathesis.BaseSchema) -> None:
    labels = {operation.ok().label for operation in api_schema.get_all_operations()}
    assert {"GET /api/incidents", "GET /api/incidents/{incident_id}", "GET /api/timeline", "GET /api/events",
            "GET /api/documents", "POST /api/documents"} <= labels


def test_every_operation_honours_the_schema(api_schema: schemathesis.BaseSchema) -> None:
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @_BOUNDED
        @given(case=operation.as_strategy())
        def answers_as_documented(case: schemathesis.Case) -> None:
            case.call_and_validate(excluded_checks=_checks_beyond_the_schema(case))

        answers_as_documented()


def _checks_beyond_the_schema(case: schemathesis.Case) -> list[schemathesis.CheckFunction]:
    # A box whose south lies north of its north matches its pattern but is refused (422): the
    # order of two numbers is beyond what a pattern says. Every other schema-valid request must pass.
    if case.query and "bbox" in case.query:
        return [positive_data_acceptance]
    return []
