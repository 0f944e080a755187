"""Every URL of Sigap, asked with a method its view does not expect (PUT, PATCH,
DELETE, OPTIONS, HEAD, TRACE, as scanners and old clients do), answers without a
server error, for the role that gets furthest into it, on its own record."""

import pytest

from .matrix import MATRIX
from .test_authorization_matrix import _url_for
from .test_hostile_input import OUR_MATRIX, _client, _deepest_role, _finding
from .world import build_world

METHODS = ("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE")


def _send(client, method: str, url: str):
    try:
        return client.generic(method, url)
    except Exception as error:  # noqa: BLE001 - a raised error is the finding
        return error


@pytest.mark.django_db
def test_unexpected_methods_on_every_url_never_cause_a_server_error():
    world = build_world()
    failures = []
    for name in OUR_MATRIX:
        rule = MATRIX[name]
        url = _url_for(name, rule, world, True)
        client = _client(world, _deepest_role(rule))
        for method in METHODS:
            finding = _finding(_send(client, method, url), f"{method} {url}")
            if finding:
                failures.append(finding)
    assert len(OUR_MATRIX) > 100
    assert not failures, "\n".join(failures)
