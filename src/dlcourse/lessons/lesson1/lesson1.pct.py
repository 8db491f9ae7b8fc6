# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   dlcourse:
#     lesson: lesson1
# ---

# %% [markdown]
# # Lesson 1: linear and logistic regression
#
# Deep networks for images are built from a handful of ideas: a model with **weights**, a
# **loss** that scores its predictions, an **output function** that turns scores into
# probabilities, and an **optimiser** that changes the weights to lower the loss. Linear,
# logistic and softmax regression contain every one of these ideas in their smallest form,
# which makes them the right place to start. They also make it easy to see, later on, what
# **underfitting** (a model too simple for the data), **overfitting** (a model that learns
# the training data by heart and fails on new data) and the trade-off between the two
# (**bias and variance**) look like.
#
# **How to work through this notebook.** Read each section, then complete the code where it
# says `TODO`. Right after each exercise a cell calls a check, for example
# `check.exercise_1_2_gradient(calc_gradient)`. It tries your code on several inputs and
# tells you whether it is right and, if not, which property of a right answer it misses
# (with a score: the share of the properties a right answer has that your code already has,
# not counting those a blank answer has too). Stuck? Run `check.hint()` for a hint about what
# the last failed check found; after you change your code and check it again, the next hint
# goes further (or ask for one: `check.hint(level=2)`). The functions the notebook gives you,
# marked `@check.provided`, say which exercise to fix when your code makes them fail. Talk to
# your colleagues as much as you like, but write the code yourself (switch off AI completion):
# the point is to remember the ideas, not to finish quickly.

# %%
# No dlcourse on a hosted notebook? Upload the course's wheel, then run: %pip install dlcourse-*.whl
# %matplotlib inline
import numpy as np

from dlcourse import plots
from dlcourse.checks import TODO, not_done  # noqa: F401  (used by the exercise stubs)
from dlcourse.data import make_toy_regression
from dlcourse.lessons.lesson1 import check
from dlcourse.media import show_video
from dlcourse.training import gradient_descent_mse

# %% [markdown]
# ## 1. Linear regression
#
# Linear regression predicts a number (a *target*) as a weighted sum of the inputs (the
# *features*), plus a constant. Three arrays describe the problem:
#
# - $\mathbf{y}$, shape $n \times 1$: the $n$ targets we want to predict;
# - $\mathbf{X}$, shape $n \times (d+1)$: one row per observation, one column per feature,
#   and in front an extra column of ones. That column lets the first weight act as the
#   constant term, the **bias**;
# - $\mathbf{w}$, shape $(d+1) \times 1$: the weights, bias first. These are what we learn.
#
# The prediction for all observations at once is one matrix product,
#
# $$\hat{\mathbf{y}} = \mathbf{X}\mathbf{w}.$$
#
# We want predictions close to the targets. The usual score is the **mean squared error**
#
# $$\mathrm{MSE} = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat{y}_i)^2,$$
#
# which, without the factor $1/n$, is the sum of squared errors
# $\mathrm{SSE} = (\mathbf{y} - \mathbf{X}\mathbf{w})^T(\mathbf{y} - \mathbf{X}\mathbf{w})$.
# Squaring makes every error count positively and punishes large errors most.
#
# At the best $\mathbf{w}$ the slope of the SSE is zero in every direction. Its gradient is
# $-2\mathbf{X}^T(\mathbf{y} - \mathbf{X}\mathbf{w})$; setting it to zero gives the
# **normal equation**
#
# $$\mathbf{X}^T\mathbf{X}\,\mathbf{w} = \mathbf{X}^T\mathbf{y}
# \quad\Longrightarrow\quad
# \mathbf{w} = (\mathbf{X}^T\mathbf{X})^{-1}\mathbf{X}^T\mathbf{y},$$
#
# valid when $\mathbf{X}^T\mathbf{X}$ can be inverted. The matrix
# $(\mathbf{X}^T\mathbf{X})^{-1}\mathbf{X}^T$ is the Moore-Penrose pseudoinverse of
# $\mathbf{X}$. So linear regression has a *closed-form* answer: one formula, no iterations.

# %% [markdown]
# A short video shows how the line settles onto the data. If it cannot be shown (no file,
# no network), a figure made from the same idea takes its place: gradient descent moving a
# line step by step towards the best fit.

