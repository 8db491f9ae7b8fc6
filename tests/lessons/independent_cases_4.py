"""Independent beginner-code cases for Lesson 1, set 4 (119 cases).

Written in the round after set 3 by a helper session that saw only the lesson and the notebook
source, not the checks or the other sets; kept as written (only reformatted), and measured
before any of its verdicts was read (docs/teaching.md has that first measurement and the one
after).

Written only from the
lesson text and the learner notebook, without looking at the checking code: 32 "correct"
cells (valid alternative solutions: np.linalg.solve/pinv/loops for the normal equation,
log1p/np.maximum/np.vectorize for the loss, einsum/np.dot/tanh/expit forward passes,
logsumexp/scipy/row-loop softmax, copies and per-column loops for the SGD steps, other
ways to run the learning-rate experiment) and 87 "mistake" cells with one plausible
beginner error each (signs, operator precedence, broadcasting (n,) against (n,1), wrong
axis or missing keepdims, missing clip/max-shift, math.* on arrays, in-place updates of
arguments, globals and hard-coded sizes, integer dtypes and integer division, swapped
arguments, wrong return values, one-hot and outer-product mix-ups, extra derivative
factors, bias column added twice, ...). Per exercise (correct + mistake): 1.1 normal
equation 3+7, 1.2 Iris questions 2+5, 1.2 binary cross-entropy 3+11, 1.2 gradient 3+8,
1.2 forward pass 3+8, 1.2 SGD update 3+9, 1.3 learning rates 2+7, 1.4 softmax 4+9,
1.4 forward pass 3+7, 1.4 gradient 3+8, 1.4 SGD update 3+8. Every cell is complete
(imports and any helper functions it calls) and runs in well under a second, except
the 1.3 cells (Iris via scikit-learn, about 0.2 s of training)."""

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
    # solve the normal equation XᵀX w = Xᵀy instead of inverting XᵀX
    return np.linalg.solve(X.T @ X, X.T @ y)
""",
    note="Uses np.linalg.solve on the normal equation instead of forming the inverse explicitly.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    # (XᵀX)⁻¹Xᵀ is the Moore-Penrose pseudoinverse of X
    X_plus = np.linalg.pinv(X)
    w = X_plus.dot(y)
    return w
""",
    note="Uses the pseudoinverse np.linalg.pinv (mentioned in the lesson) and .dot instead of inv and @.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def normal_equation(X, y):
    XtX = np.zeros((X.shape[1], X.shape[1]))
    Xty = np.zeros(X.shape[1])
    for row, target in zip(X, y):
        XtX += np.outer(row, row)
        Xty += row * target
    return np.dot(np.linalg.inv(XtX), Xty)
""",
    note="Builds XᵀX and Xᵀy by summing over the rows in a loop (outer products), then inverts; returns shape (d+1,) for y of shape (n,).",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    return np.linalg.inv(X @ X.T) @ X.T @ y
""",
    cause="Multiplies X by its transpose in the wrong order (X Xᵀ, an n×n matrix) instead of XᵀX, so the inverse is of a singular n×n matrix and the shapes do not line up.",
    phrases=["xᵀx", "x.t @ x", "x @ x.t", "order", "(n, n)", "n×n"],
    misleading=["bias column", "global", "element-wise", "pinv", "reshape"],
    note="XᵀX and XXᵀ look alike on paper; beginners often put the transpose on the wrong factor.",
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
    cause="Uses the element-wise * instead of the matrix product @ to form XᵀX, which fails to broadcast ((d+1, n) against (n, d+1)).",
    phrases=[
        "element-wise",
        "elementwise",
        "matrix product",
        "matrix multiplication",
        "@",
        "np.dot",
    ],
    misleading=["transpose", "bias column", "global", "singular", "reshape"],
    note="In MATLAB-style thinking or after pandas, * looks like multiplication of matrices.",
)

_add(
    E,
    "mistake",
    """
import numpy as np

rng = np.random.default_rng(0)
number_of_datapoints = 20
X = np.ones((number_of_datapoints, 2))
X[:, 1] = rng.standard_normal(number_of_datapoints)
w_real = np.array([0.5, 1.0])
y = X @ w_real

# computed once, outside the function, to save work
XtX_inv = np.linalg.inv(X.T @ X)


def normal_equation(X, y):
    return XtX_inv @ X.T @ y
""",
    cause="Uses a global (XᵀX)⁻¹ precomputed from the toy data instead of computing it from the X passed in, so it is only right for that one data set.",
    phrases=[
        "global",
        "outside the function",
        "precomputed",
        "the x passed in",
        "argument",
        "parameter",
    ],
    misleading=["transpose", "element-wise", "bias column", "singular", "reshape"],
    note="A learner 'optimises' by hoisting the expensive inverse out of the function, forgetting the function gets other data.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    w = np.linalg.inv(X.T @ X) @ X.T @ y
    y_pred = X @ w
    return y_pred
""",
    cause="Returns the predictions Xw (shape (n,)) instead of the weights w.",
    phrases=["prediction", "returns x @ w", "weights", "wrong variable", "return"],
    misleading=["transpose", "element-wise", "inverse", "bias column", "global"],
    note="The plot cell compares lines, and the learner thinks of the 'answer' as the fitted values.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    # add the bias column
    X_b = np.column_stack([np.ones(X.shape[0]), X])
    return np.linalg.inv(X_b.T @ X_b) @ X_b.T @ y
""",
    cause="Adds a column of ones although X already has the bias column, so XᵀX becomes singular and the weights have the wrong length.",
    phrases=["bias column", "column of ones", "already", "duplicate", "singular", "twice"],
    misleading=["transpose", "element-wise", "global", "order", "reciprocal"],
    note="The lesson says 'add a column of ones'; the learner does it again inside the function.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    y = y.reshape(-1, 1)  # targets are a column vector n x 1
    return np.linalg.inv(X.T @ X) @ X.T @ y
""",
    cause="Reshapes y to a column, so the weights come back with shape (d+1, 1) instead of the (d+1,) that matches the y given.",
    phrases=["shape", "(d+1, 1)", "column", "1-d", "reshape", "(n,)"],
    misleading=["transpose", "bias column", "inverse", "element-wise", "global"],
    note="The lesson writes y as n×1, so the learner forces that shape although the data is 1-D.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def normal_equation(X, y):
    XtX_inv = 1 / (X.T @ X)
    return XtX_inv @ X.T @ y
""",
    cause="Takes the element-wise reciprocal 1/(XᵀX) instead of the matrix inverse np.linalg.inv.",
    phrases=["np.linalg.inv", "matrix inverse", "reciprocal", "element-wise", "1 /", "inverse"],
    misleading=["transpose", "bias column", "global", "order", "reshape"],
    note="The superscript ⁻¹ reads like 'one over'.",
)


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

