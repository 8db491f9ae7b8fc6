"""Independent beginner-code cases for Lesson 1, set 5 (105 cases).

Written late in the round of set 4, by a helper session that saw only the lesson and the
notebook source, not the checks or the other sets; kept as written (reformatted, and one
comment that repeated the lesson word for word reworded), and
measured before any of its verdicts was read (docs/teaching.md has that first measurement).

Written only from the lesson text and the learner notebook, without looking at the checks: 26 "correct" cells (valid alternatives written differently from the model solution) and 79 "mistake" cells (one realistic beginner error each) for the 11 exercises. Per exercise (correct/mistake): 1.1 normal equation 3/6, 1.2 Iris questions 2/4, 1.2 binary cross-entropy 3/10, 1.2 gradient 2/8, 1.2 forward pass 3/8, 1.2 SGD update 2/8, 1.3 learning rates 2/5, 1.4 softmax 3/9, 1.4 forward pass 2/7, 1.4 gradient 2/7, 1.4 SGD update 2/7. Every cell is a complete notebook cell (imports and any helper functions it calls included), runs without files, network or unseeded randomness, and defines the names the notebook expects with the stub's parameter names and order. Mistakes cover wrong operators (* vs @, ** -1), signs and precedence, wrong axes, missing keepdims, broadcasting of column vs flat arrays, transposes of 1-D arrays, unstable exp/log and edge cases at probabilities of exactly 0 or 1, in-place mutation of arguments, globals and stale variables, wrong return values or none at all, off-by-one loops, swapped arguments, confusing the logistic and softmax pieces, and wrong answer formats."""

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
E = "1.1 normal equation"

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    # solve (X^T X) w = X^T y instead of forming the inverse explicitly
    A = X.T @ X
    b = X.T @ y
    return np.linalg.solve(A, b)
""",
    note="Solves the linear system X^T X w = X^T y with np.linalg.solve rather than inverting X^T X.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    # (X^T X)^-1 X^T is the Moore-Penrose pseudoinverse of X, so use it directly
    X_pinv = np.linalg.pinv(X)
    w = X_pinv.dot(y)
    return w
""",
    note="Uses the pseudoinverse np.linalg.pinv(X) that the lesson says emerges from the normal equation, and .dot instead of @.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    solution, residuals, rank, singular_values = np.linalg.lstsq(X, y, rcond=None)
    return solution
""",
    note="Lets np.linalg.lstsq minimise the squared error and unpacks the first element of the returned tuple.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    XtX = X.T * X
    return np.linalg.inv(XtX) @ X.T @ y
""",
    cause="Uses the element-wise operator * instead of the matrix product @ for X^T X, which fails to broadcast (n_features, n) against (n, n_features).",
    phrases=[
        "element-wise",
        "elementwise",
        "matrix multiplication",
        "matrix product",
        "use @",
        "np.dot",
    ],
    misleading=["reciprocal", "reshape y", "column of ones", "lstsq", "singular"],
    note="In maths notation the product has no symbol, and coming from MATLAB-like thinking a beginner types * for every multiplication.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # (X^T X)^-1 is "to the power -1"
    return (X.T @ X) ** -1 @ X.T @ y
""",
    cause="Writes the matrix inverse as ** -1, which in NumPy takes the reciprocal of every entry instead of inverting the matrix.",
    phrases=[
        "reciprocal",
        "** -1",
        "np.linalg.inv",
        "matrix inverse",
        "element-wise power",
        "elementwise power",
    ],
    misleading=[
        "transpose of y",
        "column of ones",
        "wrong order of the product",
        "lstsq",
        "broadcast y",
    ],
    note="The formula is written with a superscript -1, and ** is Python's power operator, so the literal translation looks right.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    w = np.linalg.lstsq(X, y, rcond=None)
    return w
""",
    cause="Returns the whole tuple that np.linalg.lstsq gives back (solution, residuals, rank, singular values) instead of only its first element.",
    phrases=["tuple", "first element", "[0]", "residuals", "returns four"],
    misleading=["reciprocal", "element-wise", "column of ones", "not square", "wrong sign"],
    note="A learner who searched for 'numpy least squares' copies the call and does not read that it returns four things.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # add the bias column of ones, as in the lesson
    X_b = np.column_stack([np.ones(X.shape[0]), X])
    return np.linalg.inv(X_b.T @ X_b) @ X_b.T @ y
""",
    cause="Adds another column of ones although X already contains the bias column, so X^T X has two identical columns and is singular (and w gets one weight too many).",
    phrases=[
        "already contains",
        "already has a column of ones",
        "already includes the bias",
        "duplicate column",
        "extra column",
        "twice",
    ],
    misleading=["element-wise", "reciprocal", "tuple", "wrong order of the product", "transpose y"],
    note="The lesson says 'to include a bias term we add a column of ones', and the learner does it inside the function without noticing the data already has it.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # y is an n x 1 column vector in the lesson
    y = y.reshape(-1, 1)
    w = np.linalg.inv(X.T @ X) @ X.T @ y
    return w
""",
    cause="Reshapes y into an (n, 1) column, so the returned weights have shape (d+1, 1) instead of the flat (d+1,) of the input y.",
    phrases=[
        "(d+1, 1)",
        "column vector",
        "2-d",
        "two-dimensional",
        "reshape(-1, 1)",
        "extra dimension",
    ],
    misleading=["element-wise", "reciprocal", "column of ones", "singular", "wrong sign"],
    note="The lesson describes y as an n x 1 column vector and w as (d+1) x 1, so the learner makes the shapes match the text.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # X w = y  =>  w = X^-1 y
    X_inv = np.linalg.inv(X)
    return X_inv @ y
""",
    cause="Tries to invert the data matrix X itself, which is not square (n x (d+1)), instead of X^T X.",
    phrases=["not square", "non-square", "square matrix", "x^t x", "xᵀx", "x.t @ x"],
    misleading=["element-wise", "tuple", "column of ones", "reshape y", "wrong sign"],
    note="Solving Xw = y 'by dividing by X' is the first thing a beginner tries, forgetting that only square matrices have an inverse.",
)


# ---------------------------------------------------------------------------
E = "1.2 Iris questions"

_add(
    E,
    "correct",
    """
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints, n_weights = X.shape
print(n_datapoints, n_weights)
""",
    note="Unpacks X.shape into both answers in one line.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = len(y)          # one label per flower
n_weights = X[0].size          # one weight per measured feature (bias not counted)
""",
    note="Counts the data points from the labels and the weights from the length of one row.",
)

_add(
    E,
    "mistake",
    """
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.shape[0]
n_weights = X.shape[1] + 1  # +1 for the bias
""",
    cause="Counts the bias weight although the question asks for the number of weights without the bias (answers 5 instead of 4).",
    phrases=["bias", "not counting", "excluding", "+ 1", "+1", "5 instead of 4"],
    misleading=["number of classes", "number of elements", "rows and columns swapped", "tuple"],
    note="Later in the lesson the model does have 5 weights, so a learner adds the bias out of habit.",
)

