"""Independent beginner-code cases for lesson 1 (linear, logistic, softmax regression).

Written by a helper session that saw only the lesson and the two generated notebooks, not the
checks, their typical mistakes or the planted mistakes of the self-test; kept as written, so
that test_independent_cases.py measures the checks on code they were not tuned on.

CASES: one list of dicts with keys exercise, kind ("correct"/"mistake"), code, cause,
phrases, misleading, note. For "correct" cases cause is "" and phrases/misleading are [].
"""

CASES = [
    {
        "exercise": "1.1 normal equation",
        "kind": "correct",
        "code": """import numpy as np


def normal_equation(X, y):
    return np.linalg.solve(X.T @ X, X.T @ y)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "solves the normal equation instead of inverting",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "correct",
        "code": """import numpy as np


def normal_equation(X, y):
    w, residuals, rank, singular_values = np.linalg.lstsq(X, y, rcond=None)
    return w
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "least squares solver gives the same w for full-rank X",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "correct",
        "code": """import numpy as np


def normal_equation(X, y):
    return np.linalg.pinv(X) @ y
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "Moore-Penrose pseudoinverse, as named in the lesson text",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "correct",
        "code": """import numpy as np


def normal_equation(X, y):
    xtx_inv = np.linalg.inv(np.dot(X.T, X))
    return np.dot(xtx_inv, np.dot(X.T, y))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "np.dot chain with the product X^T y formed first",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "correct",
        "code": """import numpy as np


def normal_equation(X, y):
    Q, R = np.linalg.qr(X)
    return np.linalg.solve(R, Q.T @ y)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "QR decomposition: R w = Q^T y",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    return np.linalg.inv(X) @ y
""",
        "cause": "np.linalg.inv(X) on non-square X",
        "phrases": ["square", "inv(x)", "x^t x", "xᵀx"],
        "misleading": ["factor order", "elementwise", "missing transpose of y"],
        "note": "LinAlgError: X is (n, d+1), not square",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    return np.linalg.inv(X.T @ X) @ X @ y
""",
        "cause": "X instead of X.T in the last factor",
        "phrases": ["x.t @ y", "xᵀy", "x^t y", "transpose"],
        "misleading": ["inverse", "non-square"],
        "note": "shape mismatch (d+1,d+1) @ (n,d+1)",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    return (X.T @ X) @ X.T @ y
""",
        "cause": "missing matrix inverse",
        "phrases": ["inverse", "inv(", "np.linalg.inv"],
        "misleading": ["transpose", "elementwise"],
        "note": "uses X^T X itself instead of its inverse",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    return (1 / (X.T @ X)) @ X.T @ y
""",
        "cause": "elementwise reciprocal instead of matrix inverse",
        "phrases": ["reciprocal", "1 /", "elementwise", "matrix inverse"],
        "misleading": ["transpose", "non-square"],
        "note": "1/A inverts each entry, not the matrix",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    return np.linalg.inv(X.T.dot(X)) * X.T.dot(y)
""",
        "cause": "elementwise * instead of matrix product",
        "phrases": ["elementwise", "matrix product", "broadcast", "np.dot"],
        "misleading": ["inverse", "non-square"],
        "note": "(d+1,d+1) * (d+1,) broadcasts to a matrix",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    X = np.column_stack([np.ones(len(X)), X])
    return np.linalg.inv(X.T @ X) @ X.T @ y
""",
        "cause": "missing-bias belief: adds a second bias column",
        "phrases": ["bias column", "column of ones", "already", "second column of ones"],
        "misleading": ["elementwise", "transpose"],
        "note": "X already has the ones column; X^T X becomes singular",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    return np.array([0.5, 1.0])
""",
        "cause": "hard-coded answer (the toy w_real)",
        "phrases": ["hard-coded", "constant", "w_real", "ignores x"],
        "misleading": ["inverse", "transpose"],
        "note": "value coincidence with the notebook's toy data",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np

rng = np.random.default_rng(0)
X = np.ones((20, 2))
X[:, 1] = rng.standard_normal(20)
y = X @ np.array([0.5, 1.0])


def normal_equation(features, targets):
    return np.linalg.inv(X.T @ X) @ X.T @ y
""",
        "cause": "uses global X, y instead of parameters",
        "phrases": ["global", "parameter", "arguments", "features, targets"],
        "misleading": ["inverse", "transpose", "elementwise"],
        "note": "right only on the notebook's own toy data",
    },
    {
        "exercise": "1.1 normal equation",
        "kind": "mistake",
        "code": """import numpy as np


def normal_equation(X, y):
    x = X[:, 1]
    slope = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    intercept = y.mean() - slope * x.mean()
    return np.array([intercept, slope])
""",
        "cause": "simple-regression formula: only one feature (2 columns hard-coded)",
        "phrases": ["one feature", "single feature", "two columns", "x[:, 1]"],
        "misleading": ["inverse", "transpose"],
        "note": "right for d = 1, wrong shape and values for more features",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "correct",
        "code": """n_datapoints, n_weights = (150, 4)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "tuple unpacking",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "correct",
        "code": """import numpy as np

n_datapoints = np.int64(150)
n_weights = np.int64(4)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "numpy integers, as shape arithmetic might give",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "correct",
        "code": """n_datapoints = 3 * 50
n_weights = 4
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "three species of 50 flowers",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "correct",
        "code": """shape = (150, 4)
n_datapoints = shape[0]
n_weights = shape[-1]
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "read from a shape tuple",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "mistake",
        "code": """n_datapoints = 150
n_weights = 5
""",
        "cause": "counts the bias weight",
        "phrases": ["bias", "not counting", "excluding", "ones column"],
        "misleading": ["classes", "swapped"],
        "note": "5 is the weight count with the bias",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "mistake",
        "code": """n_datapoints = 150
n_weights = 3
""",
        "cause": "number of classes instead of features",
        "phrases": ["classes", "species", "features"],
        "misleading": ["bias"],
        "note": "3 species, but 4 measured features",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "mistake",
        "code": """n_datapoints = 100
n_weights = 4
""",
        "cause": "counts after dropping virginica",
        "phrases": ["100", "virginica", "two classes", "dropped"],
        "misleading": ["bias", "swapped"],
        "note": "100 is the binary subset, asked before dropping",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "mistake",
        "code": """n_datapoints = 4
n_weights = 150
""",
        "cause": "rows and columns swapped",
        "phrases": ["swapped", "shape[0]", "reversed", "rows and columns"],
        "misleading": ["bias", "classes"],
        "note": "X.shape read the wrong way round",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "mistake",
        "code": """n_datapoints = (150, 4)
n_weights = 4
""",
        "cause": "whole shape tuple instead of the row count",
        "phrases": ["tuple", "x.shape[0]", "whole shape"],
        "misleading": ["bias", "classes"],
        "note": "n_datapoints = X.shape",
    },
    {
        "exercise": "1.2 Iris questions",
        "kind": "mistake",
        "code": """n_datapoints = "150"
n_weights = "4"
""",
        "cause": "strings instead of numbers",
        "phrases": ["string", "str", "quotes"],
        "misleading": ["bias", "swapped"],
        "note": "typed answers as text",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "correct",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    eps = 1e-12
    p = np.clip(np.asarray(y_hat, dtype=float), eps, 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log1p(-p))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "log1p for the second term",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "correct",
        "code": """import numpy as np
from scipy.special import xlogy


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(xlogy(y, p) + xlogy(1 - y, 1 - p))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "scipy.special.xlogy with clipping",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "correct",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    eps = 1e-12
    return -(y * np.log(y_hat + eps) + (1 - y) * np.log(1 - y_hat + eps))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "epsilon added inside the logs instead of clipping",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "correct",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.minimum(np.maximum(y_hat, 1e-15), 1 - 1e-15)
    return -y * np.log(p) - (1 - y) * np.log(1 - p)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "np.minimum/np.maximum as a clip, minus distributed",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "correct",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    y = np.asarray(y, dtype=float)
    p = np.clip(np.asarray(y_hat, dtype=float), 1e-12, 1 - 1e-12)
    log_p, log_q = np.log(p), np.log(1 - p)
    return -(log_q + y * (log_p - log_q))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "algebraically rearranged form",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
        "cause": "no clipping: log(0)",
        "phrases": ["clip", "log(0)", "log 0", "epsilon"],
        "misleading": ["minus sign", "mean", "math.log"],
        "note": "inf or nan when y_hat is exactly 0 or 1",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return y * np.log(p) + (1 - y) * np.log(1 - p)
""",
        "cause": "missing minus sign",
        "phrases": ["minus", "negative", "sign"],
        "misleading": ["clip", "log(0)", "mean"],
        "note": "loss comes out negative",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import math
import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * math.log(p) + (1 - y) * math.log(1 - p))
""",
        "cause": "math.log on array",
        "phrases": ["math.log", "math module", "np.log"],
        "misleading": ["clip", "minus sign"],
        "note": "works for single numbers, TypeError for arrays",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))