n_datapoints, n_weights = X.shape
print(n_datapoints, n_weights)
""",
    note="Unpacks the shape tuple in one line.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = len(X)          # one row per flower
n_weights = np.shape(X)[-1]    # one weight per measurement, bias not counted
""",
    note="Uses len(X) and np.shape(X)[-1] instead of X.shape[0] and X.shape[1].",
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
    cause="Swaps the two shape entries: rows are data points and columns are features, not the other way round.",
    phrases=["swapped", "rows", "columns", "shape[0]", "the other way"],
    misleading=["bias", "classes", "binary", "size", "species"],
    note="Beginners often forget which index of .shape is rows.",
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
n_weights = X.shape[1] + 1  # plus the bias
""",
    cause="Counts the bias weight although the question asks for the number of weights not counting the bias.",
    phrases=["bias", "not counting", "excluding", "+ 1", "plus one"],
    misleading=["swapped", "rows", "classes", "size", "binary"],
    note="The lesson just explained w has d+1 entries, so the learner adds one.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

n_datapoints = X.size
n_weights = X.shape[1]
""",
    cause="Uses X.size, the number of entries (150·4 = 600), instead of the number of rows.",
    phrases=["size", "elements", "entries", "600", "rows", "shape[0]"],
    misleading=["bias", "swapped", "classes", "binary", "columns"],
    note="In some languages size means length; in NumPy it is the total element count.",
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
n_weights = len(np.unique(y))  # one weight per species
""",
    cause="Gives the number of classes (3 species) instead of the number of features (4 measurements).",
    phrases=["classes", "species", "features", "measurements", "columns"],
    misleading=["bias", "swapped", "rows", "size", "600"],
    note="Confuses the output dimension with the input dimension.",
)

_add(
    E,
    "mistake",
    """
import numpy as np
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

# logistic regression only uses two species
n_datapoints = X[y != 2].shape[0]
n_weights = X.shape[1]
""",
    cause="Counts only the two species used later for logistic regression (100) instead of all data points in the data set (150).",
    phrases=["100", "all 150", "whole data set", "virginica", "filter", "all three"],
    misleading=["bias", "swapped", "size", "columns", "classes"],
    note="The learner reads ahead and answers for the filtered binary data.",
)


# ---------------------------------------------------------------------------
E = "1.2 binary cross-entropy"

_add(
    E,
    "correct",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    eps = 1e-12
    p = np.clip(np.asarray(y_hat, dtype=float), eps, 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log1p(-p))
""",
    note="Converts y_hat to a float array first and uses np.log1p(-p) for log(1 - p).",
)

_add(
    E,
    "correct",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    tiny = 1e-12
    log_p = np.log(np.maximum(y_hat, tiny))
    log_not_p = np.log(np.maximum(1.0 - y_hat, tiny))
    return -y * log_p - (1.0 - y) * log_not_p
""",
    note="Guards each log separately with np.maximum instead of clipping y_hat, and distributes the minus sign.",
)

_add(
    E,
    "correct",
    """
import math
import numpy as np


def _bce_one(t, p):
    p = min(max(p, 1e-12), 1 - 1e-12)
    return -(t * math.log(p) + (1 - t) * math.log(1 - p))


def binary_cross_entropy(y, y_hat):
    return np.vectorize(_bce_one, otypes=[float])(y, y_hat)
""",
    note="Writes the loss for one pair with math.log and scalar min/max, then applies it element-wise with np.vectorize.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="Does not clip y_hat, so y_hat of exactly 0 or 1 gives log(0) = -inf and an infinite or nan loss.",
    phrases=["clip", "log(0)", "inf", "nan", "epsilon", "exactly 0 or 1"],
    misleading=["sign", "mean", "average", "swapped", "parenthes"],
    note="The textbook formula, typed as is; right on every input except saturated probabilities.",
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
    cause="Averages the losses into one number instead of returning one loss per sample.",
    phrases=["mean", "average", "per sample", "one loss per", "scalar", "single number"],
    misleading=["clip", "sign", "log(0)", "swapped", "parenthes"],
    note="Loss functions in libraries usually return the mean, so the learner reduces too early.",
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
    cause="Leaves out the leading minus sign, so the loss is negative (the log-likelihood).",
    phrases=["minus", "sign", "negative", "negate", "log-likelihood"],
    misleading=["clip", "mean", "log(0)", "swapped", "precedence"],
    note="The minus in front of the bracket is easy to drop.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    eps = 1e-12
    y = np.clip(y, eps, 1 - eps)
    return -(y_hat * np.log(y) + (1 - y_hat) * np.log(1 - y))
""",
    cause="Mixes up y and y_hat: takes the log of the true label and weights it by the prediction.",
    phrases=[
        "swapped",
        "mixed up",
        "y and y_hat",
        "log of the label",
        "log of the target",
        "the other way round",
    ],
    misleading=["clip", "sign", "mean", "log(0)", "precedence"],
    note="With the arguments named y and y_hat the learner reads the formula with the roles reversed.",
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
    cause="Uses math.log, which only accepts single numbers, so it fails on arrays of samples.",
    phrases=["math.log", "math module", "np.log", "array", "element-wise", "scalar"],
    misleading=["clip", "sign", "mean", "swapped", "precedence"],
    note="math.log is what Python beginners know; it works on the single number they try first.",
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
    cause="The minus sign only applies to the first term because the brackets around the sum are missing, so the (1 - y) term has the wrong sign.",
    phrases=["bracket", "parenthes", "second term", "sign", "minus"],
    misleading=["clip", "mean", "log(0)", "swapped", "math.log"],
    note="Dropping the outer brackets when typing -(a + b) is a common slip; for y = 1 it is still right.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + 1 - y * np.log(1 - y_hat))
""",
    cause="Writes 1 - y * log(1 - y_hat) instead of (1 - y) * log(1 - y_hat): operator precedence makes it a different expression.",
    phrases=["precedence", "parenthes", "bracket", "(1 - y)", "1 - y"],
    misleading=["clip", "mean", "sign", "swapped", "math.log"],
    note="Missing brackets around (1 - y), as one types it from a formula.",
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
    cause="Branches with a Python if on y, which only works for a single number; for arrays the truth value is ambiguous and it raises.",
    phrases=["if", "truth value", "ambiguous", "array", "element-wise", "np.where"],
    misleading=["clip", "sign", "mean", "swapped", "precedence"],
    note="The lesson explains the two cases y = 1 and y = 0 separately, which suggests an if/else.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 0, 1)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
""",
    cause="Clips y_hat to [0, 1], which still contains 0 and 1, so log(0) = -inf still occurs.",
    phrases=["clip", "log(0)", "epsilon", "bounds", "inf", "exactly 0"],
    misleading=["sign", "mean", "swapped", "precedence", "math.log"],
    note="The learner remembers 'clip' from the hint but clips to the valid probability range instead of away from the ends.",
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
    cause="Clips with a far too large epsilon (0.01), which caps the loss at about 4.6 and changes it for any confident prediction.",
    phrases=["clip", "0.01", "too large", "epsilon", "cap", "bound"],
    misleading=["sign", "mean", "swapped", "precedence", "math.log"],
    note="A visible-looking epsilon feels safer; right for moderate probabilities, wrong near 0 or 1.",
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
    cause="Clips by assigning into y_hat, which modifies the caller's array in place (and cannot hold the epsilon if the array is integer).",
    phrases=["in place", "in-place", "modif", "mutat", "copy", "caller"],
    misleading=["sign", "mean", "swapped", "precedence", "math.log"],
    note="np.asarray does not copy an existing array, which beginners do not expect.",
)