_add(
    E,
    "mistake",
    """
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.size
n_weights = X.shape[1]
""",
    cause="Uses X.size, the total number of entries (150 x 4 = 600), as the number of data points instead of the number of rows.",
    phrases=[
        "x.size",
        "600",
        "total number of entries",
        "number of elements",
        "number of rows",
        "shape[0]",
    ],
    misleading=["counted the bias", "number of classes", "tuple", "rows and columns swapped"],
    note="In other languages 'size' often means length, so a beginner expects X.size to be the number of samples.",
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
    cause="Answers the number of classes (3 species) instead of the number of input features (4), which is what sets the number of weights.",
    phrases=["classes", "species", "features", "one weight per feature", "3 instead of 4"],
    misleading=["counted the bias", "x.size", "tuple", "rows and columns swapped"],
    note="The learner confuses 'what we predict' (3 species) with 'what we predict from' (4 measurements).",
)

_add(
    E,
    "mistake",
    """
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.shape
n_weights = X.shape[-1]
print(n_datapoints, n_weights)
""",
    cause="Assigns the whole shape tuple (150, 4) to n_datapoints instead of its first element.",
    phrases=["tuple", "shape[0]", "whole shape", "first element", "(150, 4)"],
    misleading=["counted the bias", "number of classes", "600", "rows and columns swapped"],
    note="The notebook says 'use X.shape', and the learner uses exactly that without indexing.",
)


# ---------------------------------------------------------------------------
E = "1.2 binary cross-entropy"

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import xlogy


def binary_cross_entropy(y, y_hat):
    # keep the probabilities away from exactly 0 and 1 so the logs stay finite
    p = np.clip(y_hat, 1e-15, 1 - 1e-15)
    return -(xlogy(y, p) + xlogy(1 - y, 1 - p))
""",
    note="Uses scipy.special.xlogy (x*log(y), 0 when x is 0) and a smaller clipping epsilon.",
)

_add(
    E,
    "correct",
    """
import numpy as np

EPS = 1e-12


def binary_cross_entropy(y, y_hat):
    p = np.minimum(np.maximum(y_hat, EPS), 1.0 - EPS)
    positive_part = y * np.log(p)
    negative_part = (1 - y) * np.log1p(-p)   # log(1 - p), more accurate near p = 0
    loss = -(positive_part + negative_part)
    return loss
""",
    note="Bounds y_hat with np.minimum/np.maximum instead of np.clip, splits the two terms into variables and uses np.log1p for log(1 - p).",
)

_add(
    E,
    "correct",
    """
import math
import numpy as np


def binary_cross_entropy(y, y_hat):
    eps = 1e-12
    ys, ps = np.broadcast_arrays(np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float))
    losses = np.empty(ps.shape)
    for idx in np.ndindex(ps.shape):
        p = min(max(ps[idx], eps), 1 - eps)
        t = ys[idx]
        losses[idx] = -(t * math.log(p) + (1 - t) * math.log(1 - p))
    if losses.ndim == 0:
        return float(losses)
    return losses
""",
    note="Loops over every element with math.log after clamping each probability, handling plain numbers as well as arrays.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="Takes the log of y_hat without clipping, so a probability of exactly 0 or 1 gives an infinite loss or nan (0 * log 0).",
    phrases=["clip", "log(0)", "log of zero", "infinite", "nan", "epsilon"],
    misleading=["missing minus", "averag", "log base", "mean squared error", "in place"],
    note="It is exactly the formula from the lesson; it works on most inputs, and the sigmoid only saturates to exactly 0 or 1 for large logits.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    losses = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    return np.mean(losses)
""",
    cause="Averages the losses into a single number, while the exercise asks for one loss per sample.",
    phrases=[
        "one loss per sample",
        "per sample",
        "per-sample",
        "single number",
        "scalar",
        "np.mean",
    ],
    misleading=["missing minus", "log base", "wrong term", "squared error", "in place"],
    note="Loss functions in libraries usually return the mean over the batch, so a learner reduces it out of habit.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    # log-likelihood of the data
    return y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)
""",
    cause="Leaves out the leading minus sign, returning the log-likelihood (negative numbers) instead of the loss.",
    phrases=["minus", "negative", "log-likelihood", "leading minus"],
    misleading=["no clipping", "averag", "log base", "wrong term", "squared error"],
    note="The learner remembers cross-entropy as 'y log y_hat plus (1 - y) log(1 - y_hat)' and forgets the minus in front of the bracket.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    first = y * np.log(y_hat)
    second = (1 - y) * np.log(y_hat)
    return -(first + second)
""",
    cause="The second term uses log(y_hat) instead of log(1 - y_hat), so samples of class 0 are scored with the wrong probability.",
    phrases=["log(1 - y_hat)", "log(1-y_hat)", "1 - y_hat", "1 - ŷ", "second term", "class 0"],
    misleading=["no clipping", "averag", "missing minus", "log base", "squared error"],
    note="Copy-paste of the first term into the second and only changing y to (1 - y).",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    # keep the loss bounded: never trust a probability more than 99%
    y_hat = np.clip(y_hat, 0.01, 0.99)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="Clips the probabilities far too aggressively (to [0.01, 0.99]), which caps the loss at about 4.6 and changes it for every confident prediction.",
    phrases=[
        "too aggressive",
        "too large an epsilon",
        "0.01",
        "0.99",
        "caps the loss",
        "confident predictions",
    ],
    misleading=["missing minus", "averag", "log base", "no clipping", "wrong term"],
    note="The learner knows clipping is needed and picks a 'safe-looking' round number without thinking about how much it changes the loss.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    # add a small number so we never take log(0), like in the lesson's cross_entropy_loss
    return -(y * np.log(y_hat + 1e-8) + (1 - y) * np.log(1 - y_hat))
""",
    cause="Protects only log(y_hat) with an epsilon; log(1 - y_hat) is still log(0) when y_hat is exactly 1, giving inf or nan (0 * -inf).",
    phrases=["1 - y_hat", "second log", "both logs", "log(0)", "nan", "y_hat = 1"],
    misleading=["missing minus", "averag", "log base", "too aggressive", "mean squared error"],
    note="The lesson's softmax code adds 1e-8 to y_hat inside the log; the learner copies that trick to the first log and forgets the second one.",
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
    cause="Drops the brackets, so the minus sign applies only to the first term and the class-0 term is added with the wrong sign.",
    phrases=[
        "bracket",
        "parenthes",
        "precedence",
        "minus applies only",
        "second term",
        "sign of the second",
    ],
    misleading=["no clipping", "averag", "log base", "mean squared error", "wrong term"],
    note="Typing the formula from memory, the outer parentheses around the sum are easy to forget.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    # keep y_hat away from 0 and 1 (in place, saves a copy)
    np.clip(y_hat, 1e-12, 1 - 1e-12, out=y_hat)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="Clips y_hat in place with out=y_hat, which changes the caller's array of predictions (and fails when y_hat is a plain number).",
    phrases=["in place", "in-place", "out=", "modifies the input", "mutat", "overwrites"],
    misleading=["missing minus", "averag", "log base", "no clipping", "mean squared error"],
    note="A learner who read that out= avoids allocations uses it to be efficient, not realising it overwrites the argument.",
)

_add(
    E,
    "mistake",
    """
