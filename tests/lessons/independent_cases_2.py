"""Independent beginner-code cases for Lesson 1, set 2 (106 cases).

Written this round by a helper session that saw only the lesson and the notebook source, not
the checks, their typical mistakes, the planted mistakes or set 1; kept as written (its
exercise ids "1.2 SGD step" and "1.4 SGD step" are the brief's names for "SGD update"), and
measured before any of its verdicts was read: test_independent_cases.py reports its numbers
apart from set 1's.
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
    # solve (X^T X) w = X^T y instead of inverting the matrix
    return np.linalg.solve(X.T @ X, X.T @ y)
""",
    note="np.linalg.solve is the numerically preferred form of the normal equation.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    # the lesson says (X^T X)^-1 X^T is the Moore-Penrose pseudoinverse
    X_pinv = np.linalg.pinv(X)
    w = X_pinv @ y
    return w
""",
    note="Pseudoinverse route, mentioned in the lesson text itself.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    xtx = np.dot(X.T, X)
    xtx_inv = np.linalg.inv(xtx)
    xty = np.dot(X.T, y)
    w = np.dot(xtx_inv, xty)
    return w
""",
    note="Old-style np.dot chain with intermediate variables, evaluated in a different order.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    w = np.linalg.inv(X.T @ X) @ X.T * y
    return w
""",
    cause="The last product uses element-wise * instead of the matrix product @, so the result is a (d+1, n) matrix.",
    phrases=["@", "matrix product", "element-wise", "shape"],
    misleading=["round", "column of ones"],
    note="Classic * vs @ confusion; the result broadcasts instead of raising.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    w = (X.T @ X) @ X.T @ y
    return w
""",
    cause="The inverse of XᵀX is missing: the learner multiplies by XᵀX instead of by its inverse.",
    phrases=["inverse", "np.linalg.inv", "inv("],
    misleading=["element-wise", "column of ones", "round"],
    note="Forgetting np.linalg.inv is a common first attempt when copying the formula.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # ^-1 means inverse
    w = (X.T @ X) ** -1 @ X.T @ y
    return w
""",
    cause="** -1 takes the reciprocal of every entry, not the matrix inverse (np.linalg.inv).",
    phrases=["np.linalg.inv", "element", "matrix inverse", "reciprocal"],
    misleading=["column of ones", "round", "1/n"],
    note="Beginners translate the superscript -1 literally into Python.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # the weights we generated the data with
    return np.array([0.5, 1.0])
""",
    cause="Returns the notebook's true weights as a literal instead of computing them from X and y.",
    phrases=["hard-cod", "from x and y", "literal", "fixed"],
    misleading=["element-wise", "round"],
    note="Literal equal to the notebook's w_real; only data with other weights exposes it.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # add the bias column
    X = np.column_stack([np.ones(len(X)), X])
    return np.linalg.inv(X.T @ X) @ X.T @ y
""",
    cause="Adds a second column of ones although X already contains the bias column, so XᵀX is singular and w has one entry too many.",
    phrases=["column of ones", "already", "bias", "singular"],
    misleading=["element-wise", "round", "divid"],
    note="Learner follows the lesson text ('add a column of ones') without noticing it is already there.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    w = np.linalg.inv(X.T @ X) @ X.T @ y
    return np.round(w, 2)
""",
    cause="Rounds the weights to two decimals, so the returned w is no longer the exact solution.",
    phrases=["round"],
    misleading=["element-wise", "column of ones"],
    note="Rounding added to make the printout look nicer.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    n = len(y)
    # MSE has a 1/n in front
    w = np.linalg.inv(X.T @ X) @ X.T @ y / n
    return w
""",
    cause="Divides the weights by n (the MSE factor 1/n), which does not belong in the normal equation.",
    phrases=["1/n", "divid", "mse"],
    misleading=["element-wise", "column of ones"],
    note="Carries the 1/n of the MSE into the closed-form answer.",
)

# ---------------------------------------------------------------------------
# 1.2 Iris questions
# ---------------------------------------------------------------------------
E = "1.2 Iris questions"

_add(
    E,
    "correct",
    """
n_datapoints = 150  # X.shape[0]
n_weights = 4  # X.shape[1], bias not counted
""",
    note="Plain literals read off X.shape.",
)

_add(
    E,
    "correct",
    """