""",
        "cause": "averages over samples instead of one loss per sample",
        "phrases": ["mean", "average", "per sample", "scalar"],
        "misleading": ["clip", "minus sign"],
        "note": "right value for a single number, wrong shape for arrays",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 0.01, 0.99)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))
""",
        "cause": "clip bounds too wide (0.01, 0.99) change the loss",
        "phrases": ["0.01", "bounds", "too wide", "too large an epsilon"],
        "misleading": ["no clipping", "missing clip", "minus sign"],
        "note": "confident predictions are capped at loss 4.6",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(p) + (1 - y) * np.log(1 - y))
""",
        "cause": "log(1 - y) instead of log(1 - y_hat)",
        "phrases": ["log(1 - y)", "1 - y_hat", "1 - ŷ", "inside the log"],
        "misleading": ["clip", "minus sign", "mean"],
        "note": "0 * log(0) gives nan for y = 1",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    if y == 1:
        return -np.log(p)
    return -np.log(1 - p)
""",
        "cause": "if on an array",
        "phrases": ["if ", "truth value", "ambiguous", "np.where"],
        "misleading": ["clip", "minus sign"],
        "note": "right for numbers, ValueError for arrays",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat[y_hat < 1e-12] = 1e-12
    y_hat[y_hat > 1 - 1e-12] = 1 - 1e-12
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
        "cause": "mutates argument in place",
        "phrases": ["in place", "mutat", "modifies y_hat", "copy"],
        "misleading": ["minus sign", "mean"],
        "note": "changes the caller's y_hat; fails for plain numbers",
    },
    {
        "exercise": "1.2 binary cross-entropy",
        "kind": "mistake",
        "code": """import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, None)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))
""",
        "cause": "clips only the lower end",
        "phrases": ["upper", "1 - eps", "only the lower", "y_hat = 1"],
        "misleading": ["minus sign", "mean", "math.log"],
        "note": "log(1 - 1) still gives inf/nan",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "correct",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return x_i * (y_hat - y)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "factors commuted",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "correct",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return np.multiply(np.subtract(y_hat, y), x_i)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "numpy ufuncs",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "correct",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = -(y - y_hat)
    return error * np.asarray(x_i, dtype=float)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "negated (y - y_hat), float cast of x_i",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "correct",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = np.squeeze(np.asarray(y_hat, dtype=float) - y)
    return error * np.asarray(x_i)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "squeezes a (1,)-shaped prediction to a scalar first",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return (y - y_hat) * x_i
""",
        "cause": "sign flipped (y - y_hat)",
        "phrases": ["sign", "y - y_hat", "reversed", "opposite"],
        "misleading": ["missing x", "scalar", "precedence"],
        "note": "points uphill",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return y_hat - y
""",
        "cause": "gradient without x (a scalar)",
        "phrases": ["x_i", "scalar", "multiply by x", "without x"],
        "misleading": ["sign", "precedence"],
        "note": "shape () instead of the shape of w",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * y_hat * (1 - y_hat) * x_i
""",
        "cause": "extra sigmoid-derivative factor y_hat(1 - y_hat)",
        "phrases": ["ŷ(1 - ŷ)", "y_hat * (1 - y_hat)", "sigmoid derivative", "extra factor"],
        "misleading": ["sign", "missing x"],
        "note": "factor that cancels in the derivation kept",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return np.mean((y_hat - y) * x_i)
""",
        "cause": "takes the mean over the components",
        "phrases": ["mean", "average", "scalar"],
        "misleading": ["sign", "precedence"],
        "note": "collapses the gradient to one number",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return y_hat - y * x_i
""",
        "cause": "operator precedence: y_hat - y * x_i",
        "phrases": ["parenthes", "precedence", "brackets"],
        "misleading": ["sign", "missing x"],
        "note": "multiplies only y by x_i",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return [(y_hat - y) * x for x in x_i]
""",
        "cause": "returns a list",
        "phrases": ["list", "np.array(", "not an array"],
        "misleading": ["sign", "missing x"],
        "note": "right numbers, wrong type",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    x_i *= (y_hat - y)
    return x_i
""",
        "cause": "mutates x_i in place",
        "phrases": ["in place", "mutat", "modifies x_i", "*="],
        "misleading": ["sign", "missing x"],
        "note": "changes the caller's sample; fails for integer x_i",
    },
    {
        "exercise": "1.2 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) @ x_i
""",
        "cause": "matrix product with a scalar error",
        "phrases": ["matmul", "matrix product", "@ with a scalar", "dimensions"],
        "misleading": ["sign", "precedence"],
        "note": "ValueError from @",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "correct",
        "code": """import numpy as np
from scipy.special import expit


def forward_pass(x_i, w):
    return expit(np.dot(x_i, w))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "scipy.special.expit",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def forward_pass(x_i, w):
    z = x_i @ w
    return 0.5 * (1 + np.tanh(z / 2))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "tanh identity, stable for large |z|",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def forward_pass(x_i, w):
    z = np.asarray(x_i @ w, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "np.where-based stable sigmoid",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def forward_pass(x_i, w):
    z = np.einsum("i,i...->...", x_i, w)
    return 1.0 / (1.0 + np.exp(-z))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "einsum for the dot product, works for w (d+1,) and (d+1,1)",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(w.T @ x_i)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "textbook w^T x",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def forward_pass(x_i, w):
    z = x_i @ w
    return 1 / 1 + np.exp(-z)
""",
        "cause": "operator precedence 1/1+exp",
        "phrases": ["precedence", "parenthes", "brackets", "1 / 1"],
        "misleading": ["sign", "exponent", "1 - sigmoid"],
        "note": "computes 1 + e^(-z)",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def forward_pass(x_i, w):
    z = x_i @ w
    return 1 / (1 + np.exp(z))
""",
        "cause": "sign flipped in exponent",
        "phrases": ["sign", "exponent", "exp(z)", "e^(-z)"],
        "misleading": ["precedence", "parenthes", "dot product"],
        "note": "gives sigma(-z)",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return 1 - sigmoid(x_i @ w)
""",
        "cause": "uses 1 - sigmoid (probability of class 0)",
        "phrases": ["1 - sigmoid", "1 - σ", "class 0", "complement"],
        "misleading": ["sign in the exponent", "exp(z)", "precedence"],
        "note": "the sigmoid itself is right",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def forward_pass(x_i, w):
    return x_i @ w
""",
        "cause": "missing sigmoid: returns the logit",
        "phrases": ["logit", "apply the sigmoid", "no sigmoid", "without the sigmoid"],
        "misleading": ["precedence", "sign"],
        "note": "not a probability",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i * w)
""",
        "cause": "elementwise * instead of dot",
        "phrases": ["elementwise", "dot product", "matrix product", "np.dot"],
        "misleading": ["sign", "precedence"],
        "note": "returns a vector (or matrix) of probabilities",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(np.sum(x_i * w))
""",
        "cause": "sum of elementwise product broadcasts with column w",
        "phrases": ["broadcast", "(5, 1)", "column", "5×5"],
        "misleading": ["sign", "precedence"],
        "note": "right for flat w, sums a (d+1, d+1) matrix for column w",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    x = np.insert(x_i, 0, 1.0)
    return sigmoid(x @ w)
""",
        "cause": "adds the bias column although x_i already has it",
        "phrases": ["bias", "column of ones", "already", "np.insert"],
        "misleading": ["sign", "precedence"],
        "note": "shape mismatch (d+2) vs (d+1)",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np

weights = np.zeros(5)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ weights)
""",
        "cause": "uses a global weights array instead of parameter w",
        "phrases": ["global", "parameter w", "ignores w", "instead of w"],
        "misleading": ["sign", "precedence"],
        "note": "always 0.5 - the same as the stub's value",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return np.round(sigmoid(x_i @ w))
""",
        "cause": "rounds the probability to 0/1",
        "phrases": ["round", "0 or 1", "class label", "threshold"],
        "misleading": ["sign", "precedence"],
        "note": "returns a prediction, not a probability",
    },
    {
        "exercise": "1.2 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    x_i[0] = 1.0  # make sure the bias input is 1
    return sigmoid(x_i @ w)
""",
        "cause": "mutates x_i (sets x_i[0] = 1)",
        "phrases": ["x_i[0]", "mutat", "in place", "modifies x_i"],
        "misleading": ["sign", "precedence"],
        "note": "right when x_i[0] is already 1, otherwise wrong and changes the caller's array",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "correct",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    w_new = w.copy()
    y_hat = forward_pass(x_i, w)
    w_new -= learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)
    return w_new
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "in-place update on a copy",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "correct",
        "code": """import numpy as np


def sgd_step(w, x_i, y_i, learning_rate):
    z = x_i @ w
    y_hat = 1 / (1 + np.exp(-z))
    gradient = (y_hat - y_i) * x_i
    return w - learning_rate * np.reshape(gradient, np.shape(w))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "everything inline, no helpers",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "correct",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * np.outer(x_i, y_hat - y_i).reshape(w.shape)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "outer product gives a column, reshaped to w",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "correct",
        "code": """import numpy as np
from scipy.special import expit


def forward_pass(x_i, w):
    return expit(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return x_i * (y_hat - y)


def sgd_step(w, x_i, y_i, learning_rate):
    gradient = calc_gradient(y_i, forward_pass(x_i, w), x_i)
    return np.subtract(w, learning_rate * gradient.reshape(w.shape))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "expit helpers and np.subtract",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "correct",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * (y_hat - y_i) * x_i.reshape(w.shape)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "reshapes x_i to the shape of w before multiplying",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - 0.01 * gradient.reshape(w.shape)
""",
        "cause": "learning rate hard-coded",
        "phrases": ["hard-coded", "0.01", "learning_rate parameter", "ignores learning_rate"],
        "misleading": ["sign", "reshape", "calc_gradient"],
        "note": "0.01 is the notebook's training rate: value coincidence",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w + learning_rate * gradient.reshape(w.shape)
""",
        "cause": "adds the gradient (ascent)",
        "phrases": ["adds the gradient", "plus", "ascent", "w +"],
        "misleading": ["calc_gradient", "inside the gradient", "forward_pass"],
        "note": "the helpers are right",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    w -= learning_rate * gradient.reshape(w.shape)
    return w
""",
        "cause": "mutates argument in place",
        "phrases": ["in place", "mutat", "-=", "copy"],
        "misleading": ["learning rate", "sign", "reshape"],
        "note": "returned value right, caller's w changed",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient
""",
        "cause": "mixing (n,) and (n,1): gradient not reshaped, broadcasts to (d+1, d+1)",
        "phrases": ["reshape", "broadcast", "(5, 5)", "shape of w"],
        "misleading": ["sign", "learning rate"],
        "note": "right for flat w, a square matrix for column w",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y - y_hat) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
        "cause": "gradient sign flipped inside calc_gradient",
        "phrases": ["calc_gradient", "y - y_hat", "inside the gradient", "sign of the gradient"],
        "misleading": [
            "subtract λ times the gradient, do not add it",
            "w +",
            "adds the gradient",
            "use minus in the update",
        ],
        "note": "the step itself subtracts correctly",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return 1 - sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
        "cause": "forward_pass returns 1 - sigmoid (mistake inside helper)",
        "phrases": ["forward_pass", "1 - sigmoid", "1 - σ", "class 0"],
        "misleading": ["learning rate", "adds the gradient", "reshape", "calc_gradient sign"],
        "note": "step and calc_gradient are right",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate ** 2 * gradient.reshape(w.shape)
""",
        "cause": "learning rate squared (λ²)",
        "phrases": ["squared", "** 2", "λ²", "learning_rate twice"],
        "misleading": ["sign", "calc_gradient", "hard-coded"],
        "note": "steps far too small",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return y_hat - y


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
        "cause": "calc_gradient without x (a scalar) inside helper",
        "phrases": ["x_i", "calc_gradient", "without x", "scalar"],
        "misleading": ["reshape(w.shape)", "learning rate", "adds the gradient"],
        "note": "reshape of a size-1 array to (d+1, 1) fails; the step is right",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


w_start = np.random.default_rng(1).standard_normal((5, 1))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w_start)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
        "cause": "uses global w_start instead of parameter w",
        "phrases": ["global", "w_start", "parameter w", "instead of w"],
        "misleading": ["sign", "learning rate"],
        "note": "prediction from the starting weights every step",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    w_new = w - learning_rate * gradient.reshape(w.shape)
    print(w_new)
