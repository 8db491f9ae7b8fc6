"""Four float64 values in one 256-bit register, as a numba type, for the full-batch softmax pass.

LLVM vectorises a loop only as it judges best, and in the softmax pass it judged differently
from one arrangement of the code to the next: the same update of the gradient compiled to
vector code in one function and to scalar code in another. :class:`Vec4` takes that choice
away. A value of this type lives in one register, and each operation below is one LLVM
instruction on all four lanes, so code written with it is vectorised as it is written.

The lanes hold four samples (rows of X), so that per-row work such as the softmax runs on four
rows at once. Only what :mod:`dlcourse.engines.compiled` needs is here: loads and stores of four
consecutive float64, broadcasts, arithmetic (``+ - * /``, with a float on either side),
fused multiply-add, max, floor, scaling by 2^k, lane-wise selection and a lane's value.
Operations allow contraction into fused multiply-adds, as the scalar code's ``"contract"``
flag does, and nothing else: no reassociation, NaN and inf kept.

Import only where numba is installed. numba's on-disk cache of the functions that use these
operations is keyed on the source file of those functions (``_compiled.py``) alone: after
changing this file, touch ``_compiled.py`` (or delete its cache files in ``__pycache__``) so
that they are compiled again.
"""

from __future__ import annotations

import operator

import numpy as np
from llvmlite import ir
from numba.core import cgutils, types
from numba.extending import intrinsic, models, overload, register_model

_LANES = 4
_DOUBLES = ir.VectorType(ir.DoubleType(), _LANES)
_INTS = ir.VectorType(ir.IntType(64), _LANES)
_MASK = ir.VectorType(ir.IntType(32), _LANES)
_CONTRACT = ("contract",)


class Vec4(types.Type):
    """Four float64 lanes in one register (LLVM's ``<4 x double>``)."""

    def __init__(self) -> None:
        super().__init__(name="Vec4")


vec4 = Vec4()


@register_model(Vec4)
class _Vec4Model(models.PrimitiveModel):
    def __init__(self, dmm, fe_type):
        super().__init__(dmm, fe_type, _DOUBLES)


def _lanes_pointer(context, builder, array_type, array, j):
    """Pointer to a[j] of a contiguous float64 array, as a pointer to four lanes."""
    data = context.make_array(array_type)(context, builder, array).data
    return builder.bitcast(builder.gep(data, [j]), _DOUBLES.as_pointer())


def _contiguous_float64(a) -> bool:
    return isinstance(a, types.Array) and a.dtype == types.float64 and a.layout == "C"


def _broadcast(builder, x):
    """x (a double) in all four lanes."""
    one = builder.insert_element(
        ir.Constant(_DOUBLES, ir.Undefined), x, ir.Constant(ir.IntType(32), 0)
    )
    return builder.shuffle_vector(
        one, ir.Constant(_DOUBLES, ir.Undefined), ir.Constant(_MASK, [0] * _LANES)
    )


@intrinsic
def load4(typingctx, a, j):
    """a[j : j + 4] of a C-contiguous float64 array, which must hold them (not checked)."""
    if not (_contiguous_float64(a) and isinstance(j, types.Integer)):
        return None

    def codegen(context, builder, signature, args):
        return builder.load(_lanes_pointer(context, builder, signature.args[0], *args), align=8)

    return vec4(a, j), codegen


@intrinsic
def store4(typingctx, a, j, v):
    """a[j : j + 4] = v, for a C-contiguous float64 array that holds them (not checked)."""
    if not (_contiguous_float64(a) and isinstance(j, types.Integer) and v == vec4):
        return None

    def codegen(context, builder, signature, args):
        pointer = _lanes_pointer(context, builder, signature.args[0], args[0], args[1])
        builder.store(args[2], pointer, align=8)
        return context.get_dummy_value()

    return types.none(a, j, v), codegen


@intrinsic
def splat(typingctx, x):
    """x (a number) in all four lanes."""
    if not isinstance(x, (types.Float, types.Integer)):
        return None

    def codegen(context, builder, signature, args):
        return _broadcast(builder, context.cast(builder, args[0], signature.args[0], types.float64))

    return vec4(x), codegen


@intrinsic
def lanes(typingctx, a, b, c, d):
    """The four numbers a, b, c, d as the lanes 0-3."""
    if not all(isinstance(t, (types.Float, types.Integer)) for t in (a, b, c, d)):
        return None

    def codegen(context, builder, signature, args):
        v = ir.Constant(_DOUBLES, ir.Undefined)
        for i, (x, t) in enumerate(zip(args, signature.args, strict=True)):
            x = context.cast(builder, x, t, types.float64)
            v = builder.insert_element(v, x, ir.Constant(ir.IntType(32), i))
        return v

    return vec4(a, b, c, d), codegen


