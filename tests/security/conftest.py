import pytest
from django.core.cache import cache

from .world import build_world


@pytest.fixture
def fresh_rate_limits(db):
    """allauth counts failures in the shared cache (DB or Redis): start clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    """Every role, two trainers with a course each (tests/security/world.py)."""
    return build_world()
