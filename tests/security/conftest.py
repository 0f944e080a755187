import pytest
from django.core.cache import cache


@pytest.fixture
def fresh_rate_limits(db):
    """allauth counts failures in the shared cache (DB or Redis): start clean."""
    cache.clear()
    yield
    cache.clear()