import math
import numpy as np


def binary_cross_entropy(y, y_hat):
    eps = 1e-12
    y_hat = np.clip(y_hat, eps, 1 - eps)
    return -(y * math.log(y_hat) + (1 - y) * math.log(1 - y_hat))
""",
    cause="Uses math.log, which only accepts single numbers, so the function crashes on arrays of samples.",
    phrases=["math.log", "np.log", "not arrays", "single number", "scalar", "vectori"],
    misleading=["missing minus", "averag", "no clipping", "wrong term", "mean squared error"],
    note="Python's standard math module is the first log a beginner knows; it works when testing with one number.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    # error between the label and the prediction
    return (y - y_hat) ** 2
""",
    cause="Returns the squared error from linear regression instead of the binary cross-entropy with logarithms.",
    phrases=["squared error", "mse", "logarithm", "cross-entropy formula", "linear regression"],
    misleading=["no clipping", "averag", "missing minus", "in place", "wrong term"],
    note="The learner reuses the loss from the first section, as both measure 'how far off' the prediction is.",
)


# ---------------------------------------------------------------------------
E = "1.2 gradient"

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    # the notebook's hint says to transpose x_i here
    return np.multiply(x_i.T, y_hat - y)
""",
    note="Follows the original hint with x_i.T (a no-op on a 1-D array) and np.multiply with the factors in the other order.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = np.asarray(y_hat - y, dtype=float).item()   # one number for one sample
    grad = np.zeros(len(x_i))
    for k in range(len(x_i)):
        grad[k] = error * x_i[k]
    return grad
""",
    note="Turns the prediction error into a Python float and fills the gradient element by element in a loop.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = y - y_hat
    return error * x_i
""",
    cause="Computes the error as y - y_hat instead of y_hat - y, so the gradient has the wrong sign.",
    phrases=["wrong sign", "the sign", "y_hat - y", "ŷ - y", "opposite direction", "reversed"],
    misleading=[
        "transpose x_i",
        "column",
        "sigmoid derivative",
        "in place",
        "returns a single number",
    ],
    note="'Error = target minus prediction' is the usual way of saying it, so the learner writes it that way round.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    # the formula has x_i^T, so make x_i a column
    x_col = x_i.reshape(-1, 1)
    return (y_hat - y) * x_col
""",
    cause="Reshapes x_i into a column, so the gradient has shape (d+1, 1) instead of the shape (d+1,) of x_i and w.",
    phrases=["(d+1, 1)", "column", "flat", "2-d", "two-dimensional", "reshape"],
    misleading=["wrong sign", "sigmoid derivative", "in place", "single number", "divide by zero"],
    note="The lesson writes x_i^T and the original hint says to transpose x_i; since .T does nothing to a 1-D array, the learner reshapes instead.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) @ x_i
""",
    cause="Uses the matrix product @ between the scalar error and x_i; @ does not accept a scalar operand, so it crashes instead of scaling x_i.",
    phrases=["@", "matmul", "matrix product", "scalar", "element-wise", "elementwise"],
    misleading=["wrong sign", "sigmoid derivative", "in place", "reshape", "divide by zero"],
    note="After the normal-equation exercise every product became @, and the learner keeps using it for scaling a vector.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    # chain rule: dL/dy_hat * dy_hat/dz * dz/dw, with dy_hat/dz = y_hat (1 - y_hat)
    sigmoid_derivative = y_hat * (1 - y_hat)
    return (y_hat - y) * sigmoid_derivative * x_i
""",
    cause="Multiplies by the sigmoid derivative y_hat(1 - y_hat) on top of (y_hat - y), although that factor already cancelled against the loss derivative.",
    phrases=[
        "cancel",
        "sigmoid derivative",
        "y_hat(1 - y_hat)",
        "y_hat * (1 - y_hat)",
        "extra factor",
        "twice",
    ],
    misleading=["wrong sign", "transpose x_i", "in place", "returns a single number", "reshape"],
    note="The learner takes the chain-rule line literally but uses the already-simplified (y_hat - y) as the first factor.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    dL_dyhat = (y_hat - y) / (y_hat * (1 - y_hat))
    dyhat_dz = y_hat * (1 - y_hat)
    dz_dw = x_i
    return dL_dyhat * dyhat_dz * dz_dw
""",
    cause="Keeps the uncancelled chain-rule form, which divides by y_hat(1 - y_hat) and gives nan (0/0), or a ZeroDivisionError for plain floats, when y_hat is exactly 0 or 1.",
    phrases=["divide by zero", "division by zero", "0/0", "nan", "cancel", "simplif"],
    misleading=[
        "wrong sign",
        "transpose x_i",
        "in place",
        "extra factor",
        "returns a single number",
    ],
    note="Implementing each factor of the chain rule separately looks careful; it is right except when the sigmoid saturates.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    x_i *= (y_hat - y)
    return x_i
""",
    cause="Multiplies x_i in place, so the data row passed in is overwritten by the gradient (and corrupts the training data).",
    phrases=["in place", "in-place", "*=", "modifies x_i", "overwrit", "mutat"],
    misleading=[
        "wrong sign",
        "sigmoid derivative",
        "transpose x_i",
        "returns a single number",
        "divide by zero",
    ],
    note="Augmented assignment looks like a harmless shortcut; a beginner does not know that it writes into the caller's array.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    # gradient of the loss: how far the prediction is off
    grad = y_hat - y
    return grad
""",
    cause="Returns only the error y_hat - y (the derivative with respect to the logit z) and forgets to multiply by x_i.",
    phrases=[
        "multiply by the input",
        "multiply by x",
        "times x",
        "dz/dw",
        "logit",
        "single number",
    ],
    misleading=["wrong sign", "sigmoid derivative", "transpose x_i", "in place", "divide by zero"],
    note="The learner stops the chain rule one factor early, at dL/dz.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    grad = []
    for k in range(1, len(x_i)):
        grad.append((y_hat - y) * x_i[k])
    return np.array(grad).reshape(-1)
""",
    cause="The loop starts at index 1 (as in the maths notation x_1, x_2, ...), so the bias component of the gradient is missing and the result has one element too few.",
    phrases=["index 0", "range(1", "off-by-one", "off by one", "bias", "one element too few"],
    misleading=["wrong sign", "sigmoid derivative", "transpose x_i", "in place", "divide by zero"],
    note="Maths writes sums from 1 to d; translating it to range(1, ...) drops the first entry, which here is the bias.",
)


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
    return sigmoid(np.dot(x_i, w))
