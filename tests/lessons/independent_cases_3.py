"""Independent beginner-code cases for Lesson 1, set 3 (111 cases).

Written this round by a helper session that saw only the lesson and the notebook source, not
the checks or the other sets; kept as written, and measured before any of its verdicts was
read (docs/teaching.md has that first measurement and the one after).

Written only from the lesson text and the learner notebook (lesson1.pct.py), without
looking at the checking code. Each case is one complete notebook cell that defines the
names the notebook expects for one exercise. "correct" cases are valid alternative
solutions written differently from the reference; "mistake" cases contain exactly one
plausible beginner mistake, with phrases a good feedback message would use and words
that would show the feedback blamed a cause the code does not have.
"""

CASES = []


def _add(exercise, kind, code, cause="", phrases=(), misleading=(), note=""):
    CASES.append(
        {
            "exercise": exercise,
            "kind": kind,
            "code": code.lstrip("\n"),
            "cause": cause,
            "phrases": list(phrases),
            "misleading": list(misleading),
            "note": note,
        }
    )


# ---------------------------------------------------------------------------
# 1.1 normal equation
# ---------------------------------------------------------------------------
E = "1.1 normal equation"

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    # solve (X^T X) w = X^T y directly instead of forming the inverse
    A = X.T @ X
    b = X.T @ y
    return np.linalg.solve(A, b)
""",
    note="np.linalg.solve on the normal equations gives the same w and is numerically safer than inv.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    # (X^T X)^-1 X^T is the Moore-Penrose pseudoinverse of X
    X_pinv = np.linalg.pinv(X)
    return X_pinv @ y
""",
    note="The lesson itself says the formula is the pseudoinverse, so a learner may use np.linalg.pinv.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    XtX = np.dot(X.T, X)
    Xty = X.T.dot(y)
    XtX_inv = np.linalg.inv(XtX)
    w = np.dot(XtX_inv, Xty)
    return w
""",
    note="Same formula written step by step with np.dot and .dot instead of @.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    return np.linalg.inv(X.T @ X) @ X.T * y
""",
    cause="element-wise * with y instead of a matrix product, giving a (d+1, n) matrix",
    phrases=["element-wise", "elementwise", "matrix product", "@ y", "shape"],
    misleading=["sign of", "wrong sign", "learning rate", "x @ x.t", "bias column"],
    note="Learners mix @ and * freely and the last multiplication looks harmless.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    XtX = X.T @ X
    return XtX ** -1 @ X.T @ y
""",
    cause="XtX ** -1 takes the element-wise reciprocal, not the matrix inverse",
    phrases=[
        "np.linalg.inv",
        "matrix inverse",
        "element-wise",
        "elementwise",
        "reciprocal",
        "** -1",
    ],
    misleading=["transpose", "learning rate", "sign of", "wrong sign", "bias column"],
    note="The formula is written with a superscript -1, which a beginner types as ** -1.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    return np.linalg.inv(X.T @ X) @ X @ y
""",
    cause="forgot the transpose on the second X (X instead of X^T before y)",
    phrases=["transpose", "x.t @ y", "xᵀy", "xᵀ", "shape"],
    misleading=["element-wise", "learning rate", "sign of", "wrong sign", "bias column"],
    note="Copying the long formula, the second T is easy to drop.",
)

_add(
    E,
    "mistake",
    """
import numpy as np

rng = np.random.default_rng(0)
X_toy = np.ones((20, 2))
X_toy[:, 1] = rng.standard_normal(20)
y_toy = X_toy @ np.array([0.5, 1.0])


def normal_equation(X, y):
    return np.linalg.inv(X_toy.T @ X_toy) @ X_toy.T @ y_toy
""",
    cause="uses the global toy data X_toy, y_toy instead of the parameters X and y",
    phrases=["global", "parameter", "argument", "x_toy", "ignores", "the x and y passed"],
    misleading=["transpose", "element-wise", "sign of", "wrong sign", "bias column"],
    note="The learner first got it working on the toy data and wrapped it in a function without renaming.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # add the bias column of ones
    X_b = np.hstack([np.ones((X.shape[0], 1)), X])
    return np.linalg.inv(X_b.T @ X_b) @ X_b.T @ y
""",
    cause="adds a second column of ones although X already contains the bias column",
    phrases=[
        "bias column",
        "column of ones",
        "already",
        "singular",
        "extra column",
        "one weight too many",
    ],
    misleading=["learning rate", "element-wise", "sign of", "wrong sign", "global"],
    note="The lesson keeps talking about adding a column of ones, so the learner adds it again inside the function.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    w = np.linalg.inv(X.T @ X) @ X.T @ y
    y_hat = X @ w
    return y_hat
""",
    cause="returns the predictions X w instead of the weights w",
    phrases=["prediction", "x @ w", "y_hat", "ŷ", "instead of the weights", "instead of w"],
    misleading=["transpose", "element-wise", "reciprocal", "sign of", "wrong sign"],
    note="The lesson talks about predictions y_hat = Xw right next to the formula, so the learner returns those.",
)

# ---------------------------------------------------------------------------
# 1.2 Iris questions
# ---------------------------------------------------------------------------
E = "1.2 Iris questions"

_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints, n_features = X.shape
n_weights = n_features
""",
    note="Unpacking X.shape into two names.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = len(y)
n_weights = len(iris.feature_names)  # one weight per measured feature, bias not counted
""",
    note="Counting labels and feature names gives the same two numbers.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.shape[0]
