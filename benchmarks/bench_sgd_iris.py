"""Per-sample SGD on Iris: dlcourse vs the lesson's loop vs scikit-learn's SGDClassifier.

For information only: a fit takes well under a millisecond, which no user perceives, so these
rows have no target (the large workloads of bench_softmax_large.py do).
"""

from __future__ import annotations

import numpy as np
from _harness import Row, format_table, interleaved, speedups
from lesson_loops import logistic_epochs, softmax_epochs
from sklearn.linear_model import SGDClassifier

from dlcourse.data import load_iris_binary, load_iris_one_hot
from dlcourse.models import LogisticRegression, SoftmaxRegression

RNG = np.random.default_rng(0)


def _sgd_classifier(epochs: int, learning_rate: float) -> SGDClassifier:
    # the same work: constant step, no penalty, `epochs` shuffled passes, no early stop
    return SGDClassifier(
        loss="log_loss",
        penalty=None,
        learning_rate="constant",
        eta0=learning_rate,
        max_iter=epochs,
        tol=None,
        shuffle=True,
        random_state=0,
        n_jobs=1,
    )


def run(quick: bool = False) -> list[Row]:
    repeats = 3 if quick else 7
    X, y = load_iris_binary(bias=False)
    X1 = np.column_stack([np.ones(len(X)), X])
    LogisticRegression(random_state=0).fit(X, y)  # load the compiled loop before timing
    t = interleaved(
        {
            "ours": lambda: LogisticRegression(0.01, 20, random_state=0).fit(X, y),
            "lesson": lambda: logistic_epochs(X1, y, RNG.standard_normal((5, 1)), 20, 0.01),
            "sklearn": lambda: _sgd_classifier(20, 0.01).fit(X, y),
        },
        repeats,
    )
    rows = speedups(
        "logistic, Iris pair, 20 epochs, per-sample SGD",
        t["ours"],
        [("lesson's loop", t["lesson"], None), ("sklearn SGDClassifier", t["sklearn"], None)],
    )
    X, Y = load_iris_one_hot(bias=False)
    y3 = Y.argmax(1)
    X1 = np.column_stack([np.ones(len(X)), X])
    SoftmaxRegression(random_state=0).fit(X, y3)
    t = interleaved(
        {
            "ours": lambda: SoftmaxRegression(0.01, 100, random_state=0).fit(X, y3),
            "lesson": lambda: softmax_epochs(X1, Y, RNG.standard_normal((5, 3)), 100, 0.01),
            "sklearn": lambda: _sgd_classifier(100, 0.01).fit(X, y3),
        },
        max(3, repeats // 2),
    )
    rows += speedups(
        "softmax, Iris, 100 epochs, per-sample SGD",
        t["ours"],
        [("lesson's loop", t["lesson"], None), ("sklearn SGDClassifier", t["sklearn"], None)],
    )
    return rows


if __name__ == "__main__":
    print(format_table(run()))