""",
    note="Uses scipy's expit (a numerically safe sigmoid) and np.dot instead of @.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    # stable: never exponentiate a large positive number
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def forward_pass(x_i, w):
    logit = x_i @ w
    return sigmoid(logit)
""",
    note="Writes a numerically stable sigmoid with two branches on the sign of z.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def forward_pass(x_i, w):
    z = 0
    for k in range(len(x_i)):
        z = z + x_i[k] * w[k]
    return sigmoid(z)
""",
    note="Computes the logit with an explicit loop and the sigmoid through the identity sigma(z) = (1 + tanh(z/2)) / 2.",
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
    cause="The sigmoid uses exp(z) instead of exp(-z), so it returns 1 - sigma(z), the probability of the other class.",
    phrases=["exp(-z)", "minus sign", "exp(z)", "1 - sigma", "other class", "decreasing"],
    misleading=["transpose w", "bias twice", "threshold", "overflow", "element-wise product"],
    note="Dropping the minus in the exponent is a typical slip when typing the formula from memory.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    z = x_i @ w
    return z
""",
    cause="Returns the logit z = x_i w and never applies the sigmoid, so the output is not a probability.",
    phrases=["sigmoid", "logit", "not a probability", "between 0 and 1"],
    misleading=["transpose w", "bias twice", "threshold", "overflow", "sign of the exponent"],
    note="The learner defines sigmoid but forgets to call it, stopping after the linear part like in linear regression.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    # the weights act on the input: z = w x
    return sigmoid(w @ x_i)
""",
    cause="Computes w @ x_i instead of x_i @ w; this only works when w is flat, and with the (5, 1) column weights used in training the shapes do not match and it crashes.",
    phrases=[
        "x_i @ w",
        "order of the product",
        "order of the matrix",
        "shapes do not match",
        "column w",
        "(5, 1)",
    ],
    misleading=["sign of the exponent", "threshold", "overflow", "bias twice", "logit instead"],
    note="Maths writes a matrix before the vector (W x); with 1-D weights the learner's quick test passes.",
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
    cause="Multiplies x_i and w element-wise instead of taking their dot product, so it returns a vector (or, with a column w, a matrix) of sigmoids instead of one probability.",
    phrases=["element-wise", "elementwise", "dot product", "@", "one probability", "single number"],
    misleading=["sign of the exponent", "threshold", "overflow", "bias twice", "transpose of w"],
    note="'Multiply each feature by its weight' reads like x_i * w; the summing step is forgotten.",
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
    cause="Writes the sigmoid as exp(z) / (1 + exp(z)), which overflows to inf/inf = nan for large positive logits.",
    phrases=["overflow", "nan", "inf", "large logits", "numerically", "unstable"],
    misleading=["sign of the exponent", "threshold", "bias twice", "element-wise", "transpose w"],
    note="exp(z)/(1+exp(z)) is an equivalent form often seen in statistics books; it is fine until z is a few hundred.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    bias = w[0]
    return sigmoid(x_i @ w + bias)
""",
    cause="Adds the bias w[0] a second time, although x_i already starts with a 1 so x_i @ w already includes it.",
    phrases=["bias twice", "twice", "already includes", "column of ones", "w[0]", "added again"],
    misleading=["sign of the exponent", "threshold", "overflow", "element-wise", "transpose w"],
    note="Many textbooks write z = w x + b, and the learner adds b out of habit.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    probability = sigmoid(x_i @ w)
    # predict the class
    return (probability >= 0.5).astype(int)
""",
    cause="Thresholds the probability at 0.5 and returns a class label (0 or 1) instead of the probability itself.",
    phrases=["threshold", "class label", "0 or 1", "0.5", "round"],
    misleading=["sign of the exponent", "overflow", "bias twice", "element-wise", "transpose w"],
    note="The lesson explains the 0.5 cut-off right after the sigmoid, and 'forward pass = prediction' suggests returning the class.",
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
    cause="Missing parentheses in the sigmoid: 1 / 1 + np.exp(-z) computes 1 + exp(-z) instead of 1 / (1 + exp(-z)).",
    phrases=[
        "parenthes",
        "bracket",
        "precedence",
        "1 / (1 +",
        "denominator",
        "order of operations",
    ],
    misleading=["sign of the exponent", "threshold", "bias twice", "element-wise", "transpose w"],
    note="Typing a fraction on one line, the parentheses around the denominator are easy to leave out.",
)


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
    # transpose w to a row, subtract, transpose back (as in the original notebook)
    return np.subtract(w.T, learning_rate * gradient).T
""",
    note="Uses the original notebook's trick: transpose w to a row, subtract the flat gradient, transpose back, instead of reshaping the gradient.",
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
    p = 1 / (1 + np.exp(-(x_i @ w)))            # prediction, computed inline
    step = learning_rate * (p - y_i) * x_i.reshape(w.shape)
    new_w = w.copy()
    new_w -= step                               # in place, but on a copy
    return new_w
""",
    note="Computes the prediction and gradient inline, reshapes x_i to w's shape first, and subtracts in place on a copy of w.",
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
    cause="Subtracts a flat (5,) gradient from the (5, 1) column w, which broadcasts to a (5, 5) matrix instead of keeping w's shape.",
    phrases=["broadcast", "(5, 5)", "5x5", "reshape", "shape of w", "column"],
    misleading=["wrong sign", "gradient ascent", "in place", "hard-coded", "forgot to return"],
    note="The formula w - lambda * gradient looks complete; NumPy silently broadcasts a column against a row.",
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
    cause="Adds the gradient instead of subtracting it, so each step goes uphill and increases the loss (gradient ascent).",
    phrases=["wrong sign", "subtract", "minus", "ascent", "uphill", "against the gradient"],
    misleading=["broadcast", "in place", "learning rate is ignored", "forgot to return", "logit"],
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
    w -= learning_rate * gradient.reshape(w.shape)
    return w
""",
    cause="Updates w in place with -=, so the caller's weight array is modified as a side effect.",
    phrases=["in place", "in-place", "-=", "mutat", "side effect", "caller's"],
    misleading=["wrong sign", "broadcast", "learning rate is ignored", "logit", "forgot to return"],
    note="-= is the idiom for 'update' in most tutorials, and the training loop still works because it reassigns w.",
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
    cause="Hard-codes the step size 0.01 instead of using the learning_rate argument.",
    phrases=[
        "learning_rate",
        "learning rate",
        "hard-coded",
        "hardcoded",
        "0.01",
        "argument is ignored",
    ],
    misleading=["wrong sign", "broadcast", "in place", "logit", "forgot to return"],
    note="0.01 is the learning rate used in the training cell, and the learner tested the step with that value.",
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
    w = w - learning_rate * gradient.reshape(w.shape)