n_weights = X.shape[1] + 1  # one weight per feature plus the bias
""",
    cause="counts the bias although the question says not to (5 instead of 4)",
    phrases=["bias", "not counting", "excluding", "+ 1", "one too many"],
    misleading=["swapped", "number of classes", "number of species", "x.size"],
    note="The model does have 5 weights, so the learner adds one out of habit.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.shape[1]
n_weights = X.shape[0]
""",
    cause="rows and columns swapped: shape[1] used for data points and shape[0] for weights",
    phrases=["swapped", "rows", "columns", "shape[0]", "the other way round"],
    misleading=["count the bias", "number of species", "number of classes", "x.size"],
    note="Beginners often do not remember whether shape[0] is rows or columns.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.shape[0]
n_weights = len(np.unique(y))  # one weight per flower type
""",
    cause="uses the number of classes (3) instead of the number of features (4)",
    phrases=["classes", "species", "features", "columns", "target"],
    misleading=["count the bias", "swapped", "x.size"],
    note="Learners confuse the number of species with the number of inputs to the model.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = int(np.sum(y != 2))  # we drop virginica anyway
n_weights = X.shape[1]
""",
    cause="counts only the 100 points left after dropping virginica instead of all 150",
    phrases=["100", "150", "all 150", "whole data", "virginica", "removed"],
    misleading=["count the bias", "swapped", "x.size"],
    note="The learner read ahead to the binary subset and answered for that instead of the full data set.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.shape[0]
n_weights = X.shape[1:]
""",
    cause="n_weights is the tuple (4,) from slicing the shape, not the integer 4",
    phrases=["tuple", "integer", "(4,)", "slice"],
    misleading=["count the bias", "swapped", "number of species"],
    note="Slicing X.shape looks like indexing to a beginner but returns a tuple.",
)

# ---------------------------------------------------------------------------
# 1.2 binary cross-entropy
# ---------------------------------------------------------------------------
E = "1.2 binary cross-entropy"

_add(
    E,
    "correct",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    eps = 1e-15
    y_hat = np.clip(y_hat, eps, 1 - eps)
    return -y * np.log(y_hat) - (1 - y) * np.log(1 - y_hat)
""",
    note="Minus sign distributed over both terms and a tiny clipping epsilon.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    p = np.minimum(np.maximum(y_hat, 1e-12), 1 - 1e-12)
    return -(y * np.log(p) + (1 - y) * np.log1p(-p))
""",
    note="np.maximum/np.minimum instead of clip and log1p(-p) for log(1 - p).",
)

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import xlogy


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-13, 1 - 1e-13)
    # xlogy(a, b) = a * log(b), and 0 when a is 0
    return -(xlogy(y, p) + xlogy(1 - y, 1 - p))
""",
    note="scipy.special.xlogy with clipping, as someone who knows scipy might write it.",
)

_add(
    E,
    "correct",
    """
import math

import numpy as np


def binary_cross_entropy(y, y_hat):
    y_arr, p_arr = np.broadcast_arrays(np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float))
    flat_y = y_arr.ravel()
    flat_p = p_arr.ravel()
    losses = np.empty(flat_p.size)
    for i in range(flat_p.size):
        p = min(max(flat_p[i], 1e-12), 1 - 1e-12)
        losses[i] = -(flat_y[i] * math.log(p) + (1 - flat_y[i]) * math.log(1 - p))
    return losses.reshape(p_arr.shape)
""",
    note="A loop over the samples with math.log on plain numbers, reshaped back to the input shape.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="no clipping, so y_hat of exactly 0 or 1 gives log(0): inf or nan",
    phrases=["clip", "log(0)", "log 0", "epsilon", "inf", "nan"],
    misleading=["sign of", "wrong sign", "np.mean", "axis", "swapped"],
    note="It is the formula from the lesson typed literally; the notebook warns about log 0 but beginners skip that.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 0.01, 0.99)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="clipping epsilon far too large (0.01), which changes the loss of confident predictions",
    phrases=["epsilon", "too large", "0.01", "too big", "1e-12"],
    misleading=["sign of", "wrong sign", "np.mean", "without clipping", "not clipped", "swapped"],
    note="A learner picks a 'small' number like 0.01 without thinking about how much it changes the result.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return np.mean(-(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))
""",
    cause="returns the mean loss instead of one loss per sample",
    phrases=["mean", "one loss per sample", "per sample", "scalar", "average", "shape"],
    misleading=["sign of", "wrong sign", "log(0)", "epsilon", "swapped"],
    note="Losses are usually averaged, and the learner does not notice the notebook asks for one per sample.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)
""",
    cause="missing brackets: the minus sign applies only to the first term",
    phrases=["bracket", "parenthes", "minus", "sign", "second term", "precedence"],
    misleading=["np.mean", "epsilon", "log(0)", "swapped"],
    note="Dropping the outer parentheses of -(a + b) is a classic slip.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y_hat * np.log(y) + (1 - y_hat) * np.log(1 - y))
""",
    cause="y and y_hat swapped in the formula: the log is taken of the labels",
    phrases=[
        "swapped",
        "y and y_hat",
        "y_hat and y",
        "log of the label",
        "mixed up",
        "the other way round",
    ],
    misleading=["np.mean", "epsilon", "axis", "precedence"],
    note="The argument order (y, y_hat) and the formula's symbols are easy to mix up.",
)

_add(
    E,
    "mistake",
    """
import math

import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * math.log(y_hat) + (1 - y) * math.log(1 - y_hat))
""",
    cause="math.log only works on single numbers, so arrays of samples raise a TypeError",
    phrases=["math.log", "np.log", "array", "single number", "scalar"],
    misleading=["sign of", "wrong sign", "np.mean", "epsilon", "swapped"],
    note="Learners who know Python's math module reach for math.log first and test it on one number.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    if y == 1:
        return -np.log(y_hat)
    else:
        return -np.log(1 - y_hat)
""",
    cause="an if on the label only works for a single number; for arrays it raises 'truth value is ambiguous'",
    phrases=["if y", "truth value", "ambiguous", "np.where", "branch", "whole array"],
    misleading=["sign of", "wrong sign", "np.mean", "epsilon", "swapped"],
    note="The lesson explains the loss case by case (y = 1, y = 0), which invites an if statement.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y = np.asarray(y)
    y_hat = np.clip(np.asarray(y_hat, dtype=float), 1e-12, 1 - 1e-12)
    losses = np.zeros_like(y)  # one loss per sample
    for i in np.ndindex(y.shape):
        losses[i] = -(y[i] * np.log(y_hat[i]) + (1 - y[i]) * np.log(1 - y_hat[i]))
    return losses
