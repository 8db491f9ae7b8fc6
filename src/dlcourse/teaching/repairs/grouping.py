"""Parentheses the formula has and the learner's line does not: ``1 / 1 + np.exp(-z)`` for
``1 / (1 + np.exp(-z))``, ``w - lr * y_hat - y * x`` for ``w - lr * (y_hat - y) * x``. A chain
of arithmetic written on one line is cut into its operands at the operators outside any
brackets, and each run of neighbouring operands is put in parentheses of its own; a copy is
made where that changes how Python groups the chain."""

from __future__ import annotations

import ast
import copy
import io
import tokenize
from collections.abc import Iterator

from .ast_edits import Change, _at, _in_parentheses, _text

_OPERATORS = {"+", "-", "*", "/", "//", "@", "%"}


_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//"}


_SYMBOL |= {ast.Mod: "%", ast.MatMult: "@", ast.Pow: "**"}


_MOST = 8  # regroupings of one chain


def _inner_links(tree: ast.AST, lines: list[str]) -> set[int]:
    """The operations that are links of a longer chain (not in parentheses of their own): the
    chain is regrouped once, from its first operation."""
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            for child in (node.left, node.right):
                if isinstance(child, ast.BinOp) and not _in_parentheses(node, child, lines):
                    inner.add(id(child))
    return inner


def _regroupings(node: ast.BinOp, lines: list[str]) -> Iterator[Change]:
    """The chain that ``node`` starts, with one run of its operands in parentheses, where
    Python then groups it otherwise."""
    text = _text(node, lines)
    operands = _operands(text) if text is not None else None
    if text is None or operands is None or len(operands) < 3:
        return
    try:
        written = ast.dump(ast.parse(text, mode="eval").body)
    except SyntaxError:  # not the learner's whole expression: leave it alone
        return
    reading = _reading(node, lines)
    levels = {isinstance(op, ast.Add | ast.Sub) for op in _chain_operators(node, lines)}
    if levels == {True, False}:  # + or − mixed with * / @
        why = "`*`, `/` and `@` are done before `+` and `-`"
    else:
        why = "operations of one level are done left to right"
    found = 0
    for size in range(2, len(operands)):
        for first in range(len(operands) - size + 1):
            start, end = operands[first][0], operands[first + size - 1][1]
            grouped = f"{text[:start]}({text[start:end]}){text[end:]}"
            try:
                new = ast.parse(grouped, mode="eval").body
            except SyntaxError:
                continue
            if ast.dump(new) == written:
                continue
            _forget_locations(new)
            yield (
                "precedence",
                f"Python reads `{text}` as `{reading}`: {why}, so the terms are not grouped "
                "as in the formula (parentheses group them)",
                _at(node, lambda _, n=new: copy.deepcopy(n)),
                node.lineno,
            )
            found += 1
            if found == _MOST:
                return


def _operands(text: str) -> list[tuple[int, int]] | None:
    """Where each operand of the chain ``text`` starts and ends, or None when ``text`` holds
    more than arithmetic outside its brackets (a comparison, a conditional, a comma)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    operands: list[tuple[int, int]] = []
    depth, start, previous_end, expect_operand = 0, None, 0, True
    for token in tokens:
        if token.type in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.COMMENT):
            continue
        column = token.start[1]
        if token.string in "([{" and token.type == tokenize.OP:
            depth += 1
        elif token.string in ")]}" and token.type == tokenize.OP:
            depth -= 1
        elif depth == 0 and token.type == tokenize.OP and token.string in _OPERATORS:
            if not expect_operand:  # a binary operator ends the operand before it
                operands.append((start, previous_end))
                start, expect_operand = None, True
                continue
        elif depth == 0 and token.type == tokenize.OP and token.string not in (".", "**", "~"):
            return None
        elif depth == 0 and token.type == tokenize.NAME and token.string in _KEYWORDS:
            return None
        if start is None:
            start = column
        expect_operand = depth > 0 or token.string in ("-", "+", "~", ".", "**")
        previous_end = token.end[1]
    if start is None:
        return None
    operands.append((start, previous_end))
    return operands


_KEYWORDS = {"if", "else", "for", "in", "and", "or", "not", "lambda", "is"}


def _reading(node: ast.AST, lines: list[str]) -> str:
    """How Python groups the chain ``node`` starts, every operation in parentheses."""

    def shown(part: ast.AST, parent: ast.BinOp | None) -> str:
        if isinstance(part, ast.BinOp) and (
            parent is None or not _in_parentheses(parent, part, lines)
        ):
            inner = f"{shown(part.left, part)} {_SYMBOL.get(type(part.op), '?')} "
            inner += shown(part.right, part)
            return inner if parent is None else f"({inner})"
        written = _text(part, lines) or ast.unparse(part)
        return f"({written})" if isinstance(part, ast.BinOp) else written  # its own brackets

    return shown(node, None)


def _chain_operators(node: ast.BinOp, lines: list[str]) -> list[ast.operator]:
    """The operators of the chain ``node`` starts (not those inside parentheses)."""
    found = [node.op]
    for child in (node.left, node.right):
        if isinstance(child, ast.BinOp) and not _in_parentheses(node, child, lines):
            found += _chain_operators(child, lines)
    return found


def _forget_locations(tree: ast.AST) -> None:
    """Drop the locations of a tree parsed from one line: it gets those of the node it
    replaces when the copy is compiled."""
    for part in ast.walk(tree):
        for attribute in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if hasattr(part, attribute):
                delattr(part, attribute)