""",
    cause="Computes the new weights but has no return statement, so the function returns None.",
    phrases=["return statement", "returns none", "missing return", "no return", "returns nothing"],
    misleading=["wrong sign", "broadcast", "in place", "hard-coded", "logit"],
    note="In the original notebook the update lived inside the training loop; moved into a function, the return is forgotten.",
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
    gradient = calc_gradient(y_i, y_hat, w)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="Passes the weights w instead of the input x_i as the third argument of calc_gradient, so the gradient is (y_hat - y) * w.",
    phrases=[
        "passes w",
        "passing w",
        "wrong argument",
        "input instead",
        "weights instead of the input",
    ],
    misleading=["wrong sign", "broadcast", "in place", "hard-coded", "forgot to return"],
    note="With w and x_i both in scope and of the same length, the wrong one is picked by muscle memory.",
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
    # the gradient must have the shape of w, a (5, 1) column
    gradient = calc_gradient(y_i, forward_pass(x_i, w), x_i).reshape(-1, 1)
    return w - learning_rate * gradient
""",
    cause="Always reshapes the gradient to a column (-1, 1) instead of to w's shape, so a flat w of shape (d+1,) broadcasts into a (d+1, d+1) matrix.",
    phrases=["w.shape", "shape of w", "flat w", "1-d w", "broadcast", "reshape(-1, 1)"],
    misleading=["wrong sign", "in place", "hard-coded learning", "forgot to return", "logit"],
    note="The notebook says w is a (5, 1) column here, so the learner hard-codes a column instead of following w's actual shape.",
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
    y_hat = x_i @ w        # prediction for this sample
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="Computes the prediction as the logit x_i @ w without the sigmoid, so the gradient uses an unbounded score instead of a probability.",
    phrases=["sigmoid", "forward_pass", "logit", "not a probability", "not squashed"],
    misleading=["wrong sign", "broadcast", "in place", "hard-coded", "forgot to return"],
    note="Writing the prediction inline as in linear regression, the learner forgets the logistic part.",
)


# ---------------------------------------------------------------------------
E = "1.3 learning rates"


_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])
y_binary = y[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0, report=True):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        total = 0.0
        for i in order_rng.permutation(len(X)):
            total += float(np.sum(binary_cross_entropy(y[i], forward_pass(X[i], w))))
            w = sgd_step(w, X[i], y[i], learning_rate)
        loss_history.append(total / len(X))
        if report:
            print(f"epoch {epoch + 1:2d}   mean loss {loss_history[-1]:.4f}")
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]


def run_experiment(lr, seed):
    np.random.seed(seed)
    w0 = np.random.randn(5, 1)
    w_trained, _ = train_logistic_regression(w0, X_binary, y_binary, 20, lr, report=False)
    return accuracy_percent(w_trained, X_binary, y_binary)


accuracies = {lr: run_experiment(lr, seed=42) for lr in learning_rates}
print(accuracies)
""",
    note="Wraps one run in a helper, uses the legacy np.random.seed/randn for the fresh start and builds the dict with a comprehension.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])
y_binary = y[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0, report=True):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        total = 0.0
        for i in order_rng.permutation(len(X)):
            total += float(np.sum(binary_cross_entropy(y[i], forward_pass(X[i], w))))
            w = sgd_step(w, X[i], y[i], learning_rate)
        loss_history.append(total / len(X))
        if report:
            print(f"epoch {epoch + 1:2d}   mean loss {loss_history[-1]:.4f}")
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]

accuracies = dict()
start_rng = np.random.default_rng(123)
for lr in learning_rates:
    w_init = start_rng.standard_normal((5, 1))   # fresh weights for every run
    w_final, losses = train_logistic_regression(w_init, X_binary, y_binary, epochs=20,
                                                learning_rate=lr, seed=7, report=False)
    probabilities = np.array([forward_pass(x, w_final).item() for x in X_binary])
    accuracies[lr] = 100.0 * np.sum((probabilities > 0.5) == y_binary) / len(y_binary)
print(accuracies)
""",
    note="Draws each fresh start from one generator, passes keyword arguments and computes the percentage itself instead of calling accuracy_percent.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])
y_binary = y[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0, report=True):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        total = 0.0
        for i in order_rng.permutation(len(X)):
            total += float(np.sum(binary_cross_entropy(y[i], forward_pass(X[i], w))))
            w = sgd_step(w, X[i], y[i], learning_rate)
        loss_history.append(total / len(X))
        if report:
            print(f"epoch {epoch + 1:2d}   mean loss {loss_history[-1]:.4f}")
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]

accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    predictions = np.array([forward_pass(x_i, w_lr).item() > 0.5 for x_i in X_binary])
    accuracies[lr] = np.mean(predictions == y_binary)
print(accuracies)
""",
    cause="Stores the accuracy as a fraction between 0 and 1 instead of the percentage the exercise asks for.",
    phrases=["percent", "fraction", "100", "between 0 and 1", "multiply by 100"],
    misleading=["string keys", "fresh", "re-initial", "argument order", "loss instead"],
    note="np.mean of the correct predictions is the natural accuracy; multiplying by 100 is forgotten.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])
y_binary = y[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0, report=True):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        total = 0.0
        for i in order_rng.permutation(len(X)):
            total += float(np.sum(binary_cross_entropy(y[i], forward_pass(X[i], w))))
            w = sgd_step(w, X[i], y[i], learning_rate)
        loss_history.append(total / len(X))
        if report:
            print(f"epoch {epoch + 1:2d}   mean loss {loss_history[-1]:.4f}")
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]

accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    accuracies[str(lr)] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="Uses the learning rates as strings ('0.1') for the dict keys instead of the numbers themselves.",
    phrases=["string", "str(", "key type", "float keys", "'0.1'"],
    misleading=["as a fraction", "fraction", "re-initial", "argument order", "loss instead"],
    note="The learner wanted pretty printing / JSON-like keys and converted them to text.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])
y_binary = y[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0, report=True):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        total = 0.0
        for i in order_rng.permutation(len(X)):
            total += float(np.sum(binary_cross_entropy(y[i], forward_pass(X[i], w))))
            w = sgd_step(w, X[i], y[i], learning_rate)
        loss_history.append(total / len(X))
        if report:
            print(f"epoch {epoch + 1:2d}   mean loss {loss_history[-1]:.4f}")
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]

accuracies = {}
w = np.random.default_rng(2).standard_normal((5, 1))
for lr in learning_rates:
    w, _ = train_logistic_regression(w, X_binary, y_binary, 20, lr, report=False)
    accuracies[lr] = accuracy_percent(w, X_binary, y_binary)
print(accuracies)
""",
    cause="Initialises the weights once before the loop, so each learning rate continues from the previous model instead of starting from fresh random weights.",
    phrases=[
        "fresh",
        "re-initial",
        "reinitial",
        "inside the loop",
        "previous run",
        "continues training",
    ],
    misleading=["as a fraction", "fraction", "string keys", "argument order", "loss instead"],
    note="Reusing the variable w from the cell above feels natural; the small learning rates then look as good as the large ones.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])