""",
    cause="np.zeros_like(y) makes an integer array when the labels are integers, so the losses are truncated",
    phrases=["integer", "dtype", "zeros_like", "float", "truncat"],
    misleading=["sign of", "wrong sign", "np.mean", "epsilon", "swapped"],
    note="zeros_like of the labels looks natural, but the Iris labels are integers.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.asarray(y_hat)
    y_hat[y_hat < 1e-12] = 1e-12
    y_hat[y_hat > 1 - 1e-12] = 1 - 1e-12
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="np.asarray does not copy, so the clipping overwrites the caller's y_hat array in place",
    phrases=["in place", "in-place", "modif", "copy", "caller", "overwrit"],
    misleading=["sign of", "wrong sign", "np.mean", "log(0)", "swapped"],
    note="Learners believe np.asarray makes a new array and clip by assigning into it.",
)

# ---------------------------------------------------------------------------
# 1.2 gradient
# ---------------------------------------------------------------------------
E = "1.2 gradient"

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = np.squeeze(y_hat - y)  # a single number, also when y_hat has shape (1,)
    grad = np.zeros(len(x_i))
    for j in range(len(x_i)):
        grad[j] = error * x_i[j]
    return grad
""",
    note="Loop over the weights, one partial derivative at a time.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    residual = y - y_hat  # how far the prediction lies below the label
    return -residual * x_i
""",
    note="Written as minus the residual times x, which is the same as (y_hat - y) x.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    x_i = np.asarray(x_i, dtype=float)
    return np.multiply(x_i, y_hat - y).reshape(x_i.shape)
""",
    note="np.multiply plus an explicit reshape to make sure the gradient keeps the shape of x_i.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return (y - y_hat) * x_i
""",
    cause="wrong sign: (y - y_hat) instead of (y_hat - y)",
    phrases=["sign", "y_hat - y", "ŷ - y", "opposite", "reversed", "minus"],
    misleading=["learning rate", "wrong shape", "transpose", "sigmoid derivative"],
    note="Error is often written as target minus prediction, which flips the gradient.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    # chain rule: dL/dz times the sigmoid derivative times x
    return (y_hat - y) * y_hat * (1 - y_hat) * x_i
""",
    cause="multiplies by the sigmoid derivative y_hat(1 - y_hat) again although it cancels",
    phrases=[
        "y_hat * (1 - y_hat)",
        "sigmoid derivative",
        "cancel",
        "extra factor",
        "ŷ(1 - ŷ)",
        "chain rule",
    ],
    misleading=["sign of", "wrong sign", "learning rate", "transpose", "np.mean"],
    note="The learner applies the chain rule but forgets that the first factor already became (y_hat - y).",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return y_hat - y
""",
    cause="forgets to multiply by x_i, returning only the error (y_hat - y)",
    phrases=["times x_i", "multiply by x", "input", "shape", "feature"],
    misleading=["sign of", "wrong sign", "learning rate", "sigmoid derivative", "np.mean"],
    note="The 'error' part is the interesting bit, so the factor x_i gets lost.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return np.mean((y_hat - y) * x_i)
""",
    cause="takes the mean over the gradient's components, returning one number instead of a vector",
    phrases=["mean", "scalar", "shape", "one number", "average"],
    misleading=["sign of", "wrong sign", "learning rate", "sigmoid derivative", "in place"],
    note="Learners add np.mean out of habit because losses are averaged.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    dL_dyhat = (y_hat - y) / (y_hat * (1 - y_hat))
    dyhat_dz = y_hat * (1 - y_hat)
    return dL_dyhat * dyhat_dz * x_i
""",
    cause="does not cancel the factors, so y_hat of exactly 0 or 1 gives 0/0 = nan",
    phrases=["cancel", "0/0", "nan", "division by zero", "divide", "simplif"],
    misleading=["sign of", "wrong sign", "learning rate", "np.mean", "transpose"],
    note="Following equation (2) of the lesson literally seems safest to a beginner.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    x_i *= y_hat - y
    return x_i
""",
    cause="multiplies x_i in place, overwriting the caller's data row",
    phrases=["in place", "in-place", "modif", "*=", "overwrit", "copy"],
    misleading=["sign of", "wrong sign", "learning rate", "sigmoid derivative", "np.mean"],
    note="Augmented assignment looks like a neat shortcut, but X[i] is a view into the data set.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = np.squeeze(y_hat - y)
    grad = np.zeros(5)
    for j in range(5):
        grad[j] = error * x_i[j]
    return grad
