"""What every schemathesis run of the suite checks of each answer (tests/test_api_schema.py, generated
requests; tests/test_api_stateful.py, the contract's links followed).

The generated requests of tests/test_api_schema.py are also held to `positive_data_acceptance` (every
schema-valid read accepted: the document enumerates the filter values from the database, api/accepted.py);
the stateful run follows links with values the server gave, so it needs no more.
"""

from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