y_binary = y[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0, report=True):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        total = 0.0
        for i in order_rng.permutation(len(X)):
            total += float(np.sum(binary_cross_entropy(y[i], forward_pass(X[i], w))))
            w = sgd_step(w, X[i], y[i], learning_rate)
        loss_history.append(total / len(X))
        if report:
            print(f"epoch {epoch + 1:2d}   mean loss {loss_history[-1]:.4f}")
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]

accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, lr, 20, report=False)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="Passes the learning rate and the number of epochs in the wrong order, so epochs=0.1 and range() fails on a float.",
    phrases=["argument order", "order of the arguments", "swapped", "epochs", "positional"],
    misleading=["as a fraction", "fraction", "string keys", "re-initial", "loss instead"],
    note="The positional signature (w, X, y, epochs, learning_rate) is easy to get backwards when typing from memory.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])
y_binary = y[keep]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def train_logistic_regression(w, X, y, epochs, learning_rate, seed=0, report=True):
    order_rng = np.random.default_rng(seed)
    loss_history = []
    for epoch in range(epochs):
        total = 0.0
        for i in order_rng.permutation(len(X)):
            total += float(np.sum(binary_cross_entropy(y[i], forward_pass(X[i], w))))
            w = sgd_step(w, X[i], y[i], learning_rate)
        loss_history.append(total / len(X))
        if report:
            print(f"epoch {epoch + 1:2d}   mean loss {loss_history[-1]:.4f}")
    return w, loss_history


def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]

accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, loss_history = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    accuracies[lr] = loss_history[-1]   # final performance
print(accuracies)
""",
    cause="Stores the final mean training loss instead of the accuracy computed with accuracy_percent.",
    phrases=[
        "loss instead",
        "final loss",
        "accuracy_percent",
        "not the accuracy",
        "instead of the accuracy",
        "loss_history",
    ],
    misleading=["fraction", "string keys", "re-initial", "argument order"],
    note="The training function already returns a performance number, so the learner records that instead of calling the accuracy function.",
)


# ---------------------------------------------------------------------------
E = "1.4 softmax"

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import softmax as scipy_softmax


def softmax(z):
    return scipy_softmax(z, axis=-1)
""",
    note="Delegates to scipy.special.softmax along the last axis.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import logsumexp


def softmax(z):
    # log-softmax is z - logsumexp(z); exponentiate it
    log_probs = z - logsumexp(z, axis=-1, keepdims=True)
    return np.exp(log_probs)
""",
    note="Goes through the log-domain: exp(z - logsumexp(z)), which is stable without an explicit max.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    rows = z.reshape(-1, z.shape[-1])          # a single sample becomes one row
    out = np.empty_like(rows)
    for r in range(rows.shape[0]):
        shifted = rows[r] - rows[r].max()
        ex = np.exp(shifted)
        out[r] = ex / ex.sum()
    return out.reshape(z.shape)
""",
    note="Reshapes to a 2-D batch, applies the stable formula row by row in a loop, and reshapes back.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=0)
    return np.exp(z) / np.sum(np.exp(z), axis=0)
""",
    cause="Normalises along axis 0, which is right for a single sample but for a batch (n, K) makes the columns, not the rows, sum to 1.",
    phrases=["axis=0", "axis 0", "last axis", "axis=-1", "rows", "columns"],
    misleading=[
        "overflow",
        "numerically unstable",
        "sigmoid",
        "modifies the input",
        "exponent in the denominator",
    ],
    note="The original lesson code uses axis=0, which works for the one-sample training loop.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    exps = np.exp(z)
    return exps / np.sum(exps, axis=-1, keepdims=True)
""",
    cause="Does not subtract the maximum logit before exponentiating, so large logits overflow to inf and give nan.",
    phrases=["overflow", "subtract the max", "maximum", "nan", "numerically", "stable"],
    misleading=[
        "axis=0",
        "missing keepdims",
        "sigmoid",
        "modifies the input",
        "denominator without exp",
    ],
    note="It is the textbook formula and is exact for moderate logits.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    # subtract the max for numerical stability
    z = z - np.max(z)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
""",
    cause="Subtracts the single largest logit of the whole batch instead of each row's maximum, so rows whose logits are all far below it underflow to 0/0 = nan.",
    phrases=["each row", "per row", "row-wise", "whole batch", "whole array", "underflow"],
    misleading=[
        "axis=0",
        "sigmoid",
        "modifies the input",
        "denominator without exp",
        "no max subtraction",
    ],
    note="The stability trick is often shown on a single vector where np.max(z) is the row maximum.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z_shift = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z_shift)
    return e / np.sum(e, axis=-1)
""",
    cause="Sums without keepdims=True, so for a batch the (n,) sums do not broadcast against (n, K): it crashes, or silently divides the wrong way when n equals K.",
    phrases=["keepdims", "broadcast", "(n,)", "(n, 1)", "dimension"],
    misleading=["axis=0", "overflow", "sigmoid", "modifies the input", "denominator without exp"],
    note="For a single sample the missing keepdims makes no difference, so the learner's quick test passes.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(z, axis=-1, keepdims=True)
""",
    cause="Forgets the exponential in the denominator: divides exp(z) by the sum of the raw (shifted) logits.",
    phrases=["denominator", "exp in the", "sum of the exponentials", "sum of exp", "np.sum(np.exp"],
    misleading=["axis=0", "overflow", "sigmoid", "missing keepdims", "modifies the input"],
    note="Typing the formula in one line, only the numerator gets its np.exp.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
""",
    cause="Subtracts the maximum in place (z -= ...), which overwrites the caller's logits (and fails on integer arrays).",
    phrases=["in place", "in-place", "-=", "modifies the input", "mutat", "overwrit"],
    misleading=["axis=0", "overflow", "sigmoid", "missing keepdims", "denominator without exp"],
    note="-= saves a temporary array and looks like the same thing as z = z - ...",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    # squash every logit into (0, 1)
    return 1 / (1 + np.exp(-z))
""",
    cause="Applies the sigmoid to every logit separately, so the outputs are not normalised and do not sum to 1.",
    phrases=["sigmoid", "sum to 1", "sum to one", "normalis", "normaliz"],
    misleading=["axis=0", "overflow", "missing keepdims", "modifies the input", "max subtraction"],
    note="Logistic regression just used the sigmoid, and 'softmax generalises it' is read as 'softmax is the sigmoid per class'.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    # one row (sample) at a time
    return np.array([np.exp(row - row.max()) / np.exp(row - row.max()).sum() for row in z])
""",
    cause="Iterates over z as if it were always a batch; for a single sample of shape (K,) each 'row' is a scalar, so every probability becomes 1.",
    phrases=["single sample", "1-d", "one sample", "(k,)", "scalar", "all ones"],
    misleading=["axis=0", "overflow", "sigmoid", "missing keepdims", "modifies the input"],
    note="The learner thinks of softmax as row-wise and writes the loop for the batch case only.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=1, keepdims=True)