""",
    cause="hard-codes 5 weights (the Iris size) instead of using len(x_i)",
    phrases=["hard-coded", "hardcoded", "len(x_i)", "size", "number of features", "other sizes"],
    misleading=["sign of", "wrong sign", "learning rate", "sigmoid derivative", "np.mean"],
    note="The learner only thinks about the Iris data with 4 features plus the bias.",
)

# ---------------------------------------------------------------------------
# 1.2 forward pass
# ---------------------------------------------------------------------------
E = "1.2 forward pass"

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import expit


def sigmoid(z):
    return expit(z)


def forward_pass(x_i, w):
    z = np.dot(x_i, w)
    return sigmoid(z)
""",
    note="scipy's expit is a stable sigmoid; np.dot instead of @.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    # the same curve as 1 / (1 + e^-z), written with tanh so it never overflows
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)
""",
    note="The tanh identity for the sigmoid, which stays finite for huge logits.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    z = 0.0
    for j in range(len(x_i)):
        z = z + x_i[j] * w[j]
    return sigmoid(z)
""",
    note="The weighted sum written as an explicit loop, as in z = w0*1 + w1*x1 + ...",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return x_i @ w
""",
    cause="forgets the sigmoid and returns the logit instead of a probability",
    phrases=["sigmoid", "logit", "probabilit", "between 0 and 1", "squash"],
    misleading=["transpose", "sign of", "wrong sign", "learning rate", "overflow"],
    note="The linear part is the 'model', and the learner forgets the sigmoid that is defined just above.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)
""",
    cause="sign error in the sigmoid: exp(z) instead of exp(-z), giving the probability of class 0",
    phrases=["sign", "exp(-z)", "-z", "minus", "class 0"],
    misleading=["transpose", "learning rate", "element-wise", "overflow"],
    note="The minus in e^{-z} is tiny on the page and easy to drop.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i * w)
""",
    cause="element-wise * instead of the dot product, so the result is not one probability",
    phrases=["element-wise", "elementwise", "@", "dot", "sum of the products", "matrix product"],
    misleading=["sign of", "wrong sign", "learning rate", "overflow", "threshold"],
    note="Writing x*w is what the formula x w looks like on paper.",
)

_add(
    E,
    "mistake",
    """
import math

import numpy as np


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)
""",
    cause="math.exp raises OverflowError for large negative logits (and only takes single numbers) instead of np.exp",
    phrases=["math.exp", "np.exp", "overflow", "overflowerror", "large"],
    misleading=["sign of", "wrong sign", "transpose", "element-wise", "threshold"],
    note="math.exp works in the learner's quick test with small numbers, so the problem stays hidden.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return np.exp(z) / (1 + np.exp(z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)
""",
    cause="the form exp(z) / (1 + exp(z)) overflows to inf/inf = nan for large positive logits",
    phrases=["overflow", "nan", "inf", "large", "stab", "exp(-z)"],
    misleading=["sign of", "wrong sign", "transpose", "element-wise", "threshold"],
    note="This equivalent form of the sigmoid appears in many textbooks and looks just as good.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    y_hat = sigmoid(x_i @ w)
    return (y_hat > 0.5).astype(float)  # class 1 if above the cut-off
""",
    cause="returns the thresholded class (0 or 1) instead of the probability",
    phrases=["probabilit", "threshold", "0.5", "class label", "0 or 1", "round"],
    misleading=["sign of", "wrong sign", "overflow", "transpose", "element-wise"],
    note="The lesson describes the 0.5 cut-off right after the sigmoid, so the learner applies it here.",
)

# ---------------------------------------------------------------------------
# 1.2 SGD update
# ---------------------------------------------------------------------------
E = "1.2 SGD update"

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    # transpose w to a row, subtract, and transpose back to a column
    return np.subtract(w.T, learning_rate * gradient).T
""",
    note="The transpose-subtract-transpose trick from the original lesson.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    w_new = w.copy()
    w_new -= learning_rate * gradient.reshape(w_new.shape)
    return w_new
""",
    note="Copies w first, so the in-place update does not touch the caller's array.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sgd_step(w, x_i, y_i, learning_rate):
    z = float(np.dot(x_i, w.ravel()))
    y_hat = 1.0 / (1.0 + np.exp(-z))
    step = learning_rate * (y_hat - y_i) * x_i
    return w - np.reshape(step, w.shape)
""",
    note="Everything inline, without the helper functions, using ravel and reshape to manage the column shape.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="column w (5, 1) minus gradient (5,) broadcasts to a (5, 5) matrix; the gradient is not reshaped",
    phrases=["shape", "(5, 5)", "broadcast", "reshape", "column"],
    misleading=["sign of", "wrong sign", "forgot the learning rate", "in place", "sigmoid"],
    note="The formula w - lr * grad is right on paper, and NumPy silently broadcasts instead of failing.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return np.subtract(w.T, learning_rate * gradient)
""",
    cause="transposes w to a row but forgets to transpose back, returning shape (1, 5)",
    phrases=["shape", "(1, 5)", "transpose back", ".t", "row"],
    misleading=["sign of", "wrong sign", "forgot the learning rate", "(5, 5)", "in place"],
    note="A half-remembered version of the lesson's transpose trick.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="adds the gradient instead of subtracting it (gradient ascent)",
    phrases=["sign", "subtract", "minus", "against the gradient", "ascent", "uphill"],
    misleading=["shape mismatch", "forgot the learning rate", "in place", "transpose"],
    note="'Update the weights with the gradient' sounds like adding it.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - gradient.reshape(w.shape)
""",
    cause="forgets to multiply the gradient by the learning rate",
    phrases=["learning rate", "learning_rate", "step size", "λ", "scale"],
    misleading=["sign of", "wrong sign", "shape mismatch", "in place", "transpose"],
    note="The learner focuses on getting the shapes right and drops the factor.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="updates w in place with -=, changing the caller's weight array",
    phrases=["in place", "in-place", "-=", "modif", "caller", "copy"],
    misleading=["sign of", "wrong sign", "forgot the learning rate", "shape mismatch", "transpose"],
    note="w -= ... is the idiomatic way to write an update in many tutorials.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    step = learning_rate * gradient.reshape(w.shape)
    return step
