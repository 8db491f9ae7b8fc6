"""What makes the lesson's math fast or large; a reader of the lesson never needs to open it.

Engines import the math (:mod:`dlcourse.training`, :mod:`dlcourse.losses`,
:mod:`dlcourse.activations`), never the other way round; the estimators choose among them in
one branch, ``SGDClassifierBase._train``.

- :mod:`~dlcourse.engines.compiled`: the numba kernels, the SGD epoch and the full-batch pass;
  :mod:`~dlcourse.engines.compiled_training` runs the training loop's epochs with them;
- :mod:`~dlcourse.engines.gram`: the normal equation in one cache-friendly pass, with a QR
  fallback (TSQR) for ill-conditioned data;
- :mod:`~dlcourse.engines.array_api_training`: the training loop in PyTorch or CuPy (the
  math's one code path for every array library is :mod:`dlcourse.array_namespace`, not an
  engine);
- :mod:`~dlcourse.engines.chunked`: Dask arrays, chunk by chunk, never gathered.
"""