""",
        "cause": "prints instead of returning",
        "phrases": ["print", "returns none", "no return"],
        "misleading": ["sign", "learning rate"],
        "note": "result is None",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_hat, y_i, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
        "cause": "arguments to calc_gradient swapped (y and y_hat)",
        "phrases": [
            "argument order",
            "swapped",
            "calc_gradient(y_i, y_hat",
            "order of the arguments",
        ],
        "misleading": ["adds the gradient", "w +", "inside calc_gradient"],
        "note": "helpers right; the call flips the sign",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(5, 1)
""",
        "cause": "reshape hard-coded to (5, 1)",
        "phrases": ["hard-coded", "(5, 1)", "reshape(5, 1)", "w.shape"],
        "misleading": ["sign", "learning rate"],
        "note": "right only for Iris-sized column w",
    },
    {
        "exercise": "1.2 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i * w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
        "cause": "elementwise * instead of dot inside forward_pass",
        "phrases": ["forward_pass", "elementwise", "dot product", "matrix product"],
        "misleading": ["reshape(w.shape)", "learning rate", "adds the gradient"],
        "note": "y_hat becomes a matrix; the step is right",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "correct",
        "code": """accuracies = {1e-1: 100.0, 1e-2: 100.0, 1e-3: 99.0, 1e-4: 13.0}
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "keys written as 1e-1 ...; a real run from another random start",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "correct",
        "code": """learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = dict(zip(learning_rates, [100.0, 100.0, 96.0, 50.0]))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "dict(zip(...)); values of a real run",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "correct",
        "code": """import numpy as np

learning_rates = [0.1, 0.01, 0.001, 0.0001]
results = [100.0, 100.0, 99.0, 50.0]
accuracies = {lr: np.float64(acc) for lr, acc in zip(learning_rates, results)}
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "numpy float values built in a comprehension",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "correct",
        "code": """accuracies = {}
accuracies[0.1] = 100.0
accuracies[0.01] = 100.0
accuracies[0.001] = 100.0
accuracies[0.0001] = 57.0
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "filled key by key; a real run from another random start",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = {0.1: 100.0, 0.01: 100.0, 0.001: 100.0, 0.0001: 100.0}
""",
        "cause": "all runs share one model (no re-initialisation)",
        "phrases": ["fresh", "re-initial", "reinitial", "one model"],
        "misleading": ["error rate", "fraction", "loss"],
        "note": "training continues from the previous rate's weights",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {lr: 96.0 for lr in learning_rates}
""",
        "cause": "the same accuracy stored for every rate",
        "phrases": ["same accuracy", "same value", "every learning rate", "identical"],
        "misleading": ["error rate", "fraction"],
        "note": "one number reused for all keys",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = {0.1: 0.0, 0.01: 0.0, 0.001: 4.0, 0.0001: 50.0}
""",
        "cause": "the error rate instead of the accuracy",
        "phrases": ["error rate", "100 -", "misclassif", "wrong instead of right"],
        "misleading": ["loss", "fraction", "re-initial"],
        "note": "100 minus the accuracy",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = {0.1: 0.0041, 0.01: 0.0378, 0.001: 0.4648, 0.0001: 3.0156}
""",
        "cause": "the loss instead of the accuracy",
        "phrases": ["loss", "cross-entropy", "not the accuracy"],
        "misleading": ["error rate", "fraction", "percent"],
        "note": "final mean BCE of each run",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = {0.1: 1.0, 0.01: 1.0, 0.001: 0.96, 0.0001: 0.5}
""",
        "cause": "table in fractions vs percent",
        "phrases": ["fraction", "percent", "× 100", "0 to 1"],
        "misleading": ["loss", "error rate"],
        "note": "notebook's accuracy_percent returns percent; fractions by hand",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = {0.1 ** k: acc for k, acc in zip(range(1, 5), [100.0, 100.0, 96.0, 50.0])}
""",
        "cause": "float keys like 0.1**2 vs 0.01",
        "phrases": ["0.1 **", "floating", "keys", "0.010000000000000002"],
        "misleading": ["loss", "error rate", "fraction"],
        "note": "0.1**2 == 0.010000000000000002, not 0.01",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = {"0.1": 100.0, "0.01": 100.0, "0.001": 96.0, "0.0001": 50.0}
""",
        "cause": "string keys",
        "phrases": ["string", "str", "quotes"],
        "misleading": ["loss", "error rate", "fraction"],
        "note": "keys are text, not numbers",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = [100.0, 100.0, 96.0, 50.0]
""",
        "cause": "list instead of a dict",
        "phrases": ["list", "dict"],
        "misleading": ["loss", "error rate"],
        "note": "no learning rates as keys",
    },
    {
        "exercise": "1.3 learning rates",
        "kind": "mistake",
        "code": """accuracies = {0.1: 100.0, 0.01: 50.0, 0.001: 50.0, 0.0001: 50.0}
""",
        "cause": "trained one epoch instead of 20",
        "phrases": ["epoch", "20 epochs", "one epoch", "too short"],
        "misleading": ["error rate", "fraction"],
        "note": "values of a real 1-epoch run",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "correct",
        "code": """import numpy as np
import scipy.special


def softmax(z):
    return scipy.special.softmax(np.asarray(z, dtype=float), axis=-1)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "scipy.special.softmax along the last axis",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "correct",
        "code": """import numpy as np
from scipy.special import logsumexp


def softmax(z):
    z = np.asarray(z, dtype=float)
    return np.exp(z - logsumexp(z, axis=-1, keepdims=True))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "log-sum-exp",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "correct",
        "code": """import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        e = np.exp(z - z.max())
        return e / e.sum()
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "separate branches for one sample and a batch",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "correct",
        "code": """import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z.T - z.max(axis=-1))
    return (e / e.sum(axis=0)).T
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "transpose trick instead of keepdims",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "correct",
        "code": """import numpy as np


def _one(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def softmax(z):
    return np.apply_along_axis(_one, -1, np.asarray(z, dtype=float))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "np.apply_along_axis over the last axis",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    z = z - np.max(z, axis=0, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=0, keepdims=True)
""",
        "cause": "axis=0 instead of last axis",
        "phrases": ["axis=0", "columns", "last axis", "axis=-1"],
        "misleading": ["overflow", "keepdims", "max subtraction"],
        "note": "right for one sample, normalises columns of a batch",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1)
