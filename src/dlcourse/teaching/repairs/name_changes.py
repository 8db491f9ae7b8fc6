"""Changes of a learner's names and sizes: parameters in another order than the lesson's, two
parameters' roles swapped, notebook variables read for parameters, a value returned in place
of the answer, a size written as a number, a parameter never used where the formula multiplies
by it, the step returned where the new weights belong."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator

from .ast_edits import Change, _at, _at_all, _numpy_call, _renamed_many, _text


def _reordered_parameters(
    definition: ast.FunctionDef, expected: tuple[str, ...]
) -> Iterator[Change]:
    """The learner's parameters put in the lesson's order, when they have the lesson's names
    in another order (``def binary_cross_entropy(y_hat, y)``)."""
    names = [a.arg for a in definition.args.args]
    if definition.args.posonlyargs or sorted(names) != sorted(expected) or names == list(expected):
        return

    def reorder(tree: ast.FunctionDef) -> ast.FunctionDef:
        by_name = {a.arg: a for a in tree.args.args}
        tree.args.args = [by_name[name] for name in expected]
        return tree

    yield (
        "arguments",
        f"`{definition.name}` takes its parameters in the order ({', '.join(names)}); the lesson "
        f"passes them in the order ({', '.join(expected)})",
        reorder,
        definition.lineno,
    )


def _swapped_roles(
    definition: ast.FunctionDef, swappable: tuple[tuple[int, int], ...]
) -> Iterator[Change]:
    """Two parameters of the same shape each used where the formula has the other."""
    names = [a.arg for a in definition.args.args]
    for i, j in swappable:
        if definition.args.posonlyargs or max(i, j) >= len(names):
            continue
        a, b = names[i], names[j]

        def swap(tree: ast.FunctionDef, i: int = i, j: int = j) -> ast.FunctionDef:
            args = tree.args.args
            args[i].arg, args[j].arg = args[j].arg, args[i].arg
            return tree

        yield (
            "roles",
            f"`{definition.name}` uses `{a}` where the formula has `{b}`, and `{b}` where it "
            f"has `{a}`",
            swap,
            definition.lineno,
        )


def _variables(name: str, variables: list[str], unused: list[str], line: int) -> Iterator[Change]:
    """Several notebook variables read where several parameters belong (``X_toy``, ``y_toy``
    for ``X``, ``y``)."""
    if not 2 <= len(unused) <= 3 or not 2 <= len(variables) <= 3:
        return
    for chosen in itertools.permutations(variables, len(unused)):
        mapping = dict(zip(chosen, unused, strict=True))
        read = ", ".join(f"`{v}`" for v in chosen)
        belong = ", ".join(f"`{p}`" for p in unused)
        yield (
            "variables",
            f"`{name}` reads the notebook's variables {read} where its parameters {belong} "
            "belong (it never uses them)",
            _renamed_many(mapping),
            line,
        )


def _returned(definition: ast.FunctionDef, lines: list[str]) -> Iterator[Change]:
    """The function returns another of the values it computes than its answer."""
    returns = [n for n in ast.walk(definition) if isinstance(n, ast.Return) and n.value]
    if len(returns) != 1:
        return
    (returned,) = returns
    text = _text(returned.value, lines)
    computed = []
    for node in definition.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id not in computed:
                computed.append(target.id)
    for local in computed:
        if text is None or text == local:
            continue
        yield (
            "returned",
            f"`{definition.name}` returns `{text}`, where its answer is `{local}`, which it "
            "computes on the way",
            _at(returned, lambda n, v=local: ast.Return(ast.Name(v, ast.Load()))),
            returned.lineno,
        )


_SIZED = {"range", "zeros", "ones", "empty", "full", "reshape", "eye", "arange"}


def _sizes(
    definition: ast.FunctionDef, lines: list[str], parameters: list[str]
) -> Iterator[Change]:
    """A size written as a number (``np.zeros(5)``, ``range(3)``), where it is the size of
    one of the inputs: every place with that number, changed together."""
    found: dict[int, list[ast.Constant]] = {}
    for node in ast.walk(definition):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if called not in _SIZED:
            continue
        for argument in node.args:
            for item in argument.elts if isinstance(argument, ast.Tuple) else [argument]:
                if isinstance(item, ast.Constant) and type(item.value) is int and item.value >= 2:
                    found.setdefault(item.value, []).append(item)
    for number, places in found.items():
        quoted = dict.fromkeys(lines[place.lineno - 1].strip() for place in places)
        where = " and ".join(f"`{line}`" for line in list(quoted)[:2])
        for parameter in parameters:
            for size in (f"len({parameter})", f"{parameter}.shape[-1]"):
                yield (
                    "size",
                    f"`{definition.name}` writes the size {number} as a number ({where}): it "
                    f"fits the notebook's data, not other sizes; it is the size of `{parameter}`",
                    _at_all(places, ast.parse(size, mode="eval").body),
                    places[0].lineno,
                )


def _unused_factors(
    definition: ast.FunctionDef, lines: list[str], unused: list[str]
) -> Iterator[Change]:
    """A parameter the function never uses, where the formula multiplies its answer by it:
    ``(ŷ − y) · x`` written ``ŷ - y``."""
    returns = [n for n in ast.walk(definition) if isinstance(n, ast.Return) and n.value]
    if len(returns) != 1 or not unused:
        return
    (returned,) = returns
    text = _text(returned.value, lines) or ast.unparse(returned.value)
    for parameter in unused:
        name = ast.Name(parameter, ast.Load())
        for product in (
            lambda r, p=name: ast.BinOp(r, ast.Mult(), p),
            lambda r, p=name: _numpy_call(("outer",), [p, r]),
            lambda r, p=name: ast.BinOp(ast.Attribute(p, "T", ast.Load()), ast.MatMult(), r),
        ):
            yield (
                "unused",
                f"`{definition.name}` never uses its parameter `{parameter}`: the formula "
                f"multiplies `{text}` by it",
                _at(returned, lambda n, f=product: ast.Return(f(n.value))),
                returned.lineno,
            )


def _steps(
    definition: ast.FunctionDef, lines: list[str], parameters: list[str], unused: list[str]
) -> Iterator[Change]:
    """The function returns the step (``λ ∇L``), or the gradient, where its answer is the
    weights after the step: its first parameter minus the step."""
    returns = [n for n in ast.walk(definition) if isinstance(n, ast.Return) and n.value]
    if len(returns) != 1 or not parameters:
        return
    (returned,) = returns
    text = _text(returned.value, lines) or ast.unparse(returned.value)
    weights = ast.Name(parameters[0], ast.Load())
    if any(isinstance(n, ast.Name) and n.id == parameters[0] for n in ast.walk(returned)):
        return  # it does something with the weights already
    yield (
        "step",
        f"`{definition.name}` returns `{text}`, the step; its answer is the new weights, "
        f"`{parameters[0]}` minus the step",
        _at(returned, lambda n: ast.Return(ast.BinOp(weights, ast.Sub(), n.value))),
        returned.lineno,
    )
    for rate in unused:
        yield (
            "step",
            f"`{definition.name}` returns `{text}`, the gradient; its answer is the new "
            f"weights, `{parameters[0]}` minus `{rate}` times the gradient",
            _at(
                returned,
                lambda n, r=rate: ast.Return(
                    ast.BinOp(
                        weights,
                        ast.Sub(),
                        ast.BinOp(ast.Name(r, ast.Load()), ast.Mult(), n.value),
                    )
                ),
            ),
            returned.lineno,
        )