shape = (150, 4)  # what X.shape printed
n_datapoints = shape[0]
n_weights = shape[1]
""",
    note="Indexes a shape tuple, like X.shape[0] / X.shape[1].",
)

_add(
    E,
    "mistake",
    """
n_datapoints = 150
n_weights = 5  # 4 features + bias
""",
    cause="Counts the bias weight although the question says not to count it.",
    phrases=["bias", "not counting", "without the bias"],
    misleading=["species"],
    note="Off by one from counting the bias.",
)

_add(
    E,
    "mistake",
    """
n_datapoints = 100
n_weights = 4
""",
    cause="Gives 100, the number of points after dropping virginica, instead of all 150 Iris flowers.",
    phrases=["150", "x.shape[0]", "all three species", "whole data"],
    misleading=["counted the bias"],
    note="Confuses the binary subset (X_binary) with the full data set.",
)

_add(
    E,
    "mistake",
    """
n_datapoints = 150
n_weights = 3  # there are 3 species
""",
    cause="Gives the number of species (3) instead of the number of features (4).",
    phrases=["features", "species", "x.shape[1]", "measure"],
    misleading=["counted the bias"],
    note="Confuses classes with input features.",
)

_add(
    E,
    "mistake",
    """
n_datapoints = (150, 4)
n_weights = 4
""",
    cause="n_datapoints is the whole shape tuple instead of its first entry.",
    phrases=["tuple", "x.shape[0]", "first"],
    misleading=["counted the bias", "species"],
    note="Wrote X.shape instead of X.shape[0].",
)

_add(
    E,
    "mistake",
    """
n_datapoints = 4
n_weights = 150
""",
    cause="The two answers are swapped: rows are data points, columns are features.",
    phrases=["swap", "rows", "x.shape[0]"],
    misleading=["counted the bias", "species"],
    note="Swapped X.shape[0] and X.shape[1].",
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
    loss = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    return loss
""",
    note="Standard clipped formula with a smaller epsilon (1e-15); identical to the 1e-12 version except where y_hat is exactly 0 or 1 (finite loss ~34.5 instead of ~27.6).",
)

_add(
    E,
    "correct",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    eps = 1e-12
    # adding a tiny epsilon inside the logs instead of clipping
    return -(y * np.log(y_hat + eps) + (1 - y) * np.log(1 - y_hat + eps))
""",
    note="Epsilon added inside the logs rather than clipping; differs from the clipped value by ~1e-12.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import xlogy


def binary_cross_entropy(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    # xlogy(a, b) = a * log(b), and 0 when a == 0
    return -(xlogy(y, p) + xlogy(1 - y, 1 - p))
""",
    note="scipy.special.xlogy with clipping.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="No clipping: for ŷ exactly 0 or 1 the log gives -inf and the loss becomes inf or nan.",
    phrases=["clip", "log(0)", "log 0", "inf"],
    misleading=["np.mean", "minus sign", "parenthes"],
    note="The notebook explicitly warns about log 0; the formula is otherwise right.",
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
    cause="Averages over the samples and returns one number instead of one loss per sample.",
    phrases=["per sample", "mean", "one loss", "shape"],
    misleading=["clip", "opposite sign", "log(1 − ŷ)"],
    note="Beginners know the loss as a mean from the MSE section.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)
""",
    cause="The leading minus sign is missing, so the loss is negative.",
    phrases=["minus", "negative", "sign"],
    misleading=["clip", "np.mean", "math."],
    note="Dropped the minus in front of the bracket.",
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
    cause="Missing parentheses: the minus applies only to the first term, so the (1 - y) log(1 - ŷ) term has the wrong sign.",
    phrases=["parenthes", "both terms", "minus", "sign"],
    misleading=["clip", "np.mean", "math."],
    note="Operator-precedence slip in the formula; y=1 samples are still right.",
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
    cause="Uses math.log, which only accepts single numbers, so it fails on arrays.",
    phrases=["math.", "np.log", "array"],
    misleading=["clip", "np.mean", "opposite sign"],
    note="Works on scalars, TypeError on arrays.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y_hat, y):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="The parameters are in the wrong order (y_hat, y), so the labels are clipped and used as the probabilities.",
    phrases=["order", "swap", "y, y_hat"],
    misleading=["clip", "np.mean", "minus sign"],
    note="Signature written in the order the learner thinks of them; body is right for that order.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="Clips only from below: ŷ = 1 stays 1, so log(1 - ŷ) is log 0.",
    phrases=["1 - 1e", "upper", "log(1 − ŷ)", "log(1 - ŷ)"],
    misleading=["np.mean", "minus sign", "math."],
    note="Half-right clipping; the ŷ=0 side is protected, the ŷ=1 side is not.",
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
    cause="Uses an if on y, which works for single numbers but fails for arrays (truth value of an array is ambiguous).",
    phrases=["if y", "truth value", "np.where", "ambiguous"],
    misleading=["clip", "np.mean", "minus sign"],
    note="Follows the lesson's case split literally; scalars pass, arrays raise.",
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
    error = np.asarray(y_hat - y, dtype=float).item()
    gradient = np.zeros(len(x_i))
    for j in range(len(x_i)):
        gradient[j] = error * x_i[j]
    return gradient
""",
    note="Loop over the features; .item() copes with y_hat of shape () or (1,).",
)

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return -(y - y_hat) * np.asarray(x_i, dtype=float)
""",
    note="Same value written as -(y - ŷ) x_i.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return (y - y_hat) * x_i
""",
    cause="Uses y - ŷ instead of ŷ - y, so the gradient has the opposite sign.",
    phrases=["opposite sign", "sign", "ŷ - y", "ŷ − y"],
    misleading=["reshape", "in place", "list"],
    note="Sign slip, very common.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return np.sum((y_hat - y) * x_i)
