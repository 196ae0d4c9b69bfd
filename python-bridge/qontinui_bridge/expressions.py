# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Safe evaluation of the small expressions configs use (conditions, computed values).

Only literals, names, arithmetic, comparisons, boolean logic, indexing and a few pure
builtins are allowed: a config must not be able to run arbitrary Python. Nor can it make the
executor spin: expression length, exponents and the size of every intermediate result are capped
(vocabulary.json "limits"), each evaluation has a deadline, a cancel check is polled at every
step, and regular expressions run on the `regex` engine with a timeout. So no single step holds
the interpreter for more than milliseconds, and terminate always gets through.
"""

from __future__ import annotations

import ast
import contextvars
import operator
import re
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Mapping

from . import vocabulary
from .runtime import RunTerminated

try:  # python3-regex: backtracking with a timeout (the stdlib re has none)
    import regex as _regex
except ImportError:  # pragma: no cover - setup.sh installs it
    _regex = None

_BIN: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
_CMP: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b}
_FUNCS: dict[str, Callable[..., Any]] = {
    "len": len, "str": str, "int": int, "float": float, "abs": abs, "min": min, "max": max,
    "round": round, "bool": bool, "sum": sum, "sorted": sorted, "list": list}
_CONSTS = {"true": True, "false": False, "null": None, "True": True, "False": False, "None": None}

# The cancel check of the run this thread belongs to (see cancel_scope).
_cancel: contextvars.ContextVar[Callable[[], bool] | None] = contextvars.ContextVar("qontinui_cancel", default=None)


class ExpressionError(Exception):
    pass


class EvaluationCancelled(RunTerminated):
    """The run was terminated while an expression was being evaluated: ends the run like any terminate."""


@contextmanager
def cancel_scope(should_stop: Callable[[], bool]) -> Iterator[None]:
    """Evaluations in this context stop (EvaluationCancelled) as soon as should_stop() is true."""
    token = _cancel.set(should_stop)
    try:
        yield
    finally:
        _cancel.reset(token)


def _js_to_py(expr: str) -> str:
    # Configs written for the web builder use JavaScript operators.
    expr = expr.replace("===", "==").replace("!==", "!=").replace("&&", " and ").replace("||", " or ")
    return re.sub(r"!(?!=)", " not ", expr)


class _Evaluation:
    def __init__(self, names: Mapping[str, Any], should_stop: Callable[[], bool] | None) -> None:
        lim = vocabulary.limits()
        self.names = names
        self.should_stop = should_stop
        self.deadline = time.monotonic() + lim.evaluation_timeout_ms / 1000
        self.max_exponent = lim.max_exponent
        self.max_bits = lim.max_result_bits
        self.max_len = lim.max_result_length

    def checkpoint(self) -> None:
        if self.should_stop is not None and self.should_stop():
            raise EvaluationCancelled()
        if time.monotonic() > self.deadline:
            raise ExpressionError(f"evaluation took longer than {vocabulary.limits().evaluation_timeout_ms} ms")

    def sized(self, value: Any) -> Any:
        """Every intermediate result is checked, so the next step cannot blow up either."""
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > self.max_bits:
            raise ExpressionError(f"result larger than {self.max_bits} bits")
        if isinstance(value, (str, bytes, list, tuple, dict)) and len(value) > self.max_len:
            raise ExpressionError(f"result longer than {self.max_len} items")
        return value

    def binop(self, op: type[ast.operator], left: Any, right: Any) -> Any:
        num = (int, float)
        if op is ast.Pow and isinstance(left, num) and isinstance(right, num):
            if abs(right) > self.max_exponent:
                raise ExpressionError(f"exponent {right} is larger than {self.max_exponent}")
            if isinstance(left, int) and isinstance(right, int) and right > 0 \
                    and max(1, abs(left).bit_length()) * right > self.max_bits:
                raise ExpressionError(f"result larger than {self.max_bits} bits")
        if op is ast.Mult:
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * max(n, 0) > self.max_len:
                    raise ExpressionError(f"result longer than {self.max_len} items")
            if isinstance(left, int) and isinstance(right, int) and \
                    left.bit_length() + right.bit_length() > self.max_bits + 1:
                raise ExpressionError(f"result larger than {self.max_bits} bits")
        if op is ast.Add and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                and len(left) + len(right) > self.max_len:
            raise ExpressionError(f"result longer than {self.max_len} items")
        return self.sized(_BIN[op](left, right))

    def eval(self, node: ast.AST) -> Any:
        self.checkpoint()
        if isinstance(node, ast.Constant):
            return self.sized(node.value)
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return self.names[node.id]
            if node.id in _CONSTS:
                return _CONSTS[node.id]
            raise ExpressionError(f"unknown variable '{node.id}'")
        if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
            return self.binop(type(node.op), self.eval(node.left), self.eval(node.right))
        if isinstance(node, ast.UnaryOp):
            v = self.eval(node.operand)
            if isinstance(node.op, ast.Not):
                return not v
            if isinstance(node.op, ast.USub):
                return -v
            if isinstance(node.op, ast.UAdd):
                return +v
        if isinstance(node, ast.BoolOp):
            result: Any = isinstance(node.op, ast.And)
            for v in node.values:
                result = self.eval(v)
                if isinstance(node.op, ast.And) and not result:
                    return result
                if isinstance(node.op, ast.Or) and result:
                    return result
            return result
        if isinstance(node, ast.Compare):
            left = self.eval(node.left)
            for op, comp in zip(node.ops, node.comparators):
                right = self.eval(comp)
                if type(op) not in _CMP or not _CMP[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.IfExp):
            return self.eval(node.body) if self.eval(node.test) else self.eval(node.orelse)
        if isinstance(node, (ast.List, ast.Tuple)):
            return self.sized([self.eval(e) for e in node.elts])
        if isinstance(node, ast.Dict):
            return {self.eval(k): self.eval(v) for k, v in zip(node.keys, node.values) if k is not None}
        if isinstance(node, ast.Subscript):
            return self.eval(node.value)[self.eval(node.slice)]
        if isinstance(node, ast.Attribute) and node.attr == "length":
            return len(self.eval(node.value))  # JS-style x.length
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS:
            return self.sized(_FUNCS[node.func.id](*[self.eval(a) for a in node.args]))
        raise ExpressionError(f"unsupported expression element: {type(node).__name__}")


def evaluate(expr: str, names: Mapping[str, Any], should_stop: Callable[[], bool] | None = None) -> Any:
    """Evaluates a config expression; ExpressionError for anything invalid, too big or too slow.

    should_stop defaults to the check of the enclosing cancel_scope().
    """
    text = str(expr)
    limit = vocabulary.limits().max_expression_length
    if len(text) > limit:
        raise ExpressionError(f"expression of {len(text)} characters: the limit is {limit}")
    try:
        tree = ast.parse(_js_to_py(text).strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"invalid expression {text[:80]!r}: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("expression nested too deeply") from None
    try:
        return _Evaluation(names, should_stop or _cancel.get()).eval(tree.body)
    except (ExpressionError, RunTerminated):
        raise
    except RecursionError:
        raise ExpressionError("expression nested too deeply") from None
    except Exception as exc:  # TypeError, ZeroDivisionError, KeyError... of the config's expression
        raise ExpressionError(f"cannot evaluate {text[:80]!r}: {type(exc).__name__}: {exc}") from None


def regex_search(pattern: str, text: str) -> re.Match[str] | Any | None:
    """re.search with the vocabulary's time limit: a catastrophic pattern fails instead of spinning."""
    lim = vocabulary.limits()
    if len(pattern) > lim.max_expression_length:
        raise ExpressionError(f"regular expression of {len(pattern)} characters: the limit is "
                              f"{lim.max_expression_length}")
    if _regex is None:
        raise ExpressionError("regular expressions need the python3-regex package (time-limited matching)")
    try:
        return _regex.search(pattern, text, timeout=lim.regex_timeout_ms / 1000)
    except TimeoutError:
        raise ExpressionError(f"regular expression {pattern[:80]!r} took longer than {lim.regex_timeout_ms} ms") \
            from None
    except _regex.error as exc:
        raise ExpressionError(f"invalid regular expression {pattern[:80]!r}: {exc}") from None


