"""The private APIs of Wagtail, treebeard and Django that Sigap relies on still
behave as lms.private_apis expects, and nothing else reaches for them.

A failure here after an upgrade is the signal to adapt lms/private_apis.py (each
function's docstring names the library source it depends on)."""

import inspect
import re
from pathlib import Path

import pytest
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db.models import QuerySet
from django.http import HttpRequest
from django.test import RequestFactory
from django.utils.functional import LazyObject, cached_property
from wagtail.models import Page, Site

from lms import private_apis

ROOT = Path(__file__).resolve().parent.parent
UPGRADE = "a library upgrade changed a private API: adapt lms/private_apis.py"


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_wagtail_still_finds_a_site_with_a_private_static_method():
    assert parameters(Site._find_for_request) == ["request"], UPGRADE


@pytest.mark.django_db
def test_wagtail_still_takes_the_site_handed_to_the_request():
    request = RequestFactory().get("/")
    handed = Site(hostname="handed.example")
    assert not private_apis.request_knows_its_site(request)
    private_apis.hand_wagtail_the_site(request, handed)
    assert private_apis.request_knows_its_site(request)
    assert Site.find_for_request(request) is handed, UPGRADE


def test_django_still_gives_the_unchecked_host():
    assert parameters(HttpRequest._get_raw_host) == ["self"], UPGRADE
    request = RequestFactory().get("/", HTTP_HOST="not-allowed.example:8080")
    assert private_apis.request_hostname(request) == "not-allowed.example:8080"


@pytest.mark.django_db
def test_treebeard_still_reads_the_parent_left_on_a_page(django_assert_num_queries):
    parent = Page(path="0001", depth=1)
    page = Page(path="00010001", depth=2)
    private_apis.remember_parent(page, parent)
    assert private_apis.remembered_parent(page) is parent
    with django_assert_num_queries(0):
        assert page.get_parent() is parent, UPGRADE
    assert private_apis.remembered_parent(Page(path="0001", depth=1)) is None


def test_django_still_has_a_raw_delete_taking_the_database():
    assert parameters(QuerySet._raw_delete) == ["self", "using"], UPGRADE


def test_djangos_redis_cache_still_exposes_its_client_and_serializer():
    assert isinstance(inspect.getattr_static(RedisCache, "_cache"), cached_property)
    client = RedisCacheClient(["redis://127.0.0.1:1/0"])  # connects lazily
    assert parameters(client.get_client)[:2] == ["key", "write"], UPGRADE
    assert client._serializer.loads(client._serializer.dumps({"a": 1})) == {"a": 1}


def test_a_reset_lazy_object_builds_its_object_again():
    built = []

    class Lazy(LazyObject):
        def _setup(self):
            built.append(True)
            self._wrapped = object()

    lazy = Lazy()
    str(lazy)
    private_apis.reset_lazy_object(lazy)
    str(lazy)
    assert len(built) == 2, UPGRADE


PRIVATE_NAMES = re.compile(
    r"_find_for_request|_wagtail_site|_cached_parent_obj|_get_raw_host|_raw_delete"
    r"|_serializer|\._cache\.get_client|_wrapped = empty|_clear_cached_properties"
    r"|_value_or_setting"
)


def test_private_apis_are_used_in_one_module_only():
    sources = [
        path
        for folder in ("lms", "courses", "certificates")
        for path in (ROOT / folder).rglob("*.py")
        if path != ROOT / "lms" / "private_apis.py"
    ]
    users = [
        str(path.relative_to(ROOT))
        for path in sources
        if PRIVATE_NAMES.search(path.read_text(encoding="utf-8"))
    ]
    assert users == []