""",
        "cause": "missing keepdims in the sum",
        "phrases": ["keepdims", "broadcast", "(n, 1)"],
        "misleading": ["overflow", "axis=0"],
        "note": "batch: shape error or rows divided by the wrong sums",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
""",
        "cause": "no max subtraction overflow",
        "phrases": ["overflow", "max", "subtract", "large logits"],
        "misleading": ["axis", "keepdims"],
        "note": "nan for logits beyond about 709",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import math
import numpy as np


def softmax(z):
    e = math.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
""",
        "cause": "math.exp on array",
        "phrases": ["math.exp", "np.exp", "math module"],
        "misleading": ["axis", "overflow"],
        "note": "TypeError",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    m = np.max(z, axis=-1, keepdims=True)
    e = np.exp(z - m)
    return e / np.sum(z, axis=-1, keepdims=True)
""",
        "cause": "denominator sums z, not exp(z)",
        "phrases": ["denominator", "sum of z", "sum of the exponentials", "np.sum(z"],
        "misleading": ["overflow", "axis=0"],
        "note": "probabilities do not sum to 1",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e)
""",
        "cause": "sums over the whole batch",
        "phrases": ["whole batch", "all entries", "per row", "each row"],
        "misleading": ["overflow", "max subtraction"],
        "note": "right for one sample, batch rows sum to 1/n",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    return np.exp(z - np.max(z, axis=-1, keepdims=True))
""",
        "cause": "missing normalisation",
        "phrases": ["normalis", "normaliz", "divide", "sum to 1"],
        "misleading": ["overflow", "axis=0"],
        "note": "returns shifted exponentials",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
