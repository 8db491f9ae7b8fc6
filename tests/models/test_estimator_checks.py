"""scikit-learn's own estimator checks, run on all three models.

With ``SCIPY_ARRAY_API=1`` (set in conftest.py) they include ``check_array_api_input`` for
every array library and device present: array-api-strict and PyTorch on the CPU here; CUDA
and CuPy where there is a GPU (scikit-learn skips those it cannot find).
"""

import warnings

from scipy.linalg import LinAlgWarning
from sklearn.utils.estimator_checks import parametrize_with_checks

from dlcourse.models import LinearRegression, LogisticRegression, SoftmaxRegression


@parametrize_with_checks([LinearRegression(), LogisticRegression(), SoftmaxRegression()])
def test_sklearn_compatible_estimator(estimator, check):
    with warnings.catch_warnings():
        if "array_api" in str(check):
            # These checks fit on make_classification data, whose redundant features make X
            # rank-deficient: LinearRegression then warns, as documented, and goes on by QR.
            warnings.simplefilter("ignore", LinAlgWarning)
        check(estimator)
