"""Safe evaluation of the small expressions configs use (conditions, computed values).

Only literals, names, arithmetic, comparisons, boolean logic, indexing and a few pure
builtins are allowed: a config must not be able to run arbitrary Python.
"""

from __future__ import annotations

import ast
import operator
import re
from typing import Any, Mapping

_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
        ast.Pow: operator.pow}
_CMP = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
        ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
        ast.NotIn: lambda a, b: a not in b}
_FUNCS = {"len": len, "str": str, "int": int, "float": float, "abs": abs, "min": min, "max": max,
          "round": round, "bool": bool, "sum": sum, "sorted": sorted, "list": list}
_CONSTS = {"true": True, "false": False, "null": None, "True": True, "False": False, "None": None}


class ExpressionError(Exception):
    pass


def _js_to_py(expr: str) -> str:
    # Configs written for the web builder use JavaScript operators.
    expr = expr.replace("===", "==").replace("!==", "!=").replace("&&", " and ").replace("||", " or ")
    return re.sub(r"!(?!=)", " not ", expr)


def evaluate(expr: str, names: Mapping[str, Any]) -> Any:
    try:
        tree = ast.parse(_js_to_py(str(expr)).strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"invalid expression {expr!r}: {exc.msg}") from None
    return _eval(tree.body, names)


def _eval(node: ast.AST, names: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        if node.id in _CONSTS:
            return _CONSTS[node.id]
        raise ExpressionError(f"unknown variable '{node.id}'")
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
        return _BIN[type(node.op)](_eval(node.left, names), _eval(node.right, names))
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, names)
        if isinstance(node.op, ast.Not):
            return not v
        if isinstance(node.op, ast.USub):
            return -v
        if isinstance(node.op, ast.UAdd):
            return +v
    if isinstance(node, ast.BoolOp):
        vals = node.values
        if isinstance(node.op, ast.And):
            result: Any = True
            for v in vals:
                result = _eval(v, names)
                if not result:
                    return result
            return result
        result = False
        for v in vals:
            result = _eval(v, names)
            if result:
                return result
        return result
    if isinstance(node, ast.Compare):
        left = _eval(node.left, names)
        for op, comp in zip(node.ops, node.comparators):
            right = _eval(comp, names)
            if type(op) not in _CMP or not _CMP[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.IfExp):
        return _eval(node.body, names) if _eval(node.test, names) else _eval(node.orelse, names)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_eval(e, names) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {_eval(k, names): _eval(v, names) for k, v in zip(node.keys, node.values) if k is not None}
    if isinstance(node, ast.Subscript):
        return _eval(node.value, names)[_eval(node.slice, names)]
    if isinstance(node, ast.Attribute) and node.attr == "length":
        return len(_eval(node.value, names))  # JS-style x.length
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS:
        return _FUNCS[node.func.id](*[_eval(a, names) for a in node.args])
    raise ExpressionError(f"unsupported expression element: {type(node).__name__}")


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
             "matches": lambda a, b: re.search(str(b), str(a)) is not None,
             "exists": lambda a, b: a is not None, "is_empty": lambda a, b: not a}
    if op not in table:
        raise ExpressionError(f"unknown operator '{op}'")
    return bool(table[op](left, right))


def interpolate(text: str, names: Mapping[str, Any]) -> str:
    """Replace ${name} / {{name}} with variable values (unknown names are left as is)."""
    def sub(m: re.Match[str]) -> str:
        key = (m.group(1) or m.group(2)).strip()
        return str(names[key]) if key in names else m.group(0)
    return re.sub(r"\$\{([^}]+)\}|\{\{([^}]+)\}\}", sub, text)