""",
        "cause": "mutates argument in place",
        "phrases": ["in place", "mutat", "-=", "copy"],
        "misleading": ["overflow", "axis=0"],
        "note": "changes the caller's logits; fails for integer input",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
""",
        "cause": "axis=1 fails on a single sample",
        "phrases": ["axis=1", "1-d", "single sample", "last axis"],
        "misleading": ["overflow", "keepdims"],
        "note": "AxisError for shape (K,)",
    },
    {
        "exercise": "1.4 softmax",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / (e[..., 0:1] + e[..., 1:2] + e[..., 2:3])
""",
        "cause": "sizes hard-coded for Iris (3 classes)",
        "phrases": ["hard-coded", "three classes", "3 classes", "number of classes"],
        "misleading": ["overflow", "axis=0"],
        "note": "right only for K = 3",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(np.dot(W.T, x_i))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "W^T x as in textbooks",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "correct",
        "code": """import numpy as np
import scipy.special


def softmax_forward_pass(x_i, W):
    return scipy.special.softmax(x_i @ W)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "scipy softmax",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(np.einsum("i,ik->k", x_i, W))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "einsum",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i[None, :] @ W)[0]
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "batch of one, first row returned",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "correct",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    logits = np.sum(x_i[:, None] * W, axis=0)
    return softmax(logits)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "broadcast product summed over the feature axis",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(W @ x_i)