# %%
VIDEO_URL = (
    "https://raw.githubusercontent.com/RiaanZoetmulder/deep_learning_course/main/"
    "lecture_1/linear_regression.mp4"
)
X_demo, y_demo = make_toy_regression(n_samples=30, noise=0.3, random_state=0)
path = gradient_descent_mse(X_demo, y_demo, np.array([-2.0, -1.0]), learning_rate=0.1, steps=25)
video = show_video(
    "linear_regression.mp4",
    url=VIDEO_URL,
    fallback=lambda: plots.line_fit_progress(X_demo[:, 1], y_demo, path),
)

# %% [markdown]
# ### Exercise 1.1: the normal equation
#
# We make toy data ourselves, from weights we choose, so that we know the right answer.
# Implement `normal_equation(X, y)`, which returns $\mathbf{w}$ from the formula above
# (`np.linalg.inv` inverts a matrix, `@` multiplies matrices, `.T` transposes).

# %%
rng = np.random.default_rng(0)
number_of_datapoints = 20
X = np.ones((number_of_datapoints, 2))  # column 0 stays 1: the bias column
X[:, 1] = rng.standard_normal(number_of_datapoints)
w_real = np.array([0.5, 1.0])  # bias 0.5, slope 1: the answer we hope to recover
y = X @ w_real  # no noise, so y is exactly predictable from X


def normal_equation(X, y):
    """Return the weights w = (XᵀX)⁻¹ Xᵀ y for data X of shape (n, d+1) and targets y (n,)."""
    # BEGIN SOLUTION
    return np.linalg.inv(X.T @ X) @ X.T @ y
    # END SOLUTION
    # STUB: return not_done(np.zeros(X.shape[1]))


check.exercise_1_1_normal_equation(normal_equation)

# %%
w_predicted = normal_equation(X, y)
print("real weights:     ", w_real)
print("predicted weights:", w_predicted)
plots.regression_fit(X[:, 1], y, w_real, w_predicted)

# %% [markdown]
# When your solution is right the dashed line lies exactly on the wide one.
#
# ## 2. Logistic regression
#
# Now the target is not a number but one of two **classes**, written 0 and 1 (a benign or a
# malignant lesion, an image with or without a defect). We want the probability that an input
# belongs to class 1.
#
# The model starts the same way, with a weighted sum called the **logit**,
# $z = \mathbf{x}\mathbf{w} = w_0 + w_1 x_1 + \dots + w_d x_d$, and then squeezes it into the
# interval $(0, 1)$ with the **sigmoid**
#
# $$\hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# $\hat{y}$ is read as the probability of class 1. To decide, compare it with a cut-off,
# usually 0.5: class 1 when $\hat{y} > 0.5$, which is the same as $z > 0$. In neural networks
# the $z$ are called logits as well, and the $\hat{y}$ probabilities.
#
# The figure shows the sigmoid with 20 toy points placed on it at their logits.

# %%
z_points = rng.standard_normal(20) + 0.5
plots.sigmoid_with_data(z_points, (z_points > 0).astype(int))

