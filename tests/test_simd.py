"""The Vec4 operations of the full-batch softmax pass, lane by lane against NumPy and exact sums."""

from fractions import Fraction

import numpy as np
import pytest

from dlcourse.engines import compiled as _compiled

pytestmark = pytest.mark.skipif(not _compiled.AVAILABLE, reason="numba is not installed")


@pytest.fixture(scope="module")
def lanes_of():
    """Compiled functions that apply the Vec4 operations to arrays of 4 values."""
    from numba import njit

    from dlcourse.engines import simd as S

    @njit
    def arithmetic(a, b, c, x):
        u, v, w = S.load4(a, 0), S.load4(b, 0), S.load4(c, 0)
        out = np.empty((9, 4))
        for row, value in enumerate(
            (u + v, u - v, u * v, u / v, u + x, x - u, 2.0 * u, S.fma4(u, v, w), S.max4(u, v))
        ):
            S.store4(out[row], 0, value)
        return out

    @njit
    def rounding(a, k):
        u, e = S.load4(a, 0), S.load4(k, 0)
        out = np.empty((3, 4))
        S.store4(out[0], 0, S.floor4(u))
        S.store4(out[1], 0, S.scale4(u, e))
        S.store4(
            out[2], 0, S.where_at_least(u, 0.5, S.splat(1), S.where_below(u, 0.0, S.splat(-1), u))
        )
        return out

    @njit
    def by_lane(a, b, c, d):
        v = S.lanes(a, b, c, d)
        return S.lane(v, 0), S.lane(v, 1), S.lane(v, 2), S.lane(v, 3)

    return arithmetic, rounding, by_lane


def test_arithmetic_is_numpy_lane_by_lane(lanes_of):
    arithmetic, _, _ = lanes_of
    rng = np.random.default_rng(0)
    a, b, c = rng.normal(size=(3, 4))
    a[3], b[2] = np.nan, np.nan
    out = arithmetic(a, b, c, 0.25)
    expected_rows = (a + b, a - b, a * b, a / b, a + 0.25, 0.25 - a, 2 * a)
    for got, expected in zip(out[:7], expected_rows, strict=True):
        np.testing.assert_array_equal(got, expected)  # one rounding each, as NumPy's
    # a b + c rounded once: the exact value, rounded by Fraction's correctly rounded float()
    exact = [
        float(Fraction(x) * Fraction(y) + Fraction(z))
        for x, y, z in zip(a[:2], b[:2], c[:2], strict=True)
    ]
    np.testing.assert_array_equal(out[7, :2], exact)
    assert np.isnan(out[7, 2:]).all()
    # max: a where a > b, else b; so a NaN in b comes out (lane 2), one in a does not (lane 3)
    np.testing.assert_array_equal(out[8, [0, 1]], np.maximum(a, b)[[0, 1]])
    assert np.isnan(out[8, 2]) and out[8, 3] == b[3]


def test_floor_scale_and_selection(lanes_of):
    _, rounding, _ = lanes_of
    a = np.array([-2.5, 0.75, 0.5, np.nan])
    k = np.array([-1022.0, 3.0, 1023.0, 0.0])
    out = rounding(a, k)
    np.testing.assert_array_equal(out[0, :3], np.floor(a[:3]))
    np.testing.assert_array_equal(out[1, :3], np.ldexp(a[:3], k[:3].astype(int)))
    np.testing.assert_array_equal(out[2, :3], [-1.0, 1.0, 1.0])
    assert np.isnan(out[2, 3])  # NaN is neither >= 0.5 nor < 0: it passes through


def test_lanes_hold_what_is_put_in(lanes_of):
    _, _, by_lane = lanes_of
    assert by_lane(1.0, -2.5, 3, np.float32(0.5)) == (1.0, -2.5, 3.0, 0.5)