""",
    cause="Sums over the features and returns a single number instead of one entry per weight.",
    phrases=["shape", "one entry per weight", "scalar", "sum"],
    misleading=["opposite sign", "in place"],
    note="Learner thinks a gradient is a number, like in 1-D calculus.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    # dL/dy_hat * dy_hat/dz * dz/dw
    return (y_hat - y) * y_hat * (1 - y_hat) * x_i
""",
    cause="Keeps the sigmoid derivative ŷ(1 - ŷ) although it cancels against the denominator of dL/dŷ.",
    phrases=["cancel", "ŷ(1 − ŷ)", "ŷ(1 - ŷ)", "y_hat * (1 - y_hat)"],
    misleading=["opposite sign", "in place", "list"],
    note="Half-applied chain rule from the lesson's three-factor formula.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def calc_gradient(y, y_hat, x_i):
    p = sigmoid(y_hat)
    return (p - y) * x_i
""",
    cause="Applies the sigmoid to ŷ again, although ŷ is already a probability.",
    phrases=["already", "sigmoid", "probabilit"],
    misleading=["in place", "list", "opposite sign"],
    note="Learner treats y_hat as a logit.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    gradient = [(y_hat - y) * x for x in x_i]
    return gradient
""",
    cause="Returns a Python list instead of a NumPy array.",
    phrases=["list", "array"],
    misleading=["opposite sign", "in place", "cancel"],
    note="List comprehension; the numbers are right but the type is not.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    gradient = x_i
    gradient *= (y_hat - y)
    return gradient
""",
    cause="gradient = x_i does not copy, so *= changes the caller's x_i in place.",
    phrases=["in place", "copy", "modif", "x_i"],
    misleading=["opposite sign", "list", "cancel"],
    note="Aliasing: the value is right but the input sample is overwritten (and int x_i would fail).",
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


def forward_pass(x_i, w):
    z = np.dot(x_i, w)
    return expit(z)
""",
    note="scipy.special.expit is a numerically safe sigmoid.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)
""",
    note="Stable sigmoid via np.where on exp(-|z|); never overflows.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    # same function as 1/(1+e^-z), written with tanh
    return 0.5 * (1 + np.tanh(z / 2))


def forward_pass(x_i, w):
    z = 0.0
    for j in range(len(x_i)):
        z = z + x_i[j] * w[j]
    return sigmoid(z)
""",
    note="Explicit loop for the weighted sum; works for w of shape (d+1,) and (d+1, 1).",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(w.T @ x_i)
""",
    note="wᵀx instead of x w; same value for w of shape (d+1,) or (d+1, 1).",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / 1 + np.exp(-z)


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)
""",
    cause="Missing parentheses in the sigmoid: 1 / 1 + e^(-z) is 1 + e^(-z), not 1 / (1 + e^(-z)).",
    phrases=["parenthes", "1 + e", "precedence"],
    misleading=["w[0]", "element-wise", "round"],
    note="Operator precedence in the sigmoid helper.",
)