# %% [markdown]
# ### The loss: binary cross-entropy
#
# Squared error is a poor score for probabilities: a prediction of 0.001 for something that is
# certainly class 1 costs at most 1 under squared error, although the model was confidently
# wrong. **Binary cross-entropy** punishes exactly that:
#
# $$L(y, \hat{y}) = -\big(y \log \hat{y} + (1 - y)\log(1 - \hat{y})\big).$$
#
# For $y = 1$ only $-\log\hat{y}$ remains: near 0 when $\hat{y}$ is near 1, and without bound
# as $\hat{y}$ goes to 0. For $y = 0$ only $-\log(1 - \hat{y})$ remains, the mirror image.
#
# ### Gradient descent and stochastic gradient descent
#
# Because of the sigmoid, setting the derivative to zero no longer gives a formula for
# $\mathbf{w}$. Instead we search: start from a guess, find out which way the loss goes down
# fastest, take a small step that way, and repeat. The direction of steepest *increase* is the
# **gradient** $\nabla L$, so we step against it:
#
# $$\mathbf{w}_{new} = \mathbf{w}_{old} - \lambda \nabla L.$$
#
# The **learning rate** $\lambda$ sets the step size. Too small, and progress is slow; too
# large, and the steps overshoot the minimum and may never settle.
#
# *Gradient descent* (GD) computes the gradient from all data points before each step:
# accurate, but every step costs a pass over the whole data set. *Stochastic gradient descent*
# (SGD) takes one step per data point, using that point's gradient alone (or a few points, a
# *mini-batch*). Each step is cheap and a little noisy, so the path to the minimum zigzags.
#
# ### The gradient of one data point
#
# The chain rule splits the gradient into three factors,
#
# $$\frac{\partial L}{\partial \mathbf{w}} =
# \frac{\partial L}{\partial \hat{y}_i}\,\frac{\partial \hat{y}_i}{\partial z_i}\,
# \frac{\partial z_i}{\partial \mathbf{w}}
# = \frac{\hat{y}_i - y_i}{\hat{y}_i(1 - \hat{y}_i)}\cdot\hat{y}_i(1 - \hat{y}_i)\cdot
# \mathbf{x}_i^T,$$
#
# and the middle factor cancels the denominator of the first (derivations in the appendix):
#
# $$\nabla L = (\hat{y}_i - y_i)\,\mathbf{x}_i^T,
# \qquad
# \mathbf{w}_{new} = \mathbf{w}_{old} - \lambda(\hat{y}_i - y_i)\,\mathbf{x}_i^T.$$
#
# Pick a data point, predict, update; repeat for every point, epoch after epoch.

# %% [markdown]
# ### Exercise 1.2: logistic regression on the Iris flowers
#
# The Iris data set measures 4 things (sepal length and width, petal length and width) of
# flowers of 3 species. First answer two questions **from the data** (use `X.shape`):
#
# 1. How many data points are there?
# 2. Not counting the bias, how many weights does the model need?

# %%
from sklearn import datasets

iris = datasets.load_iris()
X, y = iris.data, iris.target

# BEGIN SOLUTION
n_datapoints = X.shape[0]
n_weights = X.shape[1]
# END SOLUTION
# STUB: n_datapoints = TODO
# STUB: n_weights = TODO
check.exercise_1_2_questions(n_datapoints, n_weights)

# %% [markdown]
# Logistic regression tells two classes apart, so we drop the third species (virginica,
# label 2) and put the column of ones in front.

# %%
keep = y != 2
X_binary = np.column_stack([np.ones(keep.sum()), X[keep]])  # (100, 5)
y_binary = y[keep]  # (100,) of 0 (setosa) and 1 (versicolor)
print(X_binary.shape, y_binary.shape)

# %% [markdown]
# Now the four pieces of the model. Each one has its own check.
#
# **Binary cross-entropy.** Return one loss per sample. Mind that the sigmoid can return
# exactly 0 or 1 for large logits, and that $\log 0 = -\infty$.


# %%
def binary_cross_entropy(y, y_hat):
    """Loss of each sample: y and y_hat are arrays of the same shape (or numbers)."""
    # BEGIN SOLUTION
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    # END SOLUTION
    # STUB: return not_done(np.zeros_like(np.asarray(y_hat, dtype=float)))


check.exercise_1_2_binary_cross_entropy(binary_cross_entropy)

# %% [markdown]
# **The gradient** $(\hat{y}_i - y_i)\,\mathbf{x}_i$ for one sample. It must have the shape of
# $\mathbf{w}$.


# %%
def calc_gradient(y, y_hat, x_i):
    """Gradient of the loss of one sample with respect to w; x_i has shape (d+1,)."""
    # BEGIN SOLUTION
    return (y_hat - y) * x_i
    # END SOLUTION
    # STUB: return not_done(np.zeros_like(x_i))


check.exercise_1_2_gradient(calc_gradient)

# %% [markdown]
# **The forward pass**: the probability $\hat{y} = \sigma(\mathbf{x}_i\mathbf{w})$ for one sample.


# %%
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward_pass(x_i, w):
    """Probability of class 1 for one sample x_i of shape (d+1,)."""
    # BEGIN SOLUTION
    return sigmoid(x_i @ w)
    # END SOLUTION
    # STUB: return not_done(0.5)


check.exercise_1_2_forward_pass(forward_pass)

# %% [markdown]
# **The SGD update** for one sample: predict with the current weights, compute the gradient,
# step against it. The weights must keep their shape: here `w` is a column of shape (5, 1),
# as in many textbooks, while `x_i` is a row of shape (5,).