def compare(left: Any, op: str, right: Any) -> bool:
    """Operator table for IF/WHILE conditions of type 'variable'."""
    op = (op or "==").strip().lower()
    if isinstance(left, (int, float)) and isinstance(right, str):
        try:
            right = float(right)
        except ValueError:
            pass
    table = {"==": operator.eq, "===": operator.eq, "equals": operator.eq, "!=": operator.ne,
             "!==": operator.ne, "not_equals": operator.ne, ">": operator.gt, "greater": operator.gt,
             ">=": operator.ge, "<": operator.lt, "less": operator.lt, "<=": operator.le,
             "contains": lambda a, b: b in a, "not_contains": lambda a, b: b not in a,
             "matches": lambda a, b: regex_search(str(b), str(a)) is not None,
             "exists": lambda a, b: a is not None, "is_empty": lambda a, b: not a}
    if op not in table:
        raise ExpressionError(f"unknown operator '{op}'")
    try:
        return bool(table[op](left, right))
    except ExpressionError:
        raise
    except Exception as exc:
        raise ExpressionError(f"cannot compare with '{op}': {type(exc).__name__}: {exc}") from None


def interpolate(text: str, names: Mapping[str, Any]) -> str:
    """Replace ${name} / {{name}} with variable values (unknown names are left as is)."""
    def sub(m: re.Match[str]) -> str:
        key = (m.group(1) or m.group(2)).strip()
        return str(names[key]) if key in names else m.group(0)
    return re.sub(r"\$\{([^}]+)\}|\{\{([^}]+)\}\}", sub, text)