# ---------------------------------------------------------------------------
E = "1.2 gradient"

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return np.multiply(np.subtract(y_hat, y), x_i)
""",
    note="Spells out the arithmetic with np.subtract and np.multiply.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = float(np.squeeze(y_hat)) - float(np.squeeze(y))
    gradient = np.empty(len(x_i))
    for j in range(len(x_i)):
        gradient[j] = error * x_i[j]
    return gradient
""",
    note="Turns the error into a Python float and fills a float array component by component in a loop.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    x_i = np.asarray(x_i, dtype=float)
    return -(y - y_hat) * x_i.T  # .T does nothing to a 1-D row, as the lesson's hint suggests
""",
    note="Writes -(y - y_hat) and keeps the lesson's harmless .T on a 1-D array.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return (y - y_hat) * x_i
""",
    cause="The error has the wrong sign: (y - y_hat) instead of (y_hat - y), so the gradient points downhill.",
    phrases=["sign", "y_hat - y", "reversed", "opposite", "minus"],
    misleading=["transpose", "shape", "outer", "learning rate", "sigmoid derivative"],
    note="'Target minus prediction' is how people usually write an error.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    dL_dyhat = (y_hat - y) / (y_hat * (1 - y_hat))
    dyhat_dz = y_hat * (1 - y_hat)
    return dL_dyhat * dyhat_dz * dyhat_dz * x_i
""",
    cause="Multiplies by the sigmoid derivative ŷ(1-ŷ) one time too many, so the factor that should cancel remains.",
    phrases=["y_hat * (1 - y_hat)", "sigmoid derivative", "cancel", "extra factor", "twice"],
    misleading=["sign", "transpose", "shape", "learning rate", "outer"],
    note="Following the three-factor chain rule by hand and reusing a variable one time too many.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)
""",
    cause="Uses an outer product, which returns a 2-D column (d+1, 1) instead of a 1-D vector with the shape of x_i.",
    phrases=["shape", "outer", "(d+1, 1)", "column", "2-d", "extra dimension"],
    misleading=["sign", "sigmoid derivative", "learning rate", "bias", "average"],
    note="Reading 'x_iᵀ' as 'make it a column' or copying the softmax formula.",
)