""",
    cause="returns the step learning_rate * gradient instead of the new weights w - step",
    phrases=["new weights", "updated weights", "w -", "instead of the weights", "step instead"],
    misleading=["sign of", "wrong sign", "in place", "broadcast", "transpose"],
    note="The learner computes the update and forgets to apply it to w.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="calls calc_gradient with y and y_hat in the wrong order, flipping the gradient's sign",
    phrases=["argument order", "wrong order", "argument", "swapped", "y_hat and y", "sign"],
    misleading=["in place", "forgot the learning rate", "broadcast", "transpose"],
    note="The helper's signature is (y, y_hat, x_i), while the learner thinks 'prediction first'.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="hard-codes the learning rate 0.01 instead of using the learning_rate parameter",
    phrases=["learning_rate", "hard-coded", "hardcoded", "0.01", "parameter"],
    misleading=["sign of", "wrong sign", "shape mismatch", "in place", "transpose"],
    note="0.01 is the learning rate used in the notebook's training cell, so it ends up typed into the function.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    # w_new = w_old - lambda (y_hat - y) x
    return w - learning_rate * y_hat - y_i * x_i.reshape(w.shape)
""",
    cause="missing brackets around (y_hat - y_i): operator precedence makes it lr*y_hat - y_i*x",
    phrases=["bracket", "parenthes", "precedence", "(y_hat - y_i)", "order of operations"],
    misleading=["sign of", "wrong sign", "in place", "transpose", "forgot the learning rate"],
    note="Typing the update formula inline, the brackets of λ(ŷ - y)x get lost.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = np.round(forward_pass(x_i, w))  # predicted class 0 or 1
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="rounds the prediction to a class, so the gradient uses 0/1 instead of the probability",
    phrases=["probabilit", "round", "threshold", "class label", "0 or 1", "0.5"],
    misleading=["sign of", "wrong sign", "in place", "shape mismatch", "forgot the learning rate"],
    note="The learner thinks the error should compare the predicted class with the label.",
)

# ---------------------------------------------------------------------------
# 1.3 learning rates
# ---------------------------------------------------------------------------
E = "1.3 learning rates"

_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        for i in order_rng.permutation(len(X)):
            w = sgd_step(w, X[i], y[i], learning_rate)
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for k, lr in enumerate(learning_rates):
    w_lr = np.random.default_rng(10 + k).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    note="A fresh random start per learning rate, from a different seed each time.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


def run_experiment(lr, epochs=20):
    w = np.random.randn(5, 1)  # fresh random weights for every run
    for epoch in range(epochs):
        order = np.arange(len(X_binary))
        np.random.shuffle(order)
        for i in order:
            w = sgd_step(w, X_binary[i], y_binary[i], lr)
    return accuracy_percent(w, X_binary, y_binary)


np.random.seed(5)
learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {lr: run_experiment(lr) for lr in learning_rates}
print(accuracies)
""",
    note="Own training loop with np.random.shuffle and a dict comprehension.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        for i in order_rng.permutation(len(X)):
            w = sgd_step(w, X[i], y[i], learning_rate)
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr)
    accuracies[str(lr)] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="dict keys are strings ('0.1') instead of the learning rates themselves",
    phrases=["key", "string", "float", "'0.1'"],
    misleading=["fraction", "reuse", "fresh"],
    note="Converting to str looks nicer when printing, and the learner does not think about the keys' type.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        for i in order_rng.permutation(len(X)):
            w = sgd_step(w, X[i], y[i], learning_rate)
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
w = np.random.default_rng(2).standard_normal((5, 1))
for lr in learning_rates:
    w, _ = train_logistic_regression(w, X_binary, y_binary, 20, lr)
    accuracies[lr] = accuracy_percent(w, X_binary, y_binary)
print(accuracies)
""",
    cause="one model is reused: each learning rate continues from the weights trained with the previous one",
    phrases=[
        "fresh",
        "reset",
        "new random weights",
        "same weights",
        "reuse",
        "re-initial",
        "continues",
        "shared",
    ],
    misleading=["string key", "string", "fraction", "error rate"],
    note="Initialising w once above the loop looks tidier, and the learner does not see the runs are no longer independent.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        for i in order_rng.permutation(len(X)):
            w = sgd_step(w, X[i], y[i], learning_rate)
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr)
    wrong = 100.0 - accuracy_percent(w_lr, X_binary, y_binary)
    accuracies[lr] = wrong
print(accuracies)
""",
    cause="stores the error rate (100 - accuracy) instead of the accuracy",
    phrases=["error rate", "100 -", "misclassif", "wrongly classified", "inverted"],
    misleading=["string key", "fraction", "reset", "reuse"],
    note="The learner was thinking about the loss going down and reports the error instead.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        for i in order_rng.permutation(len(X)):
            w = sgd_step(w, X[i], y[i], learning_rate)
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary) / 100  # as a fraction
print(accuracies)
""",
    cause="divides by 100, storing fractions although the notebook's accuracy_percent gives percentages",
    phrases=["percent", "fraction", "/ 100", "0 to 1", "percentage", "scale"],
    misleading=["string key", "error rate", "reset", "reuse"],
    note="The learner prefers accuracies between 0 and 1 and converts the provided percentage.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        for i in order_rng.permutation(len(X)):
            w = sgd_step(w, X[i], y[i], learning_rate)
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    train_logistic_regression(w_lr, X_binary, y_binary, 20, lr)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="ignores the weights returned by training, so the accuracy is that of the untrained random start",
    phrases=[
        "returned weights",
        "return value",
        "trained weights",
        "untrained",
        "assign",
        "initial weights",
        "discard",
    ],
    misleading=["string key", "fraction", "error rate", "string"],
    note="The learner expects the training function to change w in place, as it would a list.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