""",
        "cause": "W @ x_i: wrong factor order",
        "phrases": ["w @ x_i", "factor order", "x_i @ w", "transpose"],
        "misleading": ["overflow", "sigmoid"],
        "note": "shape mismatch (d+1,K) @ (d+1,)",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_forward_pass(x_i, W):
    return 1 / (1 + np.exp(-(x_i @ W)))
""",
        "cause": "sigmoid instead of softmax",
        "phrases": ["sigmoid", "sum to 1", "normalis"],
        "misleading": ["factor order", "overflow"],
        "note": "probabilities do not sum to 1",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i[:, None] * W)
""",
        "cause": "elementwise * instead of matrix product",
        "phrases": ["elementwise", "matrix product", "(5, 3)", "np.dot"],
        "misleading": ["sigmoid", "overflow"],
        "note": "returns a (d+1, K) matrix",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np

X_all = np.column_stack([np.ones(6), np.arange(24.0).reshape(6, 4) / 10])


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(X_all @ W)
""",
        "cause": "uses global X_all instead of x_i",
        "phrases": ["global", "x_all", "ignores x_i", "all samples"],
        "misleading": ["sigmoid", "factor order"],
        "note": "returns every sample's probabilities",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)
""",
        "cause": "no max subtraction overflow (inside helper softmax)",
        "phrases": ["overflow", "max", "subtract", "large logits"],
        "misleading": ["factor order", "sigmoid"],
        "note": "nan for large logits; fine otherwise",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_forward_pass(x_i, W):
    return x_i @ W
""",
        "cause": "returns the logits (no softmax)",
        "phrases": ["logit", "apply softmax", "no softmax", "without softmax"],
        "misleading": ["overflow", "factor order"],
        "note": "not probabilities",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return np.argmax(softmax(x_i @ W))
