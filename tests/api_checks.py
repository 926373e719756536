"""What every schemathesis run of the suite checks of each answer (tests/test_api_schema.py, generated
requests; tests/test_api_stateful.py, the contract's links followed).

Not "every schema-valid request is accepted": filter values are checked against the values in the
database (`?district=<any text>` is a string, but no district), which the static document does not list.
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
