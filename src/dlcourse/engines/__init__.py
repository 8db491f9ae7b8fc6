"""What makes the lesson's math fast or large; a reader of the lesson never needs to open it.

- :mod:`~dlcourse.engines.compiled`: the SGD epoch and the full-batch pass, compiled by numba;
- :mod:`~dlcourse.engines.gram`: the normal equation in one cache-friendly pass, with a QR
  fallback (TSQR) for ill-conditioned data;
- :mod:`~dlcourse.engines.array_api`: one code path for NumPy, PyTorch and CuPy arrays;
- :mod:`~dlcourse.engines.chunked`: Dask arrays, chunk by chunk, never gathered.
"""