""",
        "cause": "returns the predicted class (argmax)",
        "phrases": ["argmax", "class index", "predicted class"],
        "misleading": ["overflow", "sigmoid"],
        "note": "an integer, not K probabilities",
    },
    {
        "exercise": "1.4 forward pass",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    x = np.concatenate([[1.0], x_i])
    return softmax(x @ W)
""",
        "cause": "adds the bias column although x_i already has it",
        "phrases": ["bias", "column of ones", "already", "concatenate"],
        "misleading": ["overflow", "sigmoid"],
        "note": "shape mismatch (d+2) vs (d+1)",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "correct",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    error = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)
    return np.asarray(x_i, dtype=float)[:, None] * error[None, :]
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "broadcasting column times row",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "correct",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.einsum("i,k->ik", x_i, np.subtract(y_hat, y))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "einsum outer product",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "correct",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    column = np.reshape(x_i, (-1, 1))
    row = np.reshape(np.asarray(y_hat) - np.asarray(y), (1, -1))
    return column @ row
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "(d+1,1) @ (1,K)",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "correct",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.multiply.outer(np.asarray(x_i), np.asarray(y_hat) - np.asarray(y))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "np.multiply.outer",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(y_hat - y, x_i)
""",
        "cause": "outer product order transposed: (K, d+1)",
        "phrases": ["transpose", "order", "(k, d+1)", "np.outer(x_i"],
        "misleading": ["sign", "elementwise"],
        "note": "shape of W^T",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y - y_hat)
""",
        "cause": "sign flipped (y - y_hat)",
        "phrases": ["sign", "y - y_hat", "opposite", "reversed"],
        "misleading": ["transpose", "elementwise"],
        "note": "points uphill",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return x_i * (y_hat - y)
""",
        "cause": "elementwise * instead of outer product",
        "phrases": ["elementwise", "broadcast", "x_i * ("],
        "misleading": ["sign", "transpose"],
        "note": "broadcast error for d+1 != K",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.sum(y_hat - y) * x_i
""",
        "cause": "sums the error over classes",
        "phrases": ["sums the error", "over classes", "np.sum", "sum over"],
        "misleading": ["sign", "transpose"],
        "note": "one-hot y and softmax both sum to 1: a zero vector of shape (d+1,)",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return x_i.T @ (y_hat - y)
""",
        "cause": ".T on a 1-D array does not make a column",
        "phrases": [".t on a 1-d", "1-d", "column vector", "reshape"],
        "misleading": ["sign", "elementwise"],
        "note": "@ of (d+1,) and (K,) fails",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return x_i.reshape(5, 1) @ (y_hat - y).reshape(1, 3)
""",
        "cause": "sizes hard-coded for Iris (5, 3)",
        "phrases": ["hard-coded", "reshape(5", "(5, 1)", "sizes"],
        "misleading": ["sign", "transpose"],
        "note": "right only for d+1 = 5, K = 3",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    c = np.argmax(y)
    g = np.zeros((len(x_i), len(y)))
    g[:, c] = (y_hat[c] - 1) * x_i
    return g
