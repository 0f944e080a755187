"""A fake SIASN for the tests and the demo: answers in-process, no network.

It is mounted on a ``requests.Session`` as a transport adapter, validates what
SIASN's course-history save call needs (required fields, dd-mm-yyyy dates, a
whole positive ``jumlahJam``, a known uploaded document), keeps the records in
memory, and can be told to fail the next calls: ``FAKE.fail_next("timeout")``,
``"timeout_after_store"`` (stored, but the answer never arrives), ``"500"``,
``"401"``. One certificate number is one record (saving it again updates it),
as a careful national registry would; the sync does not rely on it.
"""

import datetime
import itertools
import json
import re
import threading
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter

from lms.fake_http import json_response, multipart_fields

REQUIRED = (
    "instansiId",
    "institusiPenyelenggara",
    "jenisDiklatId",
    "jumlahJam",
    "namaKursus",
    "nomorSertipikat",
    "pnsOrangId",
    "tahunKursus",
    "tanggalKursus",
    "tanggalSelesaiKursus",
)
DMY = re.compile(r"^\d{2}-\d{2}-\d{4}$")


@dataclass
class FakeSiasn:
    """The fake server's memory: records by id, uploaded documents, the calls
    seen (method, path) and the failures queued for the next calls."""

    records: dict[str, dict] = field(default_factory=dict)
    documents: dict[str, bytes] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # NIP -> pnsOrangId: whom SIASN knows by which NIP (for the history lookup).
    people: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def reset(self) -> None:
        with self.lock:
            self.records.clear()
            self.documents.clear()
            self.calls.clear()
            self.failures.clear()
            self.people.clear()

    def fail_next(self, *modes: str) -> None:
        """Make the next API calls (not token calls) fail, one mode per call."""
        with self.lock:
            self.failures.extend(modes)

    def saves(self) -> list[tuple[str, str]]:
        return [call for call in self.calls if call[1].endswith("/kursus/save")]

    def by_certificate(self, number: str) -> list[dict]:
        return [r for r in self.records.values() if r["nomorSertipikat"] == number]


FAKE = FakeSiasn()


def mount_fake(session: requests.Session, fake: FakeSiasn = FAKE) -> None:
    """Answer every http(s) call of ``session`` with ``fake``."""
    adapter = FakeSiasnAdapter(fake)
    session.mount("https://", adapter)
    session.mount("http://", adapter)


class FakeSiasnAdapter(BaseAdapter):
    def __init__(self, fake: FakeSiasn):
        super().__init__()
        self.fake = fake

    def close(self) -> None:
        pass

    def send(self, request, stream=False, timeout=None, **kwargs):
        if timeout is None:
            raise AssertionError("every SIASN call must have a time-out")
        path = urlsplit(request.url).path
        fake = self.fake
        with fake.lock:
            fake.calls.append((request.method, path))
            is_token = path.endswith("/token") or "grant_type" in _text(request.body)
            mode = fake.failures.pop(0) if fake.failures and not is_token else ""
        if mode == "timeout":
            raise requests.ReadTimeout("fake SIASN: no answer")
        if mode == "500":
            return json_response(request, 500, {"message": "Internal Server Error"})
        if mode == "401":
            return json_response(request, 401, {"message": "Unauthorized"})
        if is_token:
            return json_response(
                request, 200, {"access_token": uuid.uuid4().hex, "expires_in": 3600}
            )
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            return json_response(request, 401, {"message": "Unauthorized"})
        status, body = self._route(request, path)
        if mode == "timeout_after_store":
            raise requests.ReadTimeout("fake SIASN: stored, answer lost")
        return json_response(request, status, body)

    def _route(self, request, path: str) -> tuple[int, dict]:
        if request.method == "POST" and path.endswith("/upload-dok-rw"):
            return self._upload(request)
        if request.method == "POST" and path.endswith("/kursus/save"):
            return self._save(json.loads(request.body or b"{}"))
        if request.method == "GET" and "/pns/rw-kursus/" in path:
            nip = path.rsplit("/", 1)[-1]
            person = self.fake.people.get(nip, nip)
            rows = [r for r in self.fake.records.values() if r["pnsOrangId"] == person]
            return 200, {"data": rows}
        return 404, {"message": "Not Found"}

    def _upload(self, request) -> tuple[int, dict]:
        parts = multipart_fields(request)
        content = parts.get("file", b"")
        if not content.startswith(b"%PDF"):
            return 400, {"success": False, "message": "file harus PDF"}
        dok_uri = f"peremajaan/usulan/{uuid.uuid4().hex}.pdf"
        with self.fake.lock:
            self.fake.documents[dok_uri] = content
        return 200, {
            "success": True,
            "data": {
                "dok_id": parts.get("id_ref_dokumen", b"").decode(),
                "dok_nama": "Dokumen Sertifikat Kursus",
                "dok_uri": dok_uri,
                "object": dok_uri,
                "slug": parts.get("id_ref_dokumen", b"").decode(),
            },
        }

    def _save(self, record: dict) -> tuple[int, dict]:
        problems = validate(record, documents=self.fake.documents)
        if problems:
            return 400, {"success": False, "message": "; ".join(problems)}
        with self.fake.lock:
            same = self.fake.by_certificate(record["nomorSertipikat"])
            remote_id = str(record.get("id") or (same[0]["id"] if same else ""))
            if not remote_id:
                remote_id = f"fake-{next(self.fake.counter):06d}"
            self.fake.records[remote_id] = {**record, "id": remote_id}
        return 200, {
            "success": True,
            "mapData": {"rwKursusId": remote_id},
            "message": "success",
        }


def validate(record: dict, *, documents: dict) -> list[str]:
    """What the save call refuses, as SIASN would say it."""
    problems = [f"{name} wajib diisi" for name in REQUIRED if not record.get(name)]
    for name in ("tanggalKursus", "tanggalSelesaiKursus"):
        value = str(record.get(name) or "")
        if value and not _is_dmy(value):
            problems.append(f"{name} harus berformat dd-mm-yyyy")
    hours = record.get("jumlahJam")
    if hours and (not isinstance(hours, int) or isinstance(hours, bool) or hours < 1):
        problems.append("jumlahJam harus bilangan bulat lebih dari 0")
    for reference in record.get("path") or []:
        if reference.get("dok_uri") not in documents:
            problems.append("dokumen tidak ditemukan")
    return problems


def _is_dmy(value: str) -> bool:
    if not DMY.match(value):
        return False
    day, month, year = (int(part) for part in value.split("-"))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _text(body) -> str:
    if isinstance(body, bytes):
        return body[:200].decode("latin-1")
    return str(body or "")[:200]
