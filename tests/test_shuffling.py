"""The epochs' visiting orders are NumPy's own permutations, drawn from the same stream."""

import numpy as np
import pytest

from dlcourse.engines import compiled as _compiled
from dlcourse.engines import shuffling as _shuffling
from dlcourse.engines.shuffling import epoch_orders

BIT_GENERATORS = [np.random.PCG64, np.random.PCG64DXSM, np.random.MT19937, np.random.Philox]


@pytest.mark.parametrize("bit_generator", [*BIT_GENERATORS, np.random.SFC64])
@pytest.mark.parametrize(
    ("epochs", "n"),
    [(1, 1), (3, 2), (4, 3), (2, 17), (3, 64), (3, 65), (20, 100), (2, 1000), (1, 70_000)],
)
def test_orders_are_numpys_permutations_in_sequence(bit_generator, epochs, n):
    # sizes around powers of two: the mask of NumPy's draw shrinks as the position falls
    ours, numpys = (np.random.Generator(bit_generator(7)) for _ in range(2))
    orders = epoch_orders(ours, epochs, n)
    assert orders.shape == (epochs, n) and orders.dtype == np.intp
    np.testing.assert_array_equal(orders, [numpys.permutation(n) for _ in range(epochs)])
    # and the generator goes on from the same place
    np.testing.assert_array_equal(ours.integers(1 << 62, size=4), numpys.integers(1 << 62, size=4))


@pytest.mark.parametrize("bit_generator", BIT_GENERATORS)
def test_numpy_fallback_draws_the_same_orders(bit_generator, monkeypatch):
    compiled = epoch_orders(np.random.Generator(bit_generator(3)), 5, 33)
    monkeypatch.setattr(_shuffling, "_bit_generator_address", lambda rng: None)
    np.testing.assert_array_equal(
        epoch_orders(np.random.Generator(bit_generator(3)), 5, 33), compiled
    )


@pytest.mark.skipif(not _compiled.AVAILABLE, reason="numba is not installed")
def test_compiled_shuffle_finds_the_generator():
    # the fast path is taken (else the tests above compare NumPy with itself)
    assert _shuffling._bit_generator_address(np.random.default_rng(0)) is not None
