"""A fake learning record store for the tests: answers in-process, no network.

Mounted on a ``requests.Session`` as a transport adapter, it answers ``POST
…/statements`` as an LRS does: the ``X-Experience-API-Version`` header is
required, a batch is stored whole or refused whole (400), a statement id it
already holds with the same content is accepted again (idempotent) and with other
content refused (409). It can be told to fail the next calls
(``fake.fail_next("timeout" | "500" | "401")``) or to refuse one statement id
(``fake.refuse(statement_id, "message")``).
"""

import base64
import json
import threading
import uuid
from dataclasses import dataclass, field

import requests
from requests.adapters import BaseAdapter

from lms.fake_http import json_response


@dataclass
class FakeLrs:
    statements: dict[str, dict] = field(default_factory=dict)
    posts: list[list[str]] = field(default_factory=list)
    headers: list[dict] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, *modes: str) -> None:
        with self.lock:
            self.failures.extend(modes)

    def refuse(self, statement_id, message: str) -> None:
        with self.lock:
            self.refused[str(statement_id)] = message

    def mount(self, session: requests.Session) -> requests.Session:
        adapter = FakeLrsAdapter(self)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        return session

    def basic_auth(self, index: int = -1) -> tuple[str, str] | None:
        value = self.headers[index].get("Authorization", "")
        if not value.startswith("Basic "):
            return None
        user, _sep, password = base64.b64decode(value[6:]).decode().partition(":")
        return user, password


class FakeLrsAdapter(BaseAdapter):
    def __init__(self, fake: FakeLrs):
        super().__init__()
        self.fake = fake

    def close(self) -> None:
        pass

    def send(self, request, stream=False, timeout=None, **kwargs):
        if timeout is None:
            raise AssertionError("every LRS call must have a time-out")
        fake = self.fake
        with fake.lock:
            fake.headers.append(dict(request.headers))
            mode = fake.failures.pop(0) if fake.failures else ""
        if mode == "timeout":
            raise requests.ReadTimeout("fake LRS: no answer")
        if mode in ("500", "401"):
            return json_response(request, int(mode), {"detail": "fake LRS failure"})
        if request.headers.get("X-Experience-API-Version") != "2.0.0":
            return json_response(
                request, 400, {"detail": "missing xAPI version header"}
            )
        if request.method != "POST" or not request.url.endswith("/statements"):
            return json_response(request, 404, {"detail": "Not Found"})
        batch = json.loads(request.body or b"[]")
        if isinstance(batch, dict):
            batch = [batch]
        with fake.lock:
            fake.posts.append([s.get("id", "") for s in batch])
            for statement in batch:
                sid = statement.get("id", "")
                if sid in fake.refused:
                    return json_response(request, 400, {"detail": fake.refused[sid]})
                known = fake.statements.get(sid)
                if known is not None and known != statement:
                    return json_response(request, 409, {"detail": f"{sid} differs"})
            for statement in batch:
                sid = statement.get("id") or str(uuid.uuid4())
                fake.statements[sid] = statement
        return json_response(request, 200, [s.get("id") for s in batch])