_add(
    E,
    "mistake",
    """
import numpy as np

learning_rate = 0.01


def calc_gradient(y, y_hat, x_i):
    return learning_rate * (y_hat - y) * x_i
""",
    cause="Multiplies the gradient by a global learning rate, so it returns the update step rather than the gradient.",
    phrases=["learning rate", "learning_rate", "global", "0.01", "step", "scaled"],
    misleading=["sign", "transpose", "shape", "sigmoid derivative", "outer"],
    note="The learner writes the whole update formula in the gradient function.",
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
    cause="Multiplies x_i in place, overwriting the caller's data row (and failing for integer inputs).",
    phrases=["in place", "in-place", "modif", "overwrit", "*=", "mutat"],
    misleading=["sign", "transpose", "sigmoid derivative", "learning rate", "outer"],
    note="*= looks like a harmless shorthand; the data matrix silently changes during training.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    predicted_class = np.round(y_hat)
    return (predicted_class - y) * x_i
""",
    cause="Rounds y_hat to a class (0 or 1) before taking the error; the gradient needs the probability itself.",
    phrases=["round", "class", "probability", "threshold", "0.5"],
    misleading=["sign", "transpose", "learning rate", "shape", "sigmoid derivative"],
    note="Mixes the gradient with the perceptron rule or the 0.5 cut-off from the lesson.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = np.squeeze(y_hat - y)
    gradient = np.zeros_like(x_i)
    for j in range(len(x_i)):
        gradient[j] = error * x_i[j]
    return gradient
""",
    cause="np.zeros_like(x_i) copies x_i's dtype, so for an integer x_i the gradient is stored in an integer array and truncated.",
    phrases=["integer", "int", "dtype", "zeros_like", "truncat", "float"],
    misleading=["sign", "transpose", "learning rate", "sigmoid derivative", "outer"],
    note="Right for float data, wrong when x_i holds whole numbers.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def calc_gradient(y, y_hat, x_i):
    error = float(np.squeeze(y_hat - y))
    gradient = np.zeros(len(x_i))
    for j in range(1, len(x_i)):
        gradient[j] = error * x_i[j]
    return gradient
""",
    cause="The loop starts at 1, so the bias component of the gradient is always left at 0.",
    phrases=["bias", "first component", "index 0", "off-by-one", "range(1", "skip"],
    misleading=["sign", "learning rate", "sigmoid derivative", "transpose", "integer"],
    note="Starting loops at 1 (maths indexing, or thinking 'skip the column of ones').",
)


# ---------------------------------------------------------------------------
E = "1.2 forward pass"

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    # numerically stable: never exponentiates a large positive number
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1 + ez)
    return out


def forward_pass(x_i, w):
    return sigmoid(np.dot(x_i, w))
""",
    note="A stable two-branch sigmoid and np.dot instead of @.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def forward_pass(x_i, w):
    z = np.einsum("i,i...->...", x_i, w)  # works for w of shape (d+1,) and (d+1, 1)
    return sigmoid(z)
""",
    note="Uses the tanh identity for the sigmoid and einsum for the weighted sum.",
)

_add(
    E,
    "correct",
    """
import numpy as np
from scipy.special import expit


def sigmoid(z):
    return expit(z)


def forward_pass(x_i, w):
    return sigmoid(w.T @ x_i)
""",
    note="scipy.special.expit as the sigmoid, and wᵀx instead of xw (same value and shape).",
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
    cause="Operator precedence: 1 / 1 + np.exp(-z) is 1 + e^(-z), not 1 / (1 + e^(-z)).",
    phrases=["precedence", "parenthes", "bracket", "1 / (1 +", "order of operations"],
    misleading=["sign", "transpose", "broadcast", "bias", "overflow"],
    note="Typing the fraction on one line without brackets.",
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
    cause="The exponent lacks its minus sign, so this computes σ(-z) = 1 - σ(z).",
    phrases=["sign", "minus", "-z", "exp(z)", "negative"],
    misleading=["precedence", "transpose", "broadcast", "bias", "overflow"],
    note="The minus in e^(-z) is easy to miss.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    z = np.sum(x_i * w)
    return sigmoid(z)
""",
    cause="x_i * w broadcasts a row (d+1,) against a column w of shape (d+1, 1) into a (d+1, d+1) matrix, so the sum adds every pair of products, not only matching ones.",
    phrases=["broadcast", "column", "(5, 1)", "(d+1, 1)", "every pair", "matrix product"],
    misleading=["sign", "precedence", "bias", "overflow", "threshold"],
    note="Element-wise multiply and sum is the textbook dot product, and it is right when w is 1-D.",
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
    cause="Returns the logit z without applying the sigmoid, so it is not a probability.",
    phrases=["sigmoid", "logit", "probability", "between 0 and 1", "squash"],
    misleading=["sign", "transpose", "broadcast", "precedence", "overflow"],
    note="Defines sigmoid but forgets to call it (the linear-regression habit).",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(w @ x_i)
""",
    cause="Puts w first: w @ x_i multiplies a (d+1, 1) column by a (d+1,) vector, which fails; the product is x_i @ w.",
    phrases=["order", "x_i @ w", "w @ x_i", "transpose", "shape mismatch", "operand"],
    misleading=["sign", "sigmoid", "precedence", "bias", "overflow"],
    note="In maths texts the weights often come first (wᵀx); works when w is 1-D, crashes for a column.",
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
    return (probability > 0.5).astype(float)
""",
    cause="Thresholds the probability at 0.5 and returns the predicted class instead of the probability.",
    phrases=["threshold", "class", "0.5", "probability", "round"],
    misleading=["sign", "precedence", "transpose", "broadcast", "overflow"],
    note="The lesson mentions the 0.5 cut-off right next to the sigmoid.",
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
    cause="The form e^z / (1 + e^z) overflows for large positive logits and gives inf/inf = nan.",
    phrases=["overflow", "nan", "large", "stable", "inf"],
    misleading=["sign", "precedence", "transpose", "bias", "broadcast"],
    note="An equivalent textbook form of the sigmoid; correct except for large logits.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    x_with_bias = np.append(1.0, x_i)  # put the bias in front
    return sigmoid(x_with_bias @ w)
""",
    cause="Adds a bias entry to x_i although it already starts with the 1 for the bias, so x_i has one entry too many for w.",
    phrases=["bias", "column of ones", "already", "extra", "one entry too many"],
    misleading=["sign", "precedence", "sigmoid", "transpose", "overflow"],
    note="The lesson stresses putting a 1 in front; the learner does it again.",
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
    return np.subtract(w.T, learning_rate * gradient).T
""",
    note="Transposes w to a row, subtracts, and transposes back (the lesson's way); works for (d+1,) and (d+1, 1).",
)

