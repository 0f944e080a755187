"""A small, bounded HTTP/1.1 load generator (asyncio, keep-alive, 127.0.0.1 only).

Each of N concurrent connections sends GET requests back to back until a deadline,
opening a new connection every ``REQUESTS_PER_CONNECTION`` requests; every request
has a timeout. Reports requests per second, p50/p95/p99 latency and
the status codes seen. Stdlib only, so that it costs less CPU than the server.
"""

from __future__ import annotations

import asyncio
import ipaddress
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

REQUEST_TIMEOUT = 30.0
# Like a browser or a proxy (nginx's keepalive_requests), a connection is closed
# and opened again after this many requests. Kept open for a whole round, every
# connection opened while one gunicorn worker was being recycled (max_requests)
# would stay on the other worker, and one worker of two would serve the round.
REQUESTS_PER_CONNECTION = 100


@dataclass
class LoadResult:
    name: str
    concurrency: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0

    def merge(self, other: LoadResult) -> None:
        """Add another round of the same scenario to this one."""
        self.seconds += other.seconds
        self.latencies.extend(other.latencies)
        self.failures += other.failures
        for status, count in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    @property
    def errors(self) -> int:
        return self.failures + sum(
            count for status, count in self.statuses.items() if status != 200
        )

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "concurrency": self.concurrency,
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "rps": round(self.rps, 1),
            "p50_ms": round(self.percentile(50), 1),
            "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1),
            "mean_ms": round(statistics.fmean(self.latencies) * 1000, 1)
            if self.latencies
            else None,
            "statuses": self.statuses,
            "errors": self.errors,
        }


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers.get("connection", "").lower() == "close"


async def _connection(host, port, request, deadline, result) -> None:
    reader = writer = None
    sent = 0
    while time.monotonic() < deadline:
        try:
            if writer is not None and sent >= REQUESTS_PER_CONNECTION:
                writer.close()
                writer = None
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(host, port), REQUEST_TIMEOUT
                )
                sent = 0
            sent += 1
            started = time.perf_counter()
            writer.write(request)
            status, close = await asyncio.wait_for(
                _read_response(reader), REQUEST_TIMEOUT
            )
            result.latencies.append(time.perf_counter() - started)
            result.statuses[status] = result.statuses.get(status, 0) + 1
            if close:
                writer.close()
                writer = None
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            result.failures += 1
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.05)
    if writer is not None:
        writer.close()


def run_load(
    name: str,
    url: str,
    *,
    concurrency: int,
    seconds: float,
    cookie: str = "",
) -> LoadResult:
    """GET ``url`` from ``concurrency`` keep-alive connections for ``seconds``."""
    parts = urlsplit(url)
    if not ipaddress.ip_address(parts.hostname).is_loopback:
        raise ValueError("the load generator only targets loopback addresses")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        + (f"Cookie: {cookie}\r\n" if cookie else "")
        + "Accept-Encoding: identity\r\nUser-Agent: sigap-bench\r\n\r\n"
    ).encode()
    result = LoadResult(name=name, concurrency=concurrency, seconds=seconds)

    async def main() -> None:
        deadline = time.monotonic() + seconds
        started = time.monotonic()
        await asyncio.gather(
            *(
                _connection(parts.hostname, parts.port, request, deadline, result)
                for _ in range(concurrency)
            )
        )
        result.seconds = time.monotonic() - started

    asyncio.run(main())
    return result
