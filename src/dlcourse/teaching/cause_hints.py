"""The hints that go with each kind of cause :mod:`dlcourse.teaching.causes` names: three
levels each, a nudge, a pointer, then what the formula or NumPy has, never the learner's code
fixed."""

from __future__ import annotations

__all__ = ["HINTS"]

HINTS: dict[str, tuple[str, str, str]] = {
    "precedence": (
        "Read the line the verdict quotes and ask which operation Python does first.",
        "Python does ** first, then * / @, then + and −, whatever the spacing; the formula "
        "groups some terms together before they meet the next operation.",
        "Put parentheses around each group the formula keeps together, so that Python "
        "evaluates it in the formula's order.",
    ),
    "product": (
        "Two kinds of multiplication meet in this lesson: entry by entry, and the dot (matrix) "
        "product. Which one does the formula mean here?",
        "`*` multiplies entry by entry and keeps the shape; a dot product adds up the products "
        "and gives one number per pair of row and column.",
        "Where the formula writes a product of a vector or matrix with another, use `@` (or "
        "np.dot).",
    ),
    "order": (
        "A matrix product depends on the order of its factors: compare the shapes.",
        "(a, k) @ (k, b) gives (a, b): the inner sizes must match, and they decide the order.",
        "Write the factors in the order the lesson's formula has them, with their shapes beside "
        "them.",
    ),
    "axis": (
        "Ask along which axis each sample's own values lie.",
        "In a batch of shape (n, K), one sample is a row: its values lie along the last axis.",
        "Reduce along axis=-1, and keep that axis (keepdims=True) so that the result divides "
        "or subtracts row by row.",
    ),
    "number": (
        "Your function has a parameter it never uses: where should its value go?",
        "A number written into the code stays the same when the caller passes another value.",
        "Use the parameter's name where the number is now.",
    ),
    "variable": (
        "Your function has a parameter it never uses: what does it read instead?",
        "A variable of the notebook keeps its own value whatever the caller passes; the check "
        "calls your function with other inputs.",
        "Use the parameter where the notebook's variable is now.",
    ),
    "transpose": (
        "Write the shape of each factor of the product the verdict quotes beside it.",
        "Transposing (`.T`) swaps rows and columns: (n, d) becomes (d, n). The formula says "
        "which factor is transposed.",
        "Compare each factor with the lesson's formula: a factor written with ᵀ there has .T "
        "in the code, and the others do not.",
    ),
    "sign": (
        "Look for a sign: the verdict quotes the expression where it is.",
        "Swapping the two sides of a subtraction, or + for −, flips the sign of what follows; "
        "compare that expression with the lesson's formula, sign by sign.",
        "Write that step of the formula next to your line and make each sign the same.",
    ),
    "complement": (
        "Which probability does the formula use at that point: p, or 1 − p?",
        "1 − p is the probability of the other class; the formula uses the probability itself "
        "there.",
        "Use the quantity itself where the verdict quotes `1 - ...`.",
    ),
    "function": (
        "Which library does the function the verdict quotes come from?",
        "Python's own functions (math.exp, max, sum) take one number or a list; NumPy's work "
        "on every entry of an array at once.",
        "Use the NumPy function of the same name (np.exp, np.log, np.max, ...).",
    ),
    "inverse": (
        "In the formula, what does the exponent −1 on a matrix mean?",
        "1 / A divides 1 by each entry of A; the inverse of a matrix is another thing: A⁻¹ A "
        "is the identity.",
        "NumPy computes a matrix inverse with np.linalg.inv (or solves the system with "
        "np.linalg.solve).",
    ),
    "average": (
        "Does the formula add the terms up, or take their average?",
        "An average is the sum divided by the number of terms; the two differ by that factor.",
        "Use the reduction the formula has: a Σ alone is a sum; a 1/n before it makes an average.",
    ),
    "arguments": (
        "Compare the order in which the values are passed with the order of the parameters "
        "that receive them.",
        "Python matches positional arguments to parameters by position, not by name.",
        "Write the parameters in the order the notebook's call passes them (or pass them by name).",
    ),
    "integer": (
        "Print the dtype of the array the verdict quotes.",
        "An array of integers keeps only whole numbers: a fraction written into it is cut, and "
        "// rounds down.",
        "Make that array of floats (dtype=float) or divide with /.",
    ),
    "roles": (
        "Two of your parameters have the same shape: does each one stand where the formula has it?",
        "Swapping two inputs of the same shape raises no error; only the values tell.",
        "Read your line with the lesson's symbols in place of your names, one by one.",
    ),
    "variables": (
        "Your function has parameters it never uses: what does it read instead?",
        "Variables of the notebook keep their own values whatever the caller passes; the check "
        "calls your function with other inputs.",
        "Use each parameter where the notebook's variable is now.",
    ),
    "returned": (
        "Which of the values your function computes is the answer the exercise asks for?",
        "The notebook's docstring says what the function returns, and with which shape.",
        "Return that value, not one computed from it.",
    ),
    "size": (
        "Would your function still work for a sample with another number of features?",
        "A size written as a number fits one dataset; the size of an input is known from the "
        "input itself.",
        "Take the size from the input: len(...) or .shape.",
    ),
    "outer": (
        "Write the shapes of the two vectors and of the result the formula wants.",
        "A column (n, 1) times a row (1, K) is an (n, K) matrix, an outer product; on 1-D arrays "
        "`@` gives one number and `*` multiplies entry by entry.",
        "NumPy makes the outer product of two 1-D arrays with np.outer.",
    ),
    "reduction": (
        "How many values should the result have: one, or one per entry?",
        "np.sum and np.mean without an axis turn a whole array into one number.",
        "Keep every entry: the formula has no Σ at this point.",
    ),
    "factor": (
        "Count the factors in the product the verdict quotes, and those of the lesson's formula.",
        "A factor the formula does not have scales the result; a derivative already folded "
        "into an expression should not be multiplied in again.",
        "Keep only the factors the formula writes at that step.",
    ),
    "rounding": (
        "Is the value the verdict quotes a class (0 or 1), or a probability?",
        "Rounding or comparing with 0.5 throws away how sure the model is; the loss and its "
        "gradient need the probability itself.",
        "Use the prediction as it comes out of σ (or softmax); round only to report a class.",
    ),
    "unused": (
        "Your function has a parameter it never uses: where does the formula need it?",
        "The gradient of a weight depends on the input that weight multiplies; a sample's "
        "features appear in its gradient.",
        "Multiply by that parameter as the lesson's formula does, with the shapes it gives.",
    ),
    "bias": (
        "Print the first column of the inputs your function is given.",
        "The lesson's inputs already start with a column of ones for the bias (x₀ = 1); the "
        "notebook adds it once, before the exercises.",
        "Use the inputs as they come: the bias weight already has its column.",
    ),
    "called": (
        "Which of your functions does the formula use at the line the verdict quotes?",
        "σ gives one probability per score on its own; softmax makes the scores of one sample "
        "into probabilities that sum to 1. Each exercise says which one its formula uses.",
        "Call the function the lesson's formula names at that step.",
    ),
    "range": (
        "Which index does your loop (or slice) start at, and which does it end at?",
        "Python counts from 0: index 0 is the first entry (the bias weight, the first class), "
        "and range(n) already stops before n.",
        "Let the loop run over every index the formula sums or updates, the first one too.",
    ),
    "step": (
        "What does the exercise's function return: the step, or the weights after it?",
        "A step of gradient descent computes λ ∇L and moves the weights by it; the function "
        "returns where the weights end up.",
        "Return the weights minus the step.",
    ),
    "term": (
        "Count the terms of the sum the verdict quotes, and those of the lesson's formula.",
        "A term added where the formula has none shifts every result; the bias, for one, is "
        "already in x · w through the column of ones.",
        "Keep only the terms the formula writes at that step.",
    ),
    "onehot": (
        "Print the label your function is given: what does it look like already?",
        "A one-hot label is a row of the identity matrix: a 1 for the right class, 0 elsewhere.",
        "Use the label as it comes; encode a label only when it is a class number.",
    ),
    "place": (
        "The verdict quotes the one line where a single change fixes your answer.",
        "More than one change at that line would fix it: compare the line with the lesson's "
        "formula, piece by piece.",
        "Write the formula's step next to your line, with the shape of each term.",
    ),
}