""",
        "cause": "only the true class column updated",
        "phrases": ["true class", "only one column", "other classes", "argmax"],
        "misleading": ["sign", "transpose"],
        "note": "the other columns also get x_i * y_hat_c",
    },
    {
        "exercise": "1.4 gradient",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - 1)
""",
        "cause": "subtracts 1 from every class instead of the one-hot y",
        "phrases": ["one-hot", "- 1", "y_hat - 1", "ignores y"],
        "misleading": ["sign", "transpose"],
        "note": "treats every class as the true class",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "correct",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    W_new = W.copy()
    W_new -= learning_rate * softmax_gradient(y_i, softmax_forward_pass(x_i, W), x_i)
    return W_new
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "in-place update on a copy",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "correct",
        "code": """import numpy as np
import scipy.special


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = scipy.special.softmax(x_i @ W)
    gradient = np.einsum("i,k->ik", x_i, y_hat - y_i)
    return W - learning_rate * gradient
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "inline: scipy softmax and einsum",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "correct",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return np.subtract(W, np.multiply(learning_rate, softmax_gradient(y_i, y_hat, x_i)))
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "np.subtract / np.multiply",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "correct",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * x_i[:, None] * (y_hat - y_i)
""",
        "cause": "",
        "phrases": [],
        "misleading": [],
        "note": "outer product by broadcasting inside the step",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W + learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
        "cause": "adds the gradient (ascent)",
        "phrases": ["adds the gradient", "plus", "ascent", "w +"],
        "misleading": ["softmax_gradient", "inside the gradient", "transpose"],
        "note": "helpers are right",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - 0.01 * softmax_gradient(y_i, y_hat, x_i)
""",
        "cause": "learning rate hard-coded",
        "phrases": ["hard-coded", "0.01", "learning_rate parameter", "ignores learning_rate"],
        "misleading": ["sign", "transpose"],
        "note": "0.01 is the notebook's training rate: value coincidence",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    W -= learning_rate * softmax_gradient(y_i, y_hat, x_i)
    return W
""",
        "cause": "mutates argument in place",
        "phrases": ["in place", "mutat", "-=", "copy"],
        "misleading": ["sign", "learning rate"],
        "note": "returned value right, caller's W changed",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(y_hat - y, x_i)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
        "cause": "outer product transposed inside softmax_gradient",
        "phrases": ["softmax_gradient", "transpose", "np.outer(x_i", "(k, d+1)"],
        "misleading": ["learning rate", "adds the gradient", "w.t"],
        "note": "(d+1,K) - (K,d+1) fails; the step is right",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def softmax_forward_pass(x_i, W):
    return 1 / (1 + np.exp(-(x_i @ W)))


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
        "cause": "sigmoid instead of softmax inside softmax_forward_pass",
        "phrases": ["sigmoid", "softmax_forward_pass", "sum to 1", "normalis"],
        "misleading": ["learning rate", "adds the gradient", "transpose"],
        "note": "the step and gradient are right",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
        "cause": "no max subtraction overflow inside helper softmax",
        "phrases": ["overflow", "max", "subtract", "large logits"],
        "misleading": ["learning rate", "adds the gradient", "transpose"],
        "note": "nan only for large logits",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_hat, y_i, x_i)
""",
        "cause": "arguments to softmax_gradient swapped (y and y_hat)",
        "phrases": [
            "argument order",
            "swapped",
            "softmax_gradient(y_i, y_hat",
            "order of the arguments",
        ],
        "misleading": ["adds the gradient", "w +", "inside softmax_gradient"],
        "note": "helpers right; the call flips the sign",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y = np.eye(W.shape[1])[y_i]
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y, y_hat, x_i)
""",
        "cause": "treats one-hot y_i as a class index",
        "phrases": ["one-hot", "class index", "np.eye", "already one-hot"],
        "misleading": ["learning rate", "sign"],
        "note": "indexing with a float array raises IndexError",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y - y_hat)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
        "cause": "gradient sign flipped inside softmax_gradient",
        "phrases": ["softmax_gradient", "y - y_hat", "inside the gradient", "sign of the gradient"],
        "misleading": [
            "subtract λ times the gradient, do not add it",
            "w +",
            "adds the gradient",
            "use minus in the update",
        ],
        "note": "the step itself subtracts correctly",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

W_start = np.random.default_rng(4).standard_normal((5, 3))


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W_start)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
        "cause": "softmax_forward_pass uses global W_start instead of parameter W",
        "phrases": ["global", "w_start", "parameter w", "instead of w"],
        "misleading": ["learning rate", "adds the gradient", "sign"],
        "note": "mistake inside the helper; wrong or shape error for other sizes",
    },
    {
        "exercise": "1.4 SGD update",
        "kind": "mistake",
        "code": """import numpy as np

def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    gradient = softmax_gradient(y_i, y_hat, x_i)
    return W - learning_rate * gradient.T
""",
        "cause": "transposes a correctly shaped gradient",
        "phrases": [".t", "transpose", "gradient.t", "shape of w"],
        "misleading": ["learning rate", "sign", "softmax_gradient"],
        "note": "helpers right; (d+1,K) - (K,d+1) fails or is wrong when square",
    },
]