@intrinsic
def lane(typingctx, v, i):
    """Lane i of v, as a float."""
    if not (v == vec4 and isinstance(i, types.Integer)):
        return None

    def codegen(context, builder, signature, args):
        return builder.extract_element(args[0], args[1])

    return types.float64(v, i), codegen


def _llvm_intrinsic(builder, name, args):
    function_type = ir.FunctionType(_DOUBLES, [a.type for a in args])
    return builder.call(cgutils.get_or_insert_function(builder.module, function_type, name), args)


@intrinsic
def fma4(typingctx, a, b, c):
    """a b + c, rounded once, lane by lane."""
    if not a == b == c == vec4:
        return None

    def codegen(context, builder, signature, args):
        return _llvm_intrinsic(builder, "llvm.fma.v4f64", args)

    return vec4(a, b, c), codegen


@intrinsic
def floor4(typingctx, a):
    """The largest integers <= a, lane by lane (as floats)."""
    if a != vec4:
        return None

    def codegen(context, builder, signature, args):
        return _llvm_intrinsic(builder, "llvm.floor.v4f64", args)

    return vec4(a), codegen


@intrinsic
def max4(typingctx, a, b):
    """a where a > b, else b, lane by lane: a NaN in b comes out, one in a does not."""
    if not a == b == vec4:
        return None

    def codegen(context, builder, signature, args):
        return builder.select(builder.fcmp_ordered(">", *args), *args)

    return vec4(a, b), codegen


@intrinsic
def scale4(typingctx, p, k):
    """p 2^k for integers k in [-1022, 1023] held as floats, by writing k + 1023 into the
    exponent bits of 2^k; other k give meaningless lanes, for the caller to replace."""
    if not p == k == vec4:
        return None

    def codegen(context, builder, signature, args):
        biased = builder.add(builder.fptosi(args[1], _INTS), ir.Constant(_INTS, [1023] * _LANES))
        power = builder.bitcast(builder.shl(biased, ir.Constant(_INTS, [52] * _LANES)), _DOUBLES)
        return builder.fmul(args[0], power)

    return vec4(p, k), codegen


def _select_where(comparison, doc):
    @intrinsic
    def where(typingctx, x, t, a, b):
        if not (x == a == b == vec4 and isinstance(t, types.Float)):
            return None

        def codegen(context, builder, signature, args):
            threshold = _broadcast(builder, context.cast(builder, args[1], t, types.float64))
            return builder.select(builder.fcmp_ordered(comparison, args[0], threshold), *args[2:])

        return vec4(x, t, a, b), codegen

    where.__doc__ = doc
    return where


where_at_least = _select_where(">=", "a where x >= t, else b (also where x is NaN), by lane.")
where_below = _select_where("<", "a where x < t, else b (also where x is NaN), by lane.")


def _arithmetic(instruction):
    @intrinsic
    def apply(typingctx, a, b):
        if not a == b == vec4:
            return None

        def codegen(context, builder, signature, args):
            return getattr(builder, instruction)(*args, flags=_CONTRACT)

        return vec4(a, b), codegen

    return apply


def _number(t) -> bool:
    return isinstance(t, (types.Float, types.Integer))


def _overload_operator(op, apply) -> None:
    """``a op b`` for two Vec4, or a Vec4 and a number (broadcast to the four lanes)."""

    @overload(op)
    def implementation(a, b):
        if a == vec4 and b == vec4:
            return lambda a, b: apply(a, b)
        if a == vec4 and _number(b):
            return lambda a, b: apply(a, splat(b))
        if _number(a) and b == vec4:
            return lambda a, b: apply(splat(a), b)
        return None


for _op, _instruction in (
    (operator.add, "fadd"),
    (operator.sub, "fsub"),
    (operator.mul, "fmul"),
    (operator.truediv, "fdiv"),
):
    _overload_operator(_op, _arithmetic(_instruction))


def floor(x):  # pragma: no cover - replaced in compiled code by the overload below
    """np.floor(x) for a float, :func:`floor4` for a Vec4: for code written once for both."""
    raise NotImplementedError("dlcourse.engines.simd.floor is for numba-compiled code")


@overload(floor)
def _floor(x):
    if x == vec4:
        return lambda x: floor4(x)
    if isinstance(x, types.Float):
        return lambda x: np.floor(x)
    return None
