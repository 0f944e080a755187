"""Walk the URLconf: every pattern, with its full route and a sample path."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

SAMPLES = ["1", "x", "1/x", "x.pdf", "1-x", "a1b2c3"]


@dataclass
class Route:
    key: str  # "namespace:name", or the route text for unnamed patterns
    route: str
    pattern: URLPattern
    chain: tuple


def iter_routes() -> Iterator[Route]:
    def walk(patterns, chain, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
                yield from walk(p.url_patterns, (*chain, p), ns)
            else:
                route = "".join(str(c.pattern) for c in (*chain, p))
                key = p.name and (f"{namespace}:{p.name}" if namespace else p.name)
                yield Route(key=key or route, route=route, pattern=p, chain=(*chain, p))

    yield from walk(get_resolver().url_patterns, (), None)


_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<[^>]+>(?:[^()]|\([^()]*\))*\)|\((?:[^()])*\)")


def _fill(piece: str, sample: str) -> str:
    piece = _ROUTE_PARAM.sub(
        lambda m: "1" if (m.group("conv") or "str") in ("int", "id") else sample,
        piece,
    )
    piece = _REGEX_GROUP.sub(sample, piece)
    return piece.replace("^", "").replace("$", "").replace("\\", "")


def sample_path(route: Route) -> str | None:
    """A concrete path that resolves to this pattern, or None if none was found.

    A pattern shadowed by an earlier one (e.g. a sign-in page redirected to
    allauth) gives the path that reaches the shadowing view.
    """
    shadowed = None
    for sample in SAMPLES:
        path = "/" + "".join(_fill(str(c.pattern), sample) for c in route.chain)
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.func == route.pattern.callback:
            return path
        shadowed = shadowed or path
    return shadowed


def path_with(route: Route, value: str) -> str:
    """The route with every one of its parameters set to ``value`` (URL-quoted).

    The path may match no pattern (a converter refuses the value); it is then
    answered by whatever serves unmatched paths (Wagtail's page tree).
    """
    quoted = quote(value, safe="")

    def fill(piece: str) -> str:
        piece = _ROUTE_PARAM.sub(lambda m: quoted, piece)
        piece = _REGEX_GROUP.sub(lambda m: quoted, piece)
        return piece.replace("^", "").replace("$", "").replace("\\", "")

    return "/" + "".join(fill(str(c.pattern)) for c in route.chain)


def has_parameters(route: Route) -> bool:
    return any(
        _ROUTE_PARAM.search(str(c.pattern)) or _REGEX_GROUP.search(str(c.pattern))
        for c in route.chain
    )