_add(
    E,
    "mistake",
    """
import math
import numpy as np


def forward_pass(x_i, w):
    z = x_i @ w
    return 1 / (1 + math.exp(-z))
""",
    cause="Uses math.exp, which fails when z is an array (for example when w has shape (d+1, 1)).",
    phrases=["math.", "np.exp", "array"],
    misleading=["parenthes", "w[0]", "round"],
    note="Works for w of shape (d+1,) (scalar z), raises TypeError for the notebook's (5, 1) weights.",
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
    cause="The sigmoid uses e^z instead of e^(-z), giving 1 - σ(z).",
    phrases=["-z", "−z", "minus", "sign"],
    misleading=["parenthes", "w[0]", "round"],
    note="Dropped minus in the exponent.",
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
    cause="Uses element-wise * instead of a dot product, so it returns one value per feature instead of one probability.",
    phrases=["@", "dot", "element-wise", "one number"],
    misleading=["parenthes", "round", "-z"],
    note="* vs @; with w of shape (5, 1) it even becomes a (5, 5) matrix.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def forward_pass(x_i, w):
    z = x_i @ w
    return z
""",
    cause="Returns the logit z without applying the sigmoid.",
    phrases=["sigmoid", "probabilit", "logit"],
    misleading=["parenthes", "element-wise", "round"],
    note="Forgot the output function.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    # the first column is only ones, skip it
    return sigmoid(x_i[1:] @ w[1:])
""",
    cause="Drops the bias: the first weight (times the column of ones) is left out of the sum.",
    phrases=["bias", "w[0]", "first weight"],
    misleading=["parenthes", "round", "-z"],
    note="Learner thinks the ones column is noise and skips it.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return np.round(sigmoid(x_i @ w))
""",
    cause="Rounds the probability to 0 or 1, returning a class instead of a probability.",
    phrases=["round", "probabilit", "class"],
    misleading=["parenthes", "w[0]", "-z"],
    note="Mixes up prediction and probability.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 // (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)
""",
    cause="The sigmoid helper uses floor division //, so it returns 0 instead of a probability.",
    phrases=["//", "floor", "integer division", "sigmoid"],
    misleading=["w[0]", "element-wise", "round"],
    note="Typo-level mistake inside the helper the main function calls.",
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
    cause="This form of the sigmoid overflows for large positive logits: exp(z) is inf and inf / inf gives nan.",
    phrases=["overflow", "large", "nan", "inf"],
    misleading=["parenthes", "w[0]", "round"],
    note="Algebraically equal sigmoid that breaks for z > ~709.",
)

# ---------------------------------------------------------------------------
# 1.2 SGD step
# ---------------------------------------------------------------------------
E = "1.2 SGD step"

_HELPERS_12 = """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i
"""

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import expit


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = expit(x_i @ w)
    # reshape x_i like w so (5,) and (5, 1) both work
    return w - learning_rate * (y_hat - y_i) * x_i.reshape(np.shape(w))
""",
    note="Everything inline, x_i reshaped to w's shape.",
)

_add(
    E,
    "correct",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    new_w = w.copy()
    new_w -= learning_rate * gradient.reshape(w.shape)
    return new_w
""",
    note="In-place update on an explicit copy: the caller's w is untouched.",
)

_add(
    E,
    "correct",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    new_w = np.array(w, dtype=float)
    for j in range(len(x_i)):
        new_w[j] = new_w[j] - learning_rate * (y_hat - y_i) * x_i[j]
    return new_w
""",
    note="Loop over the weights; np.array copies, rows of a (5, 1) w are updated one by one.",
)

_add(
    E,
    "mistake",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient
""",
    cause="w has shape (5, 1) and the gradient (5,), so w - lr * gradient broadcasts to a (5, 5) matrix.",
    phrases=["shape", "broadcast", "reshape", "(5, 1)"],
    misleading=["opposite sign", "in place", "do not add it"],
    note="The exact trap the notebook warns about: (n,1) vs (n,) broadcasting.",
)

_add(
    E,
    "mistake",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    w -= learning_rate * gradient.reshape(w.shape)
    return w
""",
    cause="w -= ... changes the caller's weights in place instead of returning new weights.",
    phrases=["in place", "copy", "modif"],
    misleading=["broadcast", "opposite sign", "do not add it"],
    note="Values and shape right; the argument is mutated.",
)

_add(
    E,
    "mistake",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w + learning_rate * gradient.reshape(w.shape)
""",
    cause="Adds the gradient instead of subtracting it (gradient ascent).",
    phrases=["against", "minus", "subtract", "sign"],
    misleading=["broadcast", "in place", "global"],
    note="Sign of the update in sgd_step itself; helpers are correct.",
)

