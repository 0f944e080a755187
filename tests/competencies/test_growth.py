import pytest

from lms.competencies.growth import normalised_gain


@pytest.mark.parametrize(
    ("pre", "post", "gain"),
    [
        (40, 70, 0.5),
        (0, 100, 1.0),
        (50, 50, 0.0),
        (60, 40, -0.5),  # post below pre: negative gain
        (80, 20, -3.0),
    ],
)
def test_normalised_gain(pre, post, gain):
    assert normalised_gain(pre, post) == pytest.approx(gain)


@pytest.mark.parametrize(
    ("pre", "post"),
    [
        (100, 100),  # nothing left to gain: undefined
        (100, 80),
        (None, 80),  # no pre-test taken
        (60, None),  # no post-test
    ],
)
def test_normalised_gain_is_undefined(pre, post):
    assert normalised_gain(pre, post) is None