_add(
    E,
    "correct",
    """
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(np.dot(x_i, w))


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    w_new = np.array(w, dtype=float, copy=True)
    flat = w_new.reshape(-1)  # a view on w_new
    for j in range(flat.size):
        flat[j] -= learning_rate * gradient[j]
    return w_new
""",
    note="Copies w and updates each weight in a loop through a flat view, so the original shape is kept.",
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
    if w.ndim == 2:
        gradient = gradient[:, np.newaxis]
    return w - learning_rate * gradient
""",
    note="Adds the column axis with np.newaxis only when w is a column, instead of reshape(w.shape).",
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
    cause="Subtracts a (d+1,) gradient from a (d+1, 1) column w, which broadcasts to a (d+1, d+1) matrix instead of keeping w's shape.",
    phrases=["broadcast", "reshape", "shape of w", "(5, 5)", "column", "(d+1, d+1)"],
    misleading=["sign", "learning rate", "in place", "sigmoid", "global"],
    note="The update formula typed literally; NumPy silently broadcasts (n,) against (n,1).",
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
    cause="Adds the gradient instead of subtracting it, so the step goes uphill (gradient ascent).",
    phrases=["sign", "plus", "minus", "ascent", "uphill", "against the gradient"],
    misleading=["reshape", "broadcast", "in place", "learning rate", "global"],
    note="'Move in the direction of the gradient' is a common misreading.",
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
    cause="Updates w in place with -=, so the caller's weight array (for example the starting weights) is changed too.",
    phrases=["in place", "in-place", "-=", "modif", "mutat", "copy"],
    misleading=["sign", "broadcast", "learning rate", "reshape", "global"],
    note="-= is idiomatic in PyTorch-style code; the returned value is right, the side effect is not.",
)

_add(
    E,
    "mistake",
    """
import numpy as np

lr = 0.01


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    return sigmoid(x_i @ w)


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - lr * gradient.reshape(w.shape)
""",
    cause="Uses a global lr = 0.01 and ignores the learning_rate parameter.",
    phrases=[
        "global",
        "ignor",
        "learning_rate parameter",
        "learning rate argument",
        "0.01",
        "hard-coded",
    ],
    misleading=["sign", "broadcast", "in place", "reshape", "sigmoid"],
    note="A leftover variable from experimenting; right whenever the rate happens to be 0.01.",
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
    cause="Passes y_hat and y_i to calc_gradient in the wrong order, which flips the sign of the gradient.",
    phrases=["swapped", "argument order", "order of the arguments", "arguments", "y_hat and y"],
    misleading=["broadcast", "in place", "learning rate", "reshape", "sigmoid"],
    note="The helper's signature (y, y_hat, x_i) puts the target first, which is easy to forget.",
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
    y_hat = forward_pass(w, x_i)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="Calls forward_pass(w, x_i) with the arguments swapped, so it computes w @ x_i, which fails for a column w.",
    phrases=[
        "swapped",
        "argument order",
        "forward_pass(x_i, w)",
        "order of the arguments",
        "arguments",
    ],
    misleading=["sign", "in place", "learning rate", "reshape", "sigmoid"],
    note="sgd_step takes w first, forward_pass takes x_i first.",
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
    w_new = w - learning_rate * gradient.reshape(w.shape)
    return gradient
""",
    cause="Returns the gradient instead of the updated weights.",
    phrases=["return", "returns the gradient", "new weights", "wrong variable", "w_new"],
    misleading=["sign", "broadcast", "learning rate", "in place", "sigmoid"],
    note="Returning the last thing computed before renaming variables.",
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
    return w - learning_rate * gradient.reshape(5, 1)
""",
    cause="Reshapes the gradient to a hard-coded (5, 1), which only fits the Iris weights and breaks for any other size or a 1-D w.",
    phrases=["hard-coded", "hardcoded", "(5, 1)", "w.shape", "other sizes", "general"],
    misleading=["sign", "in place", "learning rate", "broadcast", "sigmoid"],
    note="The exercise text says w is (5, 1), so the learner types exactly that.",
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


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def sgd_step(w, x_i, y_i, learning_rate):
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
""",
    cause="The helper forward_pass returns the logit without the sigmoid, so the step uses z instead of a probability.",
    phrases=["sigmoid", "forward_pass", "logit", "probability", "helper"],
    misleading=["sign", "broadcast", "reshape", "in place", "learning rate"],
    note="The mistake is in the helper; sgd_step itself is written correctly.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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


def run(lr, k):
    w0 = np.random.default_rng(10 + k).standard_normal((5, 1))
    w_trained, _ = train_logistic_regression(w0, X_binary, y_binary, 20, lr, seed=k, report=False)
    return accuracy_percent(w_trained, X_binary, y_binary)


accuracies = {lr: run(lr, k) for k, lr in enumerate(learning_rates)}
print(accuracies)
""",
    note="A dict comprehension with a different fresh random start (and sample order) per learning rate.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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


learning_rates = [0.1, 0.01, 0.001, 0.0001]
np.random.seed(0)
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.randn(5, 1)
    w_lr, losses = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    probabilities = 1 / (1 + np.exp(-(X_binary @ w_lr).ravel()))
    accuracies[lr] = 100.0 * np.mean((probabilities > 0.5) == y_binary)
print(accuracies)
""",
    note="Uses the legacy np.random.seed/randn for the starts and computes the accuracy in percent with one vectorised matrix product instead of accuracy_percent.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    correct = 0
    for x_i, y_i in zip(X_binary, y_binary):
        if (forward_pass(x_i, w_lr).item() > 0.5) == y_i:
            correct += 1
    accuracies[lr] = correct // len(y_binary) * 100
print(accuracies)
""",
    cause="Computes the accuracy with integer division (correct // n), which is 0 unless every flower is right, so the percentages are 0 or 100.",
    phrases=["integer division", "//", "floor", "integer", "rounds down"],
    misleading=["fresh", "learning rate", "keys", "fraction", "random start"],
    note="Writes its own accuracy count and reaches for // (or is used to Python 2 division). Subtle: the values are still 0-100 numbers and the large rates still show 100.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    predictions = (X_binary @ w_lr).ravel() > 0
    accuracies[lr] = float(np.mean(predictions == y_binary))
print(accuracies)
""",
    cause="Stores the accuracy as a fraction between 0 and 1 instead of a percentage.",
    phrases=["percent", "percentage", "fraction", "100", "0 to 1", "scale"],
    misleading=["fresh", "learning rate", "keys", "integer division", "random start"],
    note="np.mean of the correct predictions is the natural accuracy; the exercise asks for percent.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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
w_lr = np.random.default_rng(2).standard_normal((5, 1))
for lr in learning_rates:
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="Creates the random weights once, before the loop, so each learning rate continues from the previous run's trained weights instead of a fresh start.",
    phrases=[
        "fresh",
        "re-initial",
        "reinitial",
        "inside the loop",
        "previous run",
        "continues training",
    ],
    misleading=["percent", "integer division", "keys", "learning rate is ignored", "fraction"],
    note="Initialisation looks like setup code that belongs above the loop; later (smaller) rates then look just as good. Subtle: every value is a plausible accuracy.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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
    phrases=["string", "str(", "keys", "key type", "float key"],
    misleading=["percent", "fresh", "integer division", "fraction", "learning rate is ignored"],
    note="Converting to str for nicer printing, or from an f-string label.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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


learning_rates = [0.1, 0.01, 0.001, 0.0001]
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, loss_history = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    accuracies[lr] = loss_history[-1]
print(accuracies)
""",
    cause="Stores the final mean loss of each run instead of the accuracy.",
    phrases=["loss", "accuracy", "accuracy_percent", "wrong quantity", "loss_history"],
    misleading=["percent", "fresh", "keys", "integer division", "learning rate is ignored"],
    note="train_logistic_regression returns the loss history, which is the number at hand.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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
    w_lr = np.random.default_rng(5).standard_normal((5, 1))
    w_trained, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="Measures the accuracy of the untrained starting weights (w_lr) instead of the trained ones it got back.",
    phrases=[
        "untrained",
        "starting weights",
        "trained weights",
        "returned",
        "wrong variable",
        "w_trained",
    ],
    misleading=["percent", "keys", "integer division", "learning rate is ignored", "fraction"],
    note="Gives the result a new name and then passes the old name on.",
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
    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)


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
for lr in learning_rates:
    accuracies = {}
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
print(accuracies)
""",
    cause="Creates the empty dict inside the loop, so it is reset on every learning rate and only the last one (0.0001) is left.",
    phrases=["inside the loop", "reset", "only the last", "overwrit", "re-created", "one entry"],
    misleading=["percent", "fresh", "string", "integer division", "fraction"],
    note="Initialisation placed inside the loop next to the other per-run set-up lines.",
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
    return scipy_softmax(np.asarray(z, dtype=float), axis=-1)
""",
    note="Delegates to scipy.special.softmax along the last axis (which is stable).",
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
    note="Computes exp(z - logsumexp(z)) instead of dividing by a sum of exponentials.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def _softmax_1d(v):
    shifted = v - v.max()
    e = np.exp(shifted)
    return e / e.sum()


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        return _softmax_1d(z)
    out = np.empty_like(z)
    for i in range(z.shape[0]):
        out[i] = _softmax_1d(z[i])
    return out
""",
    note="Handles one sample and a batch separately, looping over the rows of a batch.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=float)
    m = np.max(z, axis=-1)[..., np.newaxis]
    e = np.exp(z - m)
    return e / e.sum(axis=-1)[..., np.newaxis]
""",
    note="Restores the reduced axis with [..., np.newaxis] instead of keepdims=True.",
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
    cause="Normalises along axis 0, so for a batch (n, K) the columns sum to 1 instead of each sample's row.",
    phrases=["axis", "axis=0", "last axis", "axis=-1", "rows", "columns"],
    misleading=["overflow", "stable", "keepdims", "in place", "exp"],
    note="The lesson's own example uses axis=0, which is right for one sample.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e)
""",
    cause="Divides by the sum of all entries, not per sample, so in a batch the rows do not each sum to 1.",
    phrases=["axis", "whole batch", "all entries", "per row", "each sample", "sum over"],
    misleading=["overflow", "stable", "keepdims", "in place", "sigmoid"],
    note="np.sum without an axis is right for a single sample, the case the learner tested.",
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
    cause="Does not subtract the maximum first, so large logits overflow to inf and give nan.",
    phrases=["overflow", "stable", "subtract the max", "max", "nan", "large"],
    misleading=["axis", "keepdims", "in place", "sigmoid", "transpose"],
    note="The formula as written; right for ordinary logits.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=1)
""",
    cause="Sums along axis 1 without keepdims: for one sample (K,) there is no axis 1, and for a batch (n, K) the (n,) sums broadcast along the wrong axis.",
    phrases=["keepdims", "axis=1", "broadcast", "1-d", "single sample", "last axis"],
    misleading=["overflow", "stable", "in place", "sigmoid", "exp"],
    note="Thinking only of the batch case, and forgetting that a reduced axis disappears.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z = z - np.max(z, axis=-1)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
""",
    cause="Takes the row maximum without keepdims, so for a batch the (n,) maxima are subtracted along the wrong axis (or fail to broadcast).",
    phrases=["keepdims", "broadcast", "max", "per row", "shape"],
    misleading=["overflow", "axis=0", "in place", "sigmoid", "exp"],
    note="keepdims is remembered for the sum but not for the max; right for one sample.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    return z / np.sum(z, axis=-1, keepdims=True)
""",
    cause="Normalises the logits themselves, without exponentiating, so negative logits give negative 'probabilities'.",
    phrases=["exp", "exponential", "negative", "e^z", "np.exp"],
    misleading=["axis", "keepdims", "overflow", "max", "in place"],
    note="'Divide by the sum so it sums to 1' is remembered, the exponential is not.",
)

_add(
    E,
    "mistake",
    """
import math
import numpy as np


def softmax(z):
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.array([math.exp(v) for v in shifted])
    return e / np.sum(e, axis=-1, keepdims=True)
""",
    cause="Uses math.exp in a loop over the first axis, which works for one sample but fails for a batch, where each item is a whole row.",
    phrases=["math.exp", "math", "np.exp", "batch", "2-d", "row"],
    misleading=["overflow", "keepdims", "axis=0", "sign", "in place"],
    note="A Python loop with math.exp is what a non-NumPy programmer writes first.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= np.sum(z, axis=-1, keepdims=True)
    return z
""",
    cause="Works in place on the argument, so the caller's logits are overwritten (and integer input cannot hold the results).",
    phrases=["in place", "in-place", "-=", "modif", "overwrit", "copy"],
    misleading=["overflow", "axis", "keepdims", "exp", "sigmoid"],
    note="Saving memory with in-place operations, as in performance tips.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    probabilities = e / np.sum(e, axis=-1, keepdims=True)
    return e
""",
    cause="Returns the unnormalised exponentials instead of the normalised probabilities.",
    phrases=["return", "normalis", "normaliz", "sum to 1", "wrong variable", "divide"],
    misleading=["overflow", "axis", "keepdims", "in place", "sigmoid"],
    note="Returning the wrong one of two similar variables.",
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
    return softmax(np.dot(W.T, x_i))
""",
    note="Computes Wᵀx with np.dot instead of x @ W.",
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
    logits = np.einsum("i,ik->k", x_i, W)
    return softmax(logits)
""",
    note="Uses einsum for the logits.",
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
    logits = np.array([x_i @ W[:, c] for c in range(n_classes)])
    return softmax(logits)
""",
    note="One logit per class from each column of W, in a list comprehension.",
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
    cause="Multiplies W @ x_i, (d+1, K) by (d+1,), which does not line up; the logits are x_i @ W (or Wᵀx_i).",
    phrases=["transpose", "order", "x_i @ w", "w.t", "shape mismatch", "operand"],
    misleading=["softmax", "axis", "overflow", "bias", "argmax"],
    note="Weights-first is the usual maths notation (Wx).",
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
    cause="Returns the logits without applying the softmax, so they are not probabilities.",
    phrases=["softmax", "logit", "probabilit", "sum to 1", "normalis", "normaliz"],
    misleading=["transpose", "axis", "overflow", "bias", "argmax"],
    note="Defines softmax but forgets to call it.",
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
    probabilities = softmax(x_i @ W)
    return np.argmax(probabilities)
""",
    cause="Returns the index of the most likely class instead of the vector of class probabilities.",
    phrases=["argmax", "class index", "probabilit", "predicted class", "vector"],
    misleading=["transpose", "overflow", "axis", "bias", "sigmoid"],
    note="The lesson says the prediction is the class with the largest probability.",
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
    cause="Applies the sigmoid to each class's logit separately instead of the softmax, so the probabilities do not sum to 1.",
    phrases=["sigmoid", "softmax", "sum to 1", "normalis", "normaliz", "independent"],
    misleading=["transpose", "overflow", "axis", "argmax", "bias"],
    note="Reusing the logistic-regression forward pass, one sigmoid per class.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)
""",
    cause="The helper softmax does not subtract the maximum, so large logits overflow and the forward pass returns nan.",
    phrases=["overflow", "stable", "max", "nan", "inf", "large"],
    misleading=["transpose", "argmax", "sigmoid", "axis", "bias"],
    note="The helper is the textbook formula; the forward pass itself is right.",
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
    z = np.sum(x_i[:, np.newaxis] * W, axis=1)
    return softmax(z)
""",
    cause="Sums the products over axis 1 (the classes) instead of axis 0 (the features), giving d+1 values instead of K logits.",
    phrases=["axis", "axis=0", "sum over", "features", "shape", "(k,)"],
    misleading=["overflow", "sigmoid", "argmax", "transpose", "bias"],
    note="Writing the matrix product by hand and picking the wrong axis to sum.",
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
    z = np.zeros(3)
    for c in range(3):
        z[c] = x_i @ W[:, c]
    return softmax(z)
""",
    cause="Hard-codes 3 classes, so it fails or drops classes when W has a different number of columns.",
    phrases=["hard-coded", "hardcoded", "3", "number of classes", "w.shape[1]", "k"],
    misleading=["overflow", "transpose", "sigmoid", "axis", "argmax"],
    note="Iris has three species, so 3 feels like a constant.",
)