keep = iris.target != 2
X_binary = np.column_stack([np.ones(keep.sum()), iris.data[keep]])
y_binary = iris.target[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        for i in order_rng.permutation(len(X)):
            w = sgd_step(w, X[i], y[i], learning_rate)
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rate = 0.01
learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, learning_rate)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="trains every run with the global learning_rate 0.01 instead of the loop variable lr",
    phrases=[
        "same learning rate",
        "loop variable",
        "instead of lr",
        "never uses",
        "global",
        "learning_rate",
    ],
    misleading=["string key", "fraction", "error rate", "same weights"],
    note="The earlier training cell used the name learning_rate, which the learner copies into the loop.",
)

# ---------------------------------------------------------------------------
# 1.4 softmax
# ---------------------------------------------------------------------------
E = "1.4 softmax"

_add(
    E,
    "correct",
    """
import numpy as np
from scipy import special


def softmax(z):
    return special.softmax(z, axis=-1)
""",
    note="scipy.special.softmax along the last axis.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import logsumexp


def softmax(z):
    # log p = z - log(sum(exp(z))), computed stably by logsumexp
    return np.exp(z - logsumexp(z, axis=-1, keepdims=True))
""",
    note="The log-sum-exp trick instead of subtracting the max explicitly.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    rows = np.atleast_2d(z)
    out = np.empty_like(rows)
    for r in range(rows.shape[0]):
        shifted = rows[r] - rows[r].max()
        e = np.exp(shifted)
        out[r] = e / e.sum()
    return out.reshape(z.shape)
""",
    note="A loop over the samples, treating a single sample as a batch of one.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=0, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=0, keepdims=True)
""",
    cause="normalises along axis 0 (down the columns) instead of the last axis, wrong for a batch (n, K)",
    phrases=["axis", "last axis", "axis=-1", "axis=1", "rows", "column"],
    misleading=["overflow", "missing keepdims", "in place", "integer"],
    note="For a single sample axis=0 is right, so the learner's first test passes.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
""",
    cause="does not subtract the max, so large logits overflow to inf and give nan",
    phrases=["max", "overflow", "nan", "inf", "stab", "large"],
    misleading=["axis=0", "missing keepdims", "in place", "integer"],
    note="It is the formula exactly as written in the lesson.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1)
""",
    cause="keepdims missing in the sum, so a batch (n, K) broadcasts wrongly or fails",
    phrases=["keepdims", "broadcast", "shape", "[:, none]", "reshape"],
    misleading=["overflow", "axis=0", "in place", "integer"],
    note="keepdims was remembered for the max but not for the sum; with one sample both work.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z)  # for numerical stability
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
""",
    cause="subtracts the max of the whole batch instead of each row's max, so rows far below it underflow to 0/0",
    phrases=["max", "per row", "each row", "axis", "whole batch", "underflow"],
    misleading=["in place", "integer", "math.exp", "sigmoid"],
    note="The learner knows the max trick but applies it to the whole array.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z_max = np.max(z, axis=-1, keepdims=True)
    e = np.exp(z - z_max)
    total = np.sum(e, axis=-1, keepdims=True)
    probs = np.zeros_like(z)
    for k in range(z.shape[-1]):
        probs[..., k] = e[..., k] / total[..., 0]
    return probs
""",
    cause="np.zeros_like(z) is an integer array for integer logits, so the probabilities are truncated to 0",
    phrases=["integer", "dtype", "zeros_like", "float", "truncat"],
    misleading=["axis=0", "overflow", "missing keepdims", "in place"],
    note="zeros_like is the habit for 'an array like the input', which inherits an integer dtype.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
""",
    cause="z -= ... changes the caller's logits in place",
    phrases=["in place", "in-place", "-=", "modif", "caller", "copy"],
    misleading=["axis=0", "overflow", "integer", "missing keepdims"],
    note="-= looks like a harmless shorthand for z = z - ...",
)

_add(
    E,
    "mistake",
    """
import math

import numpy as np


def softmax(z):
    m = np.max(z, axis=-1, keepdims=True)
    exps = np.array([math.exp(v) for v in (z - m)])
    return exps / np.sum(exps, axis=-1, keepdims=True)
""",
    cause="math.exp on each element only works for one sample; for a batch it gets whole rows and fails",
    phrases=["math.exp", "np.exp", "batch", "2-d", "rows", "element"],
    misleading=["overflow", "axis=0", "in place", "integer"],
    note="Looping over z with math.exp works for the 1-D example the learner tried.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    # squash every score into (0, 1)
    return 1 / (1 + np.exp(-z))
""",
    cause="uses the sigmoid on each logit, so the probabilities do not sum to 1",
    phrases=["sum to 1", "normali", "sigmoid", "divide", "sum of"],
    misleading=["axis=0", "missing keepdims", "in place", "integer"],
    note="Logistic regression used the sigmoid and the learner thinks softmax is just the same squashing.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    total = np.zeros(z.shape[:-1])
    for k in range(3):  # three flower species
        total = total + np.exp(z[..., k])
    return np.exp(z) / total[..., None]
""",
    cause="hard-codes 3 classes in the sum instead of using the number of columns",
    phrases=["hard-coded", "hardcoded", "number of classes", "shape[-1]", "any k", "three classes"],
    misleading=["overflow", "in place", "integer", "axis=0"],
    note="The learner writes the function for the Iris case with 3 species.",
)