# %%
def sgd_step(w, x_i, y_i, learning_rate):
    """Return the weights after one SGD step on sample (x_i, y_i), with the shape of w."""
    # BEGIN SOLUTION
    y_hat = forward_pass(x_i, w)
    gradient = calc_gradient(y_i, y_hat, x_i)
    return w - learning_rate * gradient.reshape(w.shape)
    # END SOLUTION
    # STUB: return not_done(w)


check.exercise_1_2_sgd_step(sgd_step)

# %% [markdown]
# With the pieces in place, the training loop visits every flower once per epoch, in a new
# random order, and records the mean loss of the epoch. If your pieces are right, the loss
# goes down.


# %%
@check.provided
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


w_start = np.random.default_rng(1).standard_normal((5, 1))
w, loss_history = train_logistic_regression(w_start, X_binary, y_binary, 20, 0.01)
plots.loss_curve(loss_history, "mean binary cross-entropy", "Logistic regression (SGD)")

# %% [markdown]
# ### Exercise 1.3: the learning rate
#
# `accuracy_percent` below counts how many flowers the weights classify correctly. Train a
# model for 20 epochs, from fresh random weights, for each of the learning rates
# 0.1, 0.01, 0.001 and 0.0001, and store the accuracies in a dict `accuracies`
# (learning rate -> accuracy).


# %%
@check.provided
def accuracy_percent(w, X, y):
    predictions = np.array([np.asarray(forward_pass(x_i, w)).item() > 0.5 for x_i in X])
    return float(100.0 * np.mean(predictions == y))


learning_rates = [0.1, 0.01, 0.001, 0.0001]
# BEGIN SOLUTION
accuracies = {}
for lr in learning_rates:
    w_lr = np.random.default_rng(2).standard_normal((5, 1))
    w_lr, _ = train_logistic_regression(w_lr, X_binary, y_binary, 20, lr, report=False)
    accuracies[lr] = accuracy_percent(w_lr, X_binary, y_binary)
# END SOLUTION
# STUB: accuracies = TODO
print(accuracies)
check.exercise_1_3_learning_rates(accuracies)

# %% [markdown]
# **Questions.**
#
# 1. How does the accuracy depend on the learning rate, and why?
# 2. *Bonus:* run the experiment again with other random starts. Do you get the same numbers?
#    What in the procedure is random?
# 3. *Bonus:* some runs reach 100%. Would the model also be 100% right on flowers it has not
#    seen? Why, or why not?
#
# BEGIN SOLUTION
# *Answers.* (1) With 20 epochs fixed, the step size limits how far the weights travel: at
# 0.1 and 0.01 they always reach a boundary that separates the species, at 0.001 and 0.0001
# the outcome still depends on the random start. (2) The starting weights and the order of
# the samples are random; small learning rates leave the start visible. (3) Not guaranteed:
# this is training accuracy. Only held-out data can tell; for these two well-separated
# species it usually holds, for overlapping species it does not.
# END SOLUTION
# STUB: *Your answers here.*

# %% [markdown]
# ## 3. Softmax regression
#
# With more than two classes, each class $c$ gets its own weight vector $\mathbf{w}_c$, and
# the vectors are the columns of a matrix $\mathbf{W}$ of shape $(d+1) \times K$. One matrix
# product gives every logit of every sample, $\mathbf{Z} = \mathbf{X}\mathbf{W}$ of shape
# $n \times K$, and the **softmax** turns each row into probabilities that sum to 1:
#
# $$\hat{y}_{i,c} = \frac{e^{z_{i,c}}}{\sum_{j=1}^{K} e^{z_{i,j}}}.$$
#
# The predicted class is the one with the largest probability. The loss is the
# **cross-entropy** $L = -\sum_{c} y_c \log \hat{y}_c$ with one-hot targets (a 1 for the
# true class, 0 elsewhere), so only $-\log$ of the true class's probability remains.
# Logistic regression is the special case of two classes.
#
# The gradient has the same form as before, now as an **outer product** that has the shape
# of $\mathbf{W}$, $(d+1) \times K$:
#
# $$\nabla L = \mathbf{x}_i(\hat{\mathbf{y}}_i - \mathbf{y}_i)^T, \qquad
# \mathbf{W}_{new} = \mathbf{W}_{old}
# - \lambda\,\mathbf{x}_i(\hat{\mathbf{y}}_i - \mathbf{y}_i)^T.$$
#
# ### Exercise 1.4: softmax regression on all three species