# ---------------------------------------------------------------------------
E = "1.4 gradient"

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return x_i[:, None] * (y_hat - y)[None, :]
""",
    note="Builds the outer product by broadcasting a column against a row.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.einsum("i,k->ik", x_i, np.subtract(y_hat, y))
""",
    note="Outer product written with einsum.",
)

_add(
    E,
    "correct",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    y_hat = np.expand_dims(y_hat, axis=1)
    y = np.expand_dims(y, axis=1)
    x_i = np.expand_dims(x_i, axis=1)
    return np.dot(x_i, (y_hat - y).T)
""",
    note="Makes all three vectors explicit columns and multiplies a column by a row, as the lesson's hint describes.",
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
    phrases=["transpose", "order", "(k, d+1)", "shape of w", "swapped", "outer(x_i"],
    misleading=["sign", "one-hot", "axis", "softmax derivative", "averag"],
    note="The error term comes first in the binary case, so it is put first here too.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.dot(x_i, (y_hat - y).T)
""",
    cause="Uses np.dot with .T on 1-D arrays, which does not make a column or a row, so it tries an inner product of vectors of different lengths instead of an outer product.",
    phrases=["outer", "np.outer", "1-d", ".t does nothing", "transpose of a 1-d", "inner product"],
    misleading=["sign", "one-hot", "softmax derivative", "averag", "axis"],
    note="Exactly the pitfall the lesson's hint warns about: .T on a 1-D array is a no-op.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y - y_hat)
""",
    cause="The error has the wrong sign: y - y_hat instead of y_hat - y.",
    phrases=["sign", "minus", "y_hat - y", "reversed", "opposite"],
    misleading=["transpose", "outer", "one-hot", "shape", "averag"],
    note="'Target minus prediction' habit.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    y_one_hot = np.eye(len(y_hat))[y]
    return np.outer(x_i, y_hat - y_one_hot)
""",
    cause="One-hot encodes y again although it is already a one-hot vector; indexing np.eye with a float vector fails.",
    phrases=["one-hot", "already", "np.eye", "index", "label"],
    misleading=["sign", "transpose", "outer", "averag", "softmax derivative"],
    note="Remembering the np.eye trick from the notebook's data preparation and applying it in the wrong place.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    true_class = np.argmax(y)
    gradient = np.zeros((len(x_i), len(y_hat)))
    gradient[:, true_class] = (y_hat[true_class] - 1) * x_i
    return gradient
""",
    cause="Only fills the column of the true class; the other classes also get a gradient y_hat_c · x_i.",
    phrases=["true class", "other classes", "every class", "only one column", "all classes"],
    misleading=["sign", "transpose", "outer", "averag", "one-hot"],
    note="The loss only involves the true class's probability, so the learner thinks only its weights change.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    error = (y_hat - y) * y_hat * (1 - y_hat)
    return np.outer(x_i, error)
""",
    cause="Multiplies by the softmax diagonal derivative ŷ(1-ŷ), which cancels in the cross-entropy gradient and must not appear.",
    phrases=["y_hat * (1 - y_hat)", "softmax derivative", "extra factor", "cancel", "derivative"],
    misleading=["sign", "transpose", "outer", "one-hot", "averag"],
    note="Half-remembered chain rule from the appendix.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    y_hat = np.expand_dims(y_hat, axis=1)
    x_i = np.expand_dims(x_i, axis=1)
    return np.dot(x_i, (y_hat - y).T)
""",
    cause="Expands y_hat to a column but not y, so y_hat - y broadcasts a (K, 1) against a (K,) into a (K, K) matrix.",
    phrases=["expand_dims", "broadcast", "(k, k)", "(3, 3)", "y as well", "column"],
    misleading=["sign", "one-hot", "softmax derivative", "averag", "outer"],
    note="The lesson's hint mentions expanding y_hat; the learner does exactly that and nothing more.",
)

_add(
    E,
    "mistake",
    """
import numpy as np


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y) / len(y)
""",
    cause="Divides the gradient by the number of classes, as if averaging, which scales it down.",
    phrases=["divid", "averag", "mean", "number of classes", "scale", "len(y)"],
    misleading=["sign", "transpose", "outer", "one-hot", "softmax derivative"],
    note="Averaging over 'the batch' when the last axis is the classes.",
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
    return np.einsum("i,k->ik", x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    return np.subtract(W, np.multiply(learning_rate, softmax_gradient(y_i, y_hat, x_i)))
""",
    note="einsum gradient and np.subtract/np.multiply for the update.",
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
    W_new = np.array(W, dtype=float)
    for c in range(W.shape[1]):
        W_new[:, c] = W[:, c] - learning_rate * (y_hat[c] - y_i[c]) * x_i
    return W_new