_add(
    E,
    "mistake",
    _HELPERS_12
    + """
lr = 0.01


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - lr * gradient.reshape(w.shape)
""",
    cause="Uses the global lr = 0.01 instead of the learning_rate parameter.",
    phrases=["learning_rate", "global", "parameter"],
    misleading=["opposite sign", "broadcast", "in place"],
    note="Global literal equal to the notebook's learning rate; only other rates expose it.",
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
    return (y - y_hat) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="The helper calc_gradient has the wrong sign (y - ŷ instead of ŷ - y); sgd_step itself is right.",
    phrases=["calc_gradient", "sign", "ŷ - y", "ŷ − y"],
    misleading=["do not add it", "in place", "broadcast"],
    note="Mistake inside a helper the main function calls; the step itself subtracts correctly.",
)

_add(
    E,
    "mistake",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    x_i[0] = 1  # make sure the bias input is 1
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="x_i[0] = 1 overwrites the caller's sample in place (and changes the input).",
    phrases=["in place", "x_i[0]", "modif", "copy"],
    misleading=["opposite sign", "do not add it", "global"],
    note="Harmless on the notebook's data (first entry already 1) but mutates the argument.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(np.sum(x_i * w))


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="The helper forward_pass uses np.sum(x_i * w), which for w of shape (5, 1) broadcasts to (5, 5) and sums everything.",
    phrases=["forward_pass", "broadcast", "@", "(5, 1)"],
    misleading=["do not add it", "in place", "global"],
    note="Helper right for (d+1,) weights, wrong for the column weights used in this exercise.",
)

_add(
    E,
    "mistake",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_hat, y_i, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="Calls calc_gradient with y and ŷ in the wrong order, which flips the sign of the gradient.",
    phrases=["order", "argument", "calc_gradient(y_i, y_hat"],
    misleading=["do not add it", "in place", "broadcast"],
    note="Helpers correct; wrong argument order at the call site.",
)

_add(
    E,
    "mistake",
    _HELPERS_12
    + """

def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    new_w = w - learning_rate * gradient.reshape(w.shape)
    print(new_w)
""",
    cause="Prints the new weights instead of returning them, so the function returns None.",
    phrases=["print", "none", "return value"],
    misleading=["opposite sign", "broadcast", "in place"],
    note="Notebook habit of printing results.",
)

# ---------------------------------------------------------------------------
# 1.3 learning rates
# ---------------------------------------------------------------------------
E = "1.3 learning rates"

_add(
    E,
    "correct",
    """
accuracies = {0.1: 100.0, 0.01: 100.0, 0.001: 97.0, 0.0001: 56.0}
""",
    note="Dict literal with percentages, as printed by the notebook.",
)

_add(
    E,
    "correct",
    """
learning_rates = [1e-1, 1e-2, 1e-3, 1e-4]
results = [100, 100, 99, 61]  # accuracy in percent from my runs
accuracies = {lr: acc for lr, acc in zip(learning_rates, results)}
""",
    note="Keys written as 1e-1 etc. (equal floats), integer percentages.",
)

_add(
    E,
    "mistake",
    """
accuracies = {0.1: 1.0, 0.01: 1.0, 0.001: 0.97, 0.0001: 0.56}
""",
    cause="The accuracies are fractions between 0 and 1 instead of percentages.",
    phrases=["percent", "100", "fraction"],
    misleading=["string key", "missing"],
    note="Computed np.mean(...) without the factor 100.",
)

_add(
    E,
    "mistake",
    """
accuracies = {"0.1": 100.0, "0.01": 100.0, "0.001": 97.0, "0.0001": 56.0}
""",
    cause="The keys are strings instead of the learning-rate numbers.",
    phrases=["string", "key", "number"],
    misleading=["fraction", "missing"],
    note="Quoted keys, as when copying from a printed table.",
)

_add(
    E,
    "mistake",
    """
accuracies = {0.1: 100.0, 0.01: 100.0, 0.001: 97.0}
""",
    cause="The learning rate 0.0001 is missing from the dict.",
    phrases=["0.0001", "missing", "four", "1e-4"],
    misleading=["fraction", "string"],
    note="Ran out of patience for the slowest rate.",
)