# ---------------------------------------------------------------------------
# 1.4 forward pass
# ---------------------------------------------------------------------------
E = "1.4 forward pass"

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    z = np.dot(W.T, x_i)  # the same as x_i @ W
    return softmax(z)
""",
    note="W transposed times x_i gives the same logits as x_i @ W.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    z = np.einsum("j,jk->k", x_i, W)
    return softmax(z)
""",
    note="einsum for the vector-matrix product.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    Z = x_i[np.newaxis, :] @ W  # a batch of one sample, shape (1, K)
    return softmax(Z)[0]
""",
    note="Treats the sample as a batch of one, as in Z = XW, and takes the single row back out.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(W @ x_i)
""",
    cause="wrong order W @ x_i: W is (d+1, K), so it must be x_i @ W",
    phrases=["wrong order", "x_i @ w", "shape", "transpose", "w.t"],
    misleading=["overflow", "sigmoid", "sum to 1", "argmax"],
    note="Many textbooks write Wx, so the learner puts W first.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    z = x_i @ W
    return z
""",
    cause="returns the logits and never applies the softmax",
    phrases=["softmax", "logit", "probabilit", "sum to 1", "normali"],
    misleading=["wrong order", "transpose", "overflow", "element-wise"],
    note="The softmax is defined in the cell above, and the learner forgets to call it.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    x_row = x_i.reshape(1, -1)  # a row vector, like a row of X
    return softmax(x_row @ W)
""",
    cause="returns shape (1, K) instead of (K,) because x_i was turned into a row matrix",
    phrases=["shape", "(1, 3)", "(k,)", "extra dimension", "flatten", "squeeze"],
    misleading=["sigmoid", "overflow", "wrong order", "element-wise"],
    note="The lesson's Z = XW uses a matrix, so the learner makes x_i a (1, d+1) matrix.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_forward_pass(x_i, W):
    z = x_i @ W
    return np.exp(z) / np.sum(np.exp(z))
""",
    cause="softmax written inline without subtracting the max, so large logits give nan",
    phrases=["max", "overflow", "nan", "inf", "stab", "large"],
    misleading=["wrong order", "transpose", "sigmoid", "element-wise"],
    note="The learner writes the softmax formula straight into the forward pass.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i * W)
""",
    cause="element-wise * broadcasts x_i over W instead of the vector-matrix product, giving a matrix",
    phrases=["element-wise", "elementwise", "@", "matrix product", "dot", "shape"],
    misleading=["overflow", "sigmoid", "wrong order", "argmax"],
    note="x_i * W does not fail because of broadcasting when x_i has as many entries as W has rows.",
)

# ---------------------------------------------------------------------------
# 1.4 gradient
# ---------------------------------------------------------------------------
E = "1.4 gradient"

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    # a column (d+1, 1) times a row (1, K) broadcasts to (d+1, K)
    return x_i[:, None] * (y_hat - y)[None, :]
""",
    note="Outer product by broadcasting a column against a row.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    x_col = np.expand_dims(x_i, axis=1)        # (d+1, 1)
    diff_row = np.expand_dims(y_hat - y, axis=0)  # (1, K)
    return np.dot(x_col, diff_row)
""",
    note="The lesson's hint: expand the dimensions, then a matrix product.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    grad = np.zeros((len(x_i), len(y_hat)))
    for j in range(len(x_i)):
        for c in range(len(y_hat)):
            grad[j, c] = x_i[j] * (y_hat[c] - y[c])
    return grad
""",
    note="Two nested loops, one entry of the gradient at a time.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(y_hat - y, x_i)
""",
    cause="outer product in the wrong order, giving shape (K, d+1), the transpose of W's shape",
    phrases=["shape", "transpose", "(k, d+1)", "wrong order", "swapped", "outer(x_i"],
    misleading=["sign of", "wrong sign", "learning rate", "in place", "hard-coded"],
    note="The lesson writes the difference first in the update sentence, so the learner puts it first.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y - y_hat)
""",
    cause="wrong sign: (y - y_hat) instead of (y_hat - y)",
    phrases=["sign", "y_hat - y", "ŷ - y", "opposite", "reversed", "minus"],
    misleading=["wrong shape", "transpose", "in place", "hard-coded"],
    note="Target minus prediction is how many people write an error.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return x_i.T @ (y_hat - y)
""",
    cause="x_i.T does nothing to a 1-D array, so @ tries an inner product instead of the outer product",
    phrases=["outer", "1-d", "no effect", "does nothing", "np.outer", "inner product"],
    misleading=["sign of", "wrong sign", "learning rate", "in place", "hard-coded"],
    note="The formula x (y_hat - y)^T suggests a transpose and @, which do not make an outer product of 1-D arrays.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    delta = (y_hat - y) * y_hat * (1 - y_hat)  # times the softmax derivative
    return np.outer(x_i, delta)
