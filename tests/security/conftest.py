import pytest

from .world import build_world


@pytest.fixture
def world(db):
    """Every role, two trainers with a course each (tests/security/world.py)."""
    return build_world()