_add(
    E,
    "mistake",
    """
accuracies = [100.0, 100.0, 97.0, 56.0]
""",
    cause="accuracies is a list instead of a dict keyed by learning rate.",
    phrases=["dict", "list"],
    misleading=["fraction", "string key"],
    note="Appended results to a list inside the loop.",
)

_add(
    E,
    "mistake",
    """
accuracies = {}
for k in range(1, 5):
    accuracies[0.1 ** k] = [100.0, 100.0, 97.0, 56.0][k - 1]
""",
    cause="Keys built as 0.1 ** k are not exactly 0.01, 0.001, 0.0001 (floating-point), so accuracies[0.01] fails.",
    phrases=["key", "0.01", "floating", "exact"],
    misleading=["fraction", "list", "string"],
    note="0.1**2 == 0.010000000000000002: keys look right when printed with rounding but do not match.",
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
import scipy.special


def softmax(z):
    return scipy.special.softmax(z, axis=-1)
""",
    note="SciPy's softmax along the last axis.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import logsumexp


def softmax(z):
    z = np.asarray(z, dtype=float)
    return np.exp(z - logsumexp(z, axis=-1, keepdims=True))
""",
    note="Log-sum-exp formulation; stable for large logits.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        e = np.exp(z - z.max())
        return e / e.sum()
    out = np.empty_like(z)
    for i in range(z.shape[0]):
        e = np.exp(z[i] - z[i].max())
        out[i] = e / e.sum()
    return out
""",
    note="Loop over rows for a batch; the if is on ndim, not on array values.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e)
""",
    cause="np.sum(e) has no axis, so for a batch it divides by the total over all rows and the rows do not sum to 1.",
    phrases=["axis", "each row", "sum to 1", "keepdims"],
    misleading=["overflow", "in place", "round"],
    note="Right for one sample (K,), wrong for a batch (n, K).",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
""",
    cause="Normalises along axis 0 (over samples) instead of the last axis (over classes).",
    phrases=["axis", "last axis", "axis=-1", "each row"],
    misleading=["overflow", "in place", "round"],
    note="Axis mix-up; identical to the right answer for 1-D input.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1)
""",
    cause="The row sums lose their axis (no keepdims), so (n, K) / (n,) fails or divides the wrong entries.",
    phrases=["keepdims", "broadcast", "shape", "[:, none]"],
    misleading=["overflow", "in place", "round"],
    note="Right for 1-D; for (n, K) it raises or, when n == K, divides columns.",
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
    cause="Does not subtract the maximum, so large logits overflow to inf and give nan.",
    phrases=["overflow", "max", "large", "nan"],
    misleading=["axis", "in place", "round"],
    note="Textbook formula without the stability shift.",
)

_add(
    E,
    "mistake",
    """
import math
import numpy as np


def softmax(z):
    m = max(z)
    exps = [math.exp(v - m) for v in z]
    total = sum(exps)
    return np.array([e / total for e in exps])
""",
    cause="Written with Python loops and math.exp for a single sample, so it fails for a batch (n, K).",
    phrases=["math.", "batch", "(n, k)", "2-d"],
    misleading=["overflow", "in place", "round"],
    note="Correct and even stable for (K,), breaks on 2-D input.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    return 1 / (1 + np.exp(-z))
""",
    cause="Applies the sigmoid to each logit instead of the softmax, so the probabilities do not sum to 1.",
    phrases=["sum to 1", "sigmoid", "normalis", "normaliz"],
    misleading=["axis", "overflow", "in place"],
    note="Reuses the function from the logistic-regression part.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return np.round(e / np.sum(e, axis=-1, keepdims=True), 2)
""",
    cause="Rounds the probabilities to two decimals.",
    phrases=["round"],
    misleading=["axis", "overflow", "in place"],
    note="Rounding for a tidy printout.",
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
    cause="z -= ... shifts the caller's array in place (and fails for integer logits).",
    phrases=["in place", "copy", "modif"],
    misleading=["overflow", "axis", "round"],
    note="Stability trick applied with an in-place operator on the argument.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    probs = np.zeros_like(z)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    probs[:] = e / np.sum(e, axis=-1, keepdims=True)
    return probs
""",
    cause="np.zeros_like(z) copies z's dtype, so integer logits give integer (all-zero) probabilities.",
    phrases=["integer", "dtype", "zeros_like", "float"],
    misleading=["overflow", "axis", "in place"],
    note="Preallocated output inherits int dtype; correct for float input.",
)

# ---------------------------------------------------------------------------
# 1.4 forward pass
# ---------------------------------------------------------------------------
E = "1.4 forward pass"

_SOFTMAX = """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
"""

_add(
    E,
    "correct",
    _SOFTMAX
    + """

def softmax_forward_pass(x_i, W):
    z = np.einsum("i,ik->k", x_i, W)
    return softmax(z)
""",
    note="Logits via np.einsum.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import softmax


def softmax_forward_pass(x_i, W):
    logits = W.T @ x_i
    return softmax(logits)
""",
    note="Wᵀx instead of x W, scipy softmax for a 1-D input.",
)