""",
    cause="Hard-codes axis=1, which works for a batch (n, K) but raises an axis error for a single sample of shape (K,).",
    phrases=["axis=1", "axis 1", "axis=-1", "last axis", "single sample", "1-d"],
    misleading=[
        "overflow",
        "sigmoid",
        "missing keepdims",
        "modifies the input",
        "denominator without exp",
    ],
    note="'Rows are samples, so sum over axis 1' is the usual rule for batches, and the learner tests it on a matrix.",
)


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
    logits = W.T @ x_i      # (K, d+1) @ (d+1,) -> (K,)
    return softmax(logits)
""",
    note="Computes the logits as W.T @ x_i, the transpose form, which gives the same (K,) vector.",
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
    n_classes = W.shape[1]
    logits = np.array([np.dot(x_i, W[:, c]) for c in range(n_classes)])
    return softmax(logits)
""",
    note="Builds one logit per class from the class's weight column with a list comprehension.",
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
    z = W @ x_i
    return softmax(z)
""",
    cause="Multiplies in the order W @ x_i, which does not match shapes ((d+1, K) @ (d+1,)) and crashes; the logits are x_i @ W.",
    phrases=["x_i first", "x_i @ w", "w.t", "transpose", "shapes do not match", "mismatch"],
    misleading=["sigmoid", "argmax", "global", "axis=0", "overflow"],
    note="Linear algebra texts write W x, with W as (K, d+1); here W is stored the other way round.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return sigmoid(x_i @ W)
""",
    cause="Applies the logistic sigmoid from exercise 1.2 instead of the softmax, so the class probabilities do not sum to 1.",
    phrases=["sigmoid", "softmax", "sum to 1", "sum to one", "normalis", "normaliz"],
    misleading=["order of the product", "argmax", "global", "axis=0", "overflow"],
    note="The learner copies the 1.2 forward pass and only changes the names of the arguments.",
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
    # turn the features into probabilities, then weigh them per class
    return softmax(x_i) @ W
""",
    cause="Applies the softmax to the inputs before the matrix product instead of to the logits x_i @ W.",
    phrases=[
        "softmax before",
        "before the matrix product",
        "to the logits",
        "order of operations",
        "softmax(x_i @ w)",
        "inputs instead",
    ],
    misleading=["sigmoid", "argmax", "global", "axis=0", "transpose"],
    note="Mixing up the order of the two steps of the forward pass.",
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
    probs = softmax(x_i @ W)
    return np.argmax(probs)   # the predicted class
""",
    cause="Returns the index of the most likely class instead of the vector of class probabilities.",
    phrases=[
        "argmax",
        "class index",
        "index of the",
        "predicted class",
        "instead of the probabilities",
        "whole vector",
    ],
    misleading=["sigmoid", "order of the product", "global", "axis=0", "overflow"],
    note="The lesson says 'the predicted class is the one with the largest probability', so the learner returns the prediction.",
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
    x_row = x_i[np.newaxis, :]      # make x_i a 1 x (d+1) row vector
    return softmax(x_row @ W)
""",
    cause="Turns x_i into a (1, d+1) row, so the result has shape (1, K) instead of (K,).",
    phrases=["(1, k)", "(1, 3)", "extra dimension", "shape (k,)", "newaxis", "squeeze"],
    misleading=["sigmoid", "argmax", "global", "order of the product", "overflow"],
    note="Following the lesson's picture of x_i as a row of the data matrix, the learner makes it an explicit 2-D row.",
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


weights = np.random.default_rng(4).standard_normal((5, 3))


def softmax_forward_pass(x_i, W):
    logits = x_i @ weights
    return softmax(logits)
""",
    cause="Uses the global variable weights instead of the argument W, so the function ignores the weights it is given.",
    phrases=["global", "argument w", "parameter w", "ignores w", "weights variable"],
    misleading=["sigmoid", "argmax", "order of the product", "axis=0", "overflow"],
    note="The learner created the weights earlier under another name and typed that name inside the function.",
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
    n_classes = W.shape[1]
    logits = np.zeros(n_classes)
    for c in range(n_classes - 1):
        logits[c] = np.dot(x_i, W[:, c])
    return softmax(logits)
""",
    cause="The class loop runs to n_classes - 1, so the last class's logit is never computed and stays 0.",
    phrases=[
        "off-by-one",
        "off by one",
        "last class",
        "range(n_classes)",
        "n_classes - 1",
        "stays 0",
    ],
    misleading=["sigmoid", "argmax", "global", "order of the product", "overflow"],
    note="range(n - 1) is a common confusion with 'the last index is n - 1'.",
)


# ---------------------------------------------------------------------------
E = "1.4 gradient"

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    # as in the original notebook: make everything a column, then column @ row
    y_hat = np.expand_dims(y_hat, axis=1)
    y = np.expand_dims(y, axis=1)
    x_i = np.expand_dims(x_i, axis=1)
    return np.dot(x_i, (y_hat - y).T)
""",
    note="Expands all three vectors to columns and takes the (d+1,1) by (1,K) matrix product, as in the original notebook.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    error = y_hat - y
    return np.einsum("i,k->ik", x_i, error)
""",
    note="Writes the outer product with np.einsum.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(y_hat - y, x_i)
""",
    cause="Takes the outer product in the wrong order, giving shape (K, d+1), the transpose of W's shape.",
    phrases=["transpose", "wrong order", "(k, d+1)", "(3, 5)", "np.outer(x_i", "swapped"],
    misleading=["wrong sign", "element-wise", "in place", "softmax derivative", "parenthes"],
    note="Writing the factors in the order they appear in the words 'error times input'.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    # same as for logistic regression
    return (y_hat - y) * x_i
""",
    cause="Reuses the logistic-regression element-wise product, which cannot broadcast a (K,) error against a (d+1,) input; the outer product is needed.",
    phrases=["outer product", "np.outer", "broadcast", "element-wise", "elementwise", "logistic"],
    misleading=[
        "wrong sign",
        "transpose of the result",
        "in place",
        "softmax derivative",
        "parenthes",
    ],
    note="The lesson says the gradient 'has the same form as before', so the learner copies the 1.2 code.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    # x_i (y_hat - y)^T
    return x_i @ (y_hat - y).T
""",
    cause="Translates x_i (y_hat - y)^T literally; .T does nothing on a 1-D array, so @ tries an inner product of a (d+1,) and a (K,) vector and crashes.",
    phrases=[
        "1-d",
        "transpose does nothing",
        ".t has no effect",
        "outer product",
        "np.outer",
        "inner product",
    ],
    misleading=["wrong sign", "in place", "softmax derivative", "parenthes", "wrong order"],
    note="The lesson hint warns that NumPy transposes of vectors behave differently; copying the formula symbol by symbol hits exactly that.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    delta = y - y_hat
    return np.outer(x_i, delta)
""",
    cause="Uses y - y_hat instead of y_hat - y, so the gradient has the wrong sign.",
    phrases=["wrong sign", "the sign", "y_hat - y", "ŷ - y", "reversed", "opposite"],
    misleading=["transposed result", "element-wise", "in place", "softmax derivative", "parenthes"],
    note="'Target minus prediction' is how the error is usually phrased.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    # chain rule with the diagonal of the softmax derivative y_hat (1 - y_hat)
    delta = (y_hat - y) * y_hat * (1 - y_hat)
    return np.outer(x_i, delta)
