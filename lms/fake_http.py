"""Plumbing shared by the in-process fake servers (SIASN, BSrE, the LRS): they are
``requests`` adapters, so the real clients run unchanged against them in tests and
the demo. Imports no app."""

from __future__ import annotations

import json
from email.parser import BytesParser
from email.policy import HTTP

import requests
from requests.structures import CaseInsensitiveDict


def multipart_fields(request: requests.PreparedRequest) -> dict[str, bytes]:
    """The named parts of a ``multipart/form-data`` body; {} for any other body."""
    content_type = request.headers.get("Content-Type", "")
    if not content_type.startswith("multipart/"):
        return {}
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + (request.body or b""))
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            parts[name] = part.get_payload(decode=True) or b""
    return parts


def json_response(
    request: requests.PreparedRequest, status: int, body
) -> requests.Response:
    """A ``requests.Response`` with ``body`` as JSON, as a server would send it."""
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode()
    response.headers = CaseInsensitiveDict({"Content-Type": "application/json"})
    response.url = request.url
    response.request = request
    response.encoding = "utf-8"
    response.reason = {200: "OK", 400: "Bad Request"}.get(status, "Error")
    return response