# %%
X_all = np.column_stack([np.ones(len(iris.data)), iris.data])  # (150, 5)
Y_all = np.eye(3)[iris.target]  # (150, 3) one-hot rows


def softmax(z):
    """Probabilities along the last axis: z is one sample (K,) or a batch (n, K)."""
    # BEGIN SOLUTION
    z = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
    # END SOLUTION
    # STUB: return not_done(np.full(np.shape(z), 1.0 / np.shape(z)[-1]))


check.exercise_1_4_softmax(softmax)


# %%
def softmax_forward_pass(x_i, W):
    """Class probabilities (K,) for one sample x_i of shape (d+1,)."""
    # BEGIN SOLUTION
    return softmax(x_i @ W)
    # END SOLUTION
    # STUB: return not_done(np.full(W.shape[1], 1.0 / W.shape[1]))


check.exercise_1_4_forward_pass(softmax_forward_pass)


# %%
def softmax_gradient(y, y_hat, x_i):
    """x_i (ŷ - y)ᵀ, of the shape of W: (d+1, K)."""
    # BEGIN SOLUTION
    return np.outer(x_i, y_hat - y)
    # END SOLUTION
    # STUB: return not_done(np.zeros((len(x_i), len(y))))


check.exercise_1_4_gradient(softmax_gradient)


# %%
def softmax_sgd_step(W, x_i, y_i, learning_rate):
    """W after one SGD step on sample (x_i, y_i), where y_i is one-hot."""
    # BEGIN SOLUTION
    y_hat = softmax_forward_pass(x_i, W)
    return W - learning_rate * softmax_gradient(y_i, y_hat, x_i)
    # END SOLUTION
    # STUB: return not_done(W)


check.exercise_1_4_sgd_step(softmax_sgd_step)

# %% [markdown]
# Train for 100 epochs. The mean cross-entropy should fall to about 0.1.

# %%
order_rng = np.random.default_rng(3)
W = np.random.default_rng(4).standard_normal((5, 3))
softmax_losses = []
for _ in range(100):
    total = 0.0
    for i in order_rng.permutation(len(X_all)):
        y_hat = softmax_forward_pass(X_all[i], W)
        total += -float(np.sum(Y_all[i] * np.log(np.clip(y_hat, 1e-12, 1.0))))
        W = softmax_sgd_step(W, X_all[i], Y_all[i], 0.01)
    softmax_losses.append(total / len(X_all))
print(f"mean loss after 100 epochs: {softmax_losses[-1]:.3f}")
plots.loss_curve(softmax_losses, "mean cross-entropy", "Softmax regression (SGD)")

# %% [markdown]
# ## What you have built
#
# Weights and the matrices that hold them, two losses (squared error and cross-entropy),
# two output functions (sigmoid and softmax), and stochastic gradient descent with its
# learning rate. Every network later in the course is made of these parts.
#
# ## Appendix: the derivatives
#
# **Sigmoid.** Writing $\sigma(z) = (1 + e^{-z})^{-1}$ and using the chain rule,
# $\sigma'(z) = e^{-z}/(1 + e^{-z})^2 = \sigma(z)\,(1 - \sigma(z))$.
#
# **Binary cross-entropy.** $\partial L/\partial\hat{y} = -y/\hat{y} + (1 - y)/(1 - \hat{y})
# = (\hat{y} - y)/(\hat{y}(1 - \hat{y}))$.
#
# **Softmax.** $\partial\hat{y}_j/\partial z_c = \hat{y}_j(\delta_{jc} - \hat{y}_c)$: that is
# $\hat{y}_c(1 - \hat{y}_c)$ on the diagonal and $-\hat{y}_j\hat{y}_c$ off it.
#
# **Cross-entropy with softmax.** $\partial L/\partial\hat{y}_j = -y_j/\hat{y}_j$, so
# $\partial L/\partial z_c = -\sum_j y_j(\delta_{jc} - \hat{y}_c) = \hat{y}_c - y_c$ because
# the one-hot $y$ sums to 1; with $\partial z_c/\partial\mathbf{w}_c = \mathbf{x}^T$ this
# gives $(\hat{y}_c - y_c)\,\mathbf{x}^T$ for every class at once.