""",
    cause="Multiplies the error by the softmax derivative y_hat(1 - y_hat) although it already cancelled in the combined softmax-cross-entropy gradient.",
    phrases=[
        "cancel",
        "softmax derivative",
        "y_hat(1 - y_hat)",
        "y_hat * (1 - y_hat)",
        "extra factor",
        "jacobian",
    ],
    misleading=["wrong sign", "transposed result", "element-wise", "in place", "parenthes"],
    note="Reading the appendix, the learner adds the derivative of the softmax as an extra chain-rule factor.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat) - y
""",
    cause="Misplaced parenthesis: subtracts y after the outer product (x_i y_hat^T - y) instead of taking the outer product with (y_hat - y).",
    phrases=[
        "parenthes",
        "bracket",
        "outside the outer product",
        "subtracts y after",
        "np.outer(x_i, y_hat - y)",
    ],
    misleading=[
        "wrong sign",
        "transposed result",
        "in place",
        "softmax derivative",
        "element-wise",
    ],
    note="Broadcasting makes (d+1, K) - (K,) run without error, so the misplaced bracket goes unnoticed.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    y_hat -= y          # error, reusing the array
    return np.outer(x_i, y_hat)
""",
    cause="Computes the error in place with y_hat -= y, which overwrites the caller's predicted probabilities.",
    phrases=["in place", "in-place", "-=", "modifies y_hat", "mutat", "overwrit"],
    misleading=[
        "wrong sign",
        "transposed result",
        "element-wise",
        "softmax derivative",
        "parenthes",
    ],
    note="Saving a temporary array with -= is a habit picked up from performance tips.",
)


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


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    logits = x_i @ W
    logits = logits - logits.max()
    probs = np.exp(logits) / np.exp(logits).sum()
    update = learning_rate * x_i[:, None] * (probs - y_i)[None, :]
    return W - update
""",
    note="Computes the forward pass and the outer product inline with broadcasting instead of calling the helpers.",
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
    W_new = np.array(W, dtype=float, copy=True)
    y_hat = softmax_forward_pass(x_i, W_new)
    W_new -= learning_rate * softmax_gradient(y_i, y_hat, x_i)   # safe: W_new is a copy
    return W_new
""",
    note="Copies W first and then updates the copy in place with -=.",
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
    y_hat = forward_pass(x_i, W)
    gradient = softmax_gradient(y_i, y_hat, x_i)
    return W - learning_rate * gradient
""",
    cause="Calls the logistic forward_pass (sigmoid) from exercise 1.2 instead of softmax_forward_pass, so the predictions are not a softmax distribution.",
    phrases=[
        "forward_pass",
        "softmax_forward_pass",
        "sigmoid",
        "logistic",
        "sum to 1",
        "wrong helper",
    ],
    misleading=["wrong sign", "in place", "transpose the gradient", "re-encod", "global"],
    note="Both functions live in the same notebook and the shorter name autocompletes first.",
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
    n_classes = W.shape[1]
    target = np.eye(n_classes)[y_i]     # one-hot encode the label
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(target, y_hat, x_i)
""",
    cause="One-hot encodes y_i again although it is already a one-hot vector; indexing np.eye with a float array crashes (or builds a K x K matrix).",
    phrases=[
        "already one-hot",
        "already a one-hot",
        "one-hot",
        "np.eye",
        "integer label",
        "float array",
    ],
    misleading=["wrong sign", "in place", "transpose the gradient", "sigmoid", "global"],
    note="Many tutorials pass class indices and one-hot encode inside the step.",
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
    W_new = W
    W_new = W_new - learning_rate * softmax_gradient(y_i, y_hat, x_i)
    return W
""",
    cause="Computes the updated weights in W_new but returns the old W, so the step has no effect.",
    phrases=["returns w", "returns the old", "w_new", "wrong variable", "unchanged", "no effect"],
    misleading=["wrong sign", "in place", "transpose the gradient", "sigmoid", "re-encod"],
    note="Renaming a variable halfway and forgetting to update the return line.",
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
    W_new = W.copy()
    c = np.argmax(y_i)          # the true class
    W_new[:, c] = W[:, c] - learning_rate * (y_hat[c] - y_i[c]) * x_i
    return W_new
""",
    cause="Updates only the weight column of the true class, although every class's column gets a gradient (y_hat_c - y_c) x_i.",
    phrases=[
        "only the true class",
        "every class",
        "all classes",
        "all columns",
        "other classes",
        "one column",
    ],
    misleading=["wrong sign", "in place", "transpose the gradient", "sigmoid", "re-encod"],
    note="The loss only contains the log-probability of the true class, so the learner thinks only that class's weights matter.",
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


W_try = np.zeros((5, 3))
x_try = np.array([1.0, 5.1, 3.5, 1.4, 0.2])
y_hat = softmax_forward_pass(x_try, W_try)
print(y_hat)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    gradient = softmax_gradient(y_i, y_hat, x_i)
    return W - learning_rate * gradient
""",
    cause="Never computes the prediction inside the function and silently uses the global y_hat left over from an earlier cell.",
    phrases=[
        "global",
        "y_hat is not computed",
        "forward pass",
        "stale",
        "softmax_forward_pass",
        "leftover",
    ],
    misleading=["wrong sign", "in place", "transpose the gradient", "sigmoid", "re-encod"],
    note="In the notebook's training loop a global y_hat with the right value exists just before each call, so training works and the bug is invisible.",
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
    # the formula has a transpose
    return W - learning_rate * gradient.T
""",
    cause="Transposes the gradient, which already has W's shape (d+1, K), so the subtraction fails (or is wrong when W is square).",
    phrases=["transpose", ".t", "already has the shape", "shape of w", "(3, 5)"],
    misleading=["wrong sign", "in place", "sigmoid", "re-encod", "global"],
    note="The update formula contains a ^T, and the learner applies it a second time in the step.",
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
    gradient = softmax_gradient(y_hat, y_i, x_i)
    return W - learning_rate * gradient
""",
    cause="Passes y_hat and y_i to softmax_gradient in the wrong order (its signature is (y, y_hat, x_i)), which flips the sign of the gradient.",
    phrases=[
        "argument order",
        "order of the arguments",
        "swapped",
        "(y, y_hat, x_i)",
        "flips the sign",
    ],
    misleading=["in place", "transpose the gradient", "sigmoid", "re-encod", "global"],
    note="The formula reads 'y_hat - y', so the learner passes y_hat first.",
)