""",
    note="Updates one column (class) at a time on a copy, using the per-class gradient (ŷ_c - y_c) x_i.",
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
    return softmax(np.dot(x_i, W))


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    y_hat = softmax_forward_pass(x_i, W)
    W_new = W.copy()
    W_new -= learning_rate * softmax_gradient(y_i, y_hat, x_i)
    return W_new
""",
    note="Copies W first and then updates the copy in place, so the caller's W is untouched.",
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
    cause="Adds the gradient instead of subtracting it (gradient ascent on the loss).",
    phrases=["sign", "plus", "minus", "ascent", "uphill", "against the gradient"],
    misleading=["transpose", "in place", "one-hot", "learning rate", "shape"],
    note="Sign slip in the update rule.",
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
    cause="Updates W in place with -=, changing the caller's weight matrix as a side effect.",
    phrases=["in place", "in-place", "-=", "modif", "mutat", "copy"],
    misleading=["sign", "transpose", "one-hot", "learning rate", "shape"],
    note="The returned value is right; the side effect shows up only when the old W is reused.",
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
    cause="Calls softmax_gradient with y_hat and y_i swapped, which flips the sign of the gradient.",
    phrases=["swapped", "argument order", "order of the arguments", "arguments", "y_hat and y"],
    misleading=["transpose", "in place", "one-hot", "learning rate", "shape"],
    note="The helper takes the target first, unlike the natural 'prediction, target' order.",
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
    y_hat = x_i @ W
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="Uses the logits x_i @ W as y_hat without the softmax, so the error is not probability minus target.",
    phrases=["softmax", "logit", "forward pass", "probabilit", "softmax_forward_pass"],
    misleading=["sign", "transpose", "in place", "one-hot", "learning rate"],
    note="Inlining the forward pass and forgetting the output function.",
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
    W_new = W.copy()
    for c in range(1, W.shape[1]):
        W_new[:, c] -= learning_rate * (y_hat[c] - y_i[c]) * x_i
    return W_new


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)
""",
    cause="The loop over classes starts at 1, so the weights of the first class are never updated.",
    phrases=["off-by-one", "range(1", "first class", "class 0", "column 0", "skip"],
    misleading=["sign", "transpose", "in place", "one-hot", "learning rate"],
    note="Starting at 1 out of habit (maths indexing, or the bias column).",
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
    return W - 0.01 * softmax_gradient(y_i, y_hat, x_i)
""",
    cause="Hard-codes the step size 0.01 from the training cell instead of using the learning_rate parameter, which is ignored.",
    phrases=[
        "hard-coded",
        "hardcoded",
        "ignor",
        "learning_rate parameter",
        "learning rate argument",
        "0.01",
    ],
    misleading=["sign", "transpose", "in place", "one-hot", "shape"],
    note="The training cell always uses 0.01, so the learner types the number in.",
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
    return W - learning_rate * gradient.T
""",
    cause="Transposes the gradient, which already has W's shape (d+1, K), so the shapes no longer match.",
    phrases=["transpose", ".t", "shape of w", "(d+1, k)", "shape"],
    misleading=["sign", "in place", "one-hot", "learning rate", "softmax"],
    note="The formula has a ᵀ in it, and the learner applies one more.",
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
    step = learning_rate * softmax_gradient(y_i, y_hat, x_i)
    return step
""",
    cause="Returns only the step, learning_rate × gradient, instead of W minus the step.",
    phrases=["return", "w -", "new weights", "wrong variable", "step"],
    misleading=["sign", "transpose", "in place", "one-hot", "learning rate"],
    note="Computes the update term and forgets to apply it.",
)