_add(
    E,
    "mistake",
    _SOFTMAX
    + """

def softmax_forward_pass(x_i, W):
    return softmax(W @ x_i)
""",
    cause="Multiplies in the wrong order: W @ x_i does not match shapes (d+1, K) and (d+1,); it should be x_i @ W.",
    phrases=["order", "x_i @ w", "shape", "transpose"],
    misleading=["overflow", "global", "argmax"],
    note="Order of the matrix product; raises unless d+1 == K.",
)

_add(
    E,
    "mistake",
    _SOFTMAX
    + """

def softmax_forward_pass(x_i, W):
    return softmax(x_i * W)
""",
    cause="Uses element-wise * instead of @, which gives a (d+1, K) matrix instead of K probabilities.",
    phrases=["@", "element-wise", "(k,)", "shape"],
    misleading=["overflow", "global", "argmax"],
    note="* vs @ with a matrix of weights; broadcasting hides the error.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)
""",
    cause="The softmax helper does not subtract the maximum, so large logits overflow and give nan.",
    phrases=["overflow", "max", "softmax", "nan"],
    misleading=["wrong order", "global", "argmax"],
    note="Mistake inside the helper; the forward pass itself is right.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax_forward_pass(x_i, W):
    return sigmoid(x_i @ W)
""",
    cause="Uses the sigmoid instead of the softmax, so the class probabilities do not sum to 1.",
    phrases=["softmax", "sum to 1", "sigmoid"],
    misleading=["wrong order", "global", "argmax"],
    note="Reuses the binary output function.",
)

_add(
    E,
    "mistake",
    _SOFTMAX
    + """

def softmax_forward_pass(x_i, W):
    return np.argmax(softmax(x_i @ W))
""",
    cause="Returns the index of the most likely class instead of the K probabilities.",
    phrases=["argmax", "probabilit", "class"],
    misleading=["overflow", "global", "wrong order"],
    note="Prediction vs probabilities.",
)

_add(
    E,
    "mistake",
    _SOFTMAX
    + """
W = np.random.default_rng(4).standard_normal((5, 3))


def softmax_forward_pass(x_i, weights):
    return softmax(x_i @ W)
""",
    cause="Uses the notebook's global W instead of the weights passed as a parameter.",
    phrases=["global", "parameter", "argument"],
    misleading=["overflow", "argmax", "element-wise"],
    note="Parameter renamed, body still reads the global from a later notebook cell.",
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
    error = np.asarray(y_hat, dtype=float) - y
    return np.asarray(x_i, dtype=float)[:, None] * error[None, :]
""",
    note="Outer product by broadcasting a column against a row.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.einsum("i,k->ik", x_i, y_hat - y)
""",
    note="Outer product written with np.einsum.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    grad = np.zeros((len(x_i), len(y_hat)))
    for a in range(len(x_i)):
        for c in range(len(y_hat)):
            grad[a, c] = x_i[a] * (y_hat[c] - y[c])
    return grad
""",
    note="Double loop: slow but right.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    # x_i (y_hat - y)^T
    return x_i.T @ (y_hat - y)
""",
    cause=".T does nothing on a 1-D array, so x_i.T @ (ŷ - y) is a dot product (or a shape error), not the outer product.",
    phrases=["outer", ".t", "1-d", "np.outer"],
    misleading=["opposite sign", "in place", "class index"],
    note="Transposing a 1-D array; raises when d+1 != K, returns a scalar when they match.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(y_hat - y, x_i)
""",
    cause="The outer product is the wrong way round: it has shape (K, d+1) instead of the shape of W, (d+1, K).",
    phrases=["shape", "(d+1, k)", "transpose", "order"],
    misleading=["opposite sign", "in place", "class index"],
    note="Arguments of np.outer swapped.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y - y_hat)
""",
    cause="Uses y - ŷ instead of ŷ - y, so the gradient has the opposite sign.",
    phrases=["sign", "ŷ - y", "ŷ − y", "opposite"],
    misleading=["reshape", "in place", "transpose"],
    note="Sign slip in the multi-class gradient.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i
""",
    cause="Element-wise * of a (K,) and a (d+1,) vector instead of the outer product.",
    phrases=["outer", "np.outer", "shape"],
    misleading=["opposite sign", "in place", "class index"],
    note="Copied the binary gradient; broadcasting fails (or is wrong when d+1 == K).",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    # turn the label into a one-hot vector
    y_onehot = np.eye(len(y_hat))[y]
    return np.outer(x_i, y_hat - y_onehot)
""",
    cause="y is already one-hot, but the code treats it as a class index and one-hot encodes it again.",
    phrases=["one-hot", "already", "index"],
    misleading=["opposite sign", "in place", "transpose"],
    note="Learner expects integer labels; the notebook passes one-hot rows.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    y_hat -= y
    return np.outer(x_i, y_hat)
""",
    cause="y_hat -= y changes the caller's ŷ array in place.",
    phrases=["in place", "modif", "copy"],
    misleading=["opposite sign", "transpose", "class index"],
    note="Value correct, argument mutated.",
)

# ---------------------------------------------------------------------------
# 1.4 SGD step
# ---------------------------------------------------------------------------
E = "1.4 SGD step"

_HELPERS_14 = """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)
"""

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    z = x_i @ W
    z = z - z.max()
    p = np.exp(z) / np.exp(z).sum()
    return W - learning_rate * np.outer(x_i, p - y_i)
""",
    note="Everything inline.",
)