""",
    cause="multiplies by the softmax derivative y_hat(1 - y_hat) again although it is already folded into (y_hat - y)",
    phrases=["y_hat * (1 - y_hat)", "extra factor", "softmax derivative", "cancel", "chain rule"],
    misleading=["sign of", "wrong sign", "transpose", "in place", "hard-coded"],
    note="The appendix shows the softmax derivative, and the learner multiplies it in once more.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y) / len(y)
""",
    cause="divides the gradient by the number of classes, which the formula does not do",
    phrases=["divide", "average", "mean", "/ len", "factor", "scale"],
    misleading=["sign of", "wrong sign", "transpose", "in place", "hard-coded"],
    note="Dividing by a length 'to average' is a reflex from computing losses.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    true_class = np.argmax(y)
    y_hat[true_class] -= 1  # y_hat - y, since y is one-hot
    return np.outer(x_i, y_hat)
""",
    cause="subtracts 1 from the caller's y_hat in place, changing the predictions passed in",
    phrases=["in place", "in-place", "modif", "-=", "caller", "copy"],
    misleading=["sign of", "wrong sign", "transpose", "hard-coded", "extra factor"],
    note="The one-hot shortcut is clever, but y_hat -= on an argument changes the caller's array.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    grad = np.zeros((5, 3))
    for j in range(5):
        for c in range(3):
            grad[j, c] = x_i[j] * (y_hat[c] - y[c])
    return grad
""",
    cause="hard-codes the Iris sizes 5 x 3 instead of len(x_i) and the number of classes",
    phrases=["hard-coded", "hardcoded", "len(x_i)", "number of classes", "size", "other sizes"],
    misleading=["sign of", "wrong sign", "transpose", "in place", "extra factor"],
    note="The learner writes the gradient only for the (5, 3) Iris weight matrix.",
)

# ---------------------------------------------------------------------------
# 1.4 SGD update
# ---------------------------------------------------------------------------
E = "1.4 SGD update"

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * np.outer(x_i, y_hat - y_i)
""",
    note="The gradient written inline with np.outer instead of calling a helper.",
)

_add(
    E,
    "correct",
    """
import numpy as np


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
    W_new = np.copy(W)
    W_new -= learning_rate * gradient
    return W_new
""",
    note="Copies W before the in-place update.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    W_new = W.astype(float)  # a new array
    for c in range(W.shape[1]):
        # each class's weight vector moves by (y_hat_c - y_c) x
        W_new[:, c] = W[:, c] - learning_rate * (y_hat[c] - y_i[c]) * x_i
    return W_new
""",
    note="Updates one class's column at a time, as in the per-class gradient of the appendix.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="adds the gradient instead of subtracting it (gradient ascent)",
    phrases=["sign", "subtract", "minus", "against the gradient", "ascent", "uphill"],
    misleading=["in place", "forgot the learning rate", "transpose", "overflow"],
    note="'Move with the gradient' is a common misreading of the update rule.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    return W - softmax_gradient(y_i, y_hat, x_i)
""",
    cause="forgets the learning rate, taking a full gradient step",
    phrases=["learning rate", "learning_rate", "step size", "λ", "scale"],
    misleading=["sign of", "wrong sign", "in place", "transpose", "overflow"],
    note="The learning_rate parameter is accepted but never used.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="updates W in place with -=, changing the caller's weight matrix",
    phrases=["in place", "in-place", "-=", "modif", "caller", "copy"],
    misleading=["sign of", "wrong sign", "transpose", "forgot the learning rate", "overflow"],
    note="In-place updates are how optimisers are often written, and the training loop still works.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    return gradient
""",
    cause="returns the gradient instead of the updated weights",
    phrases=["gradient instead", "updated weights", "new w", "w -"],
    misleading=["sign of", "wrong sign", "in place", "transpose", "overflow"],
    note="The learner stops after computing the gradient, as in the previous exercise.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


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
    cause="passes y_hat and y_i to softmax_gradient in the wrong order, flipping the sign",
    phrases=["argument order", "wrong order", "argument", "swapped", "sign", "y_hat and y"],
    misleading=["in place", "transpose", "forgot the learning rate", "overflow"],
    note="The helper takes (y, y_hat, x_i), but 'prediction, then target' feels more natural.",
)

_add(
    E,
    "mistake",
    """
import numpy as np

lr = 0.01


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
    return W - lr * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="uses the global lr = 0.01 instead of the learning_rate parameter",
    phrases=["global", "parameter", "argument", "learning_rate", "ignores"],
    misleading=["sign of", "wrong sign", "in place", "transpose", "overflow"],
    note="The learner defined lr for the training loop and reuses that name inside the function.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_one_hot = np.eye(W.shape[1])[y_i]  # one-hot encode the label
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_one_hot, y_hat, x_i)
""",
    cause="one-hot encodes y_i again although it is already one-hot",
    phrases=["one-hot", "one hot", "already", "np.eye", "label"],
    misleading=["sign of", "wrong sign", "in place", "transpose", "forgot the learning rate"],
    note="The learner expects an integer class label, as in iris.target.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    gradient = np.outer(y_hat - y_i, x_i).reshape(W.shape)
    return W - learning_rate * gradient
""",
    cause="outer product in the wrong order, then reshaped to W's shape, which scrambles the entries",
    phrases=["reshape", "transpose", "wrong order", "outer(x_i", ".t"],
    misleading=["sign of", "wrong sign", "in place", "forgot the learning rate", "overflow"],
    note="A shape error disappears with reshape, so the learner forces the shape instead of fixing the order.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    probs = softmax_forward_pass(x_i, W)
    y_hat = np.eye(len(probs))[np.argmax(probs)]  # the predicted class, one-hot
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="uses the one-hot predicted class (argmax) instead of the predicted probabilities",
    phrases=["probabilit", "argmax", "predicted class", "hard prediction", "one-hot"],
    misleading=["sign of", "wrong sign", "in place", "transpose", "forgot the learning rate"],
    note="The lesson says the prediction is the most probable class, so the learner compares classes.",
)