_add(
    E,
    "correct",
    _HELPERS_14
    + """

def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    W_new = W.copy()
    W_new -= learning_rate * softmax_gradient(y_i, y_hat, x_i)
    return W_new
""",
    note="In-place update on a copy.",
)

_add(
    E,
    "mistake",
    _HELPERS_14
    + """

def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    W -= learning_rate * softmax_gradient(y_i, y_hat, x_i)
    return W
""",
    cause="W -= ... modifies the caller's W in place.",
    phrases=["in place", "copy", "modif"],
    misleading=["opposite sign", "transpose", "do not add it"],
    note="Right values, mutated argument.",
)

_add(
    E,
    "mistake",
    _HELPERS_14
    + """

def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W + learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="Adds the gradient instead of subtracting it.",
    phrases=["subtract", "minus", "against", "sign"],
    misleading=["in place", "transpose", "global"],
    note="Gradient ascent.",
)

_add(
    E,
    "mistake",
    _HELPERS_14
    + """

def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    label = np.argmax(y_i)
    return W - learning_rate * np.outer(x_i, y_hat - label)
""",
    cause="Converts the one-hot y_i to a class index and subtracts that number from every probability.",
    phrases=["one-hot", "index", "argmax"],
    misleading=["in place", "do not add it", "global"],
    note="Mixes integer labels and one-hot targets.",
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
    return np.outer(y_hat - y, x_i)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="The helper softmax_gradient returns the transposed (K, d+1) outer product, which does not match W.",
    phrases=["softmax_gradient", "shape", "(d+1, k)", "transpose"],
    misleading=["do not add it", "in place", "class index"],
    note="Mistake inside a helper; the step itself is written right.",
)

_add(
    E,
    "mistake",
    _HELPERS_14
    + """
lr = 0.01


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - lr * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="Uses the global lr = 0.01 instead of the learning_rate parameter.",
    phrases=["learning_rate", "global", "parameter"],
    misleading=["opposite sign", "in place", "transpose"],
    note="Global literal equal to the notebook's rate.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_forward_pass(x_i, W):
    return x_i @ W


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="The helper softmax_forward_pass returns the logits without applying the softmax.",
    phrases=["softmax", "logit", "probabilit"],
    misleading=["do not add it", "in place", "transpose"],
    note="Helper mistake: the step uses logits as if they were probabilities.",
)

_add(
    E,
    "mistake",
    _HELPERS_14
    + """

def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_hat, y_i, x_i)
""",
    cause="Passes ŷ and y to softmax_gradient in the wrong order, which flips the sign of the gradient.",
    phrases=["order", "argument", "softmax_gradient(y_i, y_hat"],
    misleading=["do not add it", "in place", "transpose"],
    note="Helpers right, call site swaps the arguments.",
)
