# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Which workflow variables are secret, and how their values are shown.

A variable is secret when its name says so (password, passwd, token, secret, apikey, ...) or when
an action marked it ``sensitive``: SET_VARIABLE with ``"sensitive": true``, or a STRING_OPERATION
whose input was secret (the result of trimming a password is still a password).

Secret values are masked where messages are made, so no event, console line, events.jsonl entry,
JUnit report or upload ever carries them. The mask is fixed and never reveals a value's length.
"""

from __future__ import annotations

import functools
import re
import weakref
from typing import Any, Iterable, Protocol

#: Shown instead of a secret value; the same whatever the value's length.
MASK = "********"

# Compared against the name lower-cased with '_', '-', '.' and spaces removed.
_SECRET_WORDS = ("password", "passwd", "passphrase", "pwd", "token", "secret", "apikey", "credential",
                 "privatekey")
_SEPARATORS = re.compile(r"[\s_.\-]")
# Values shorter than this are not scrubbed out of free text (they would mangle ordinary words);
# they are still masked wherever the value is shown as a variable's value.
_MIN_SCRUB_LENGTH = 4


class VariableScopes(Protocol):
    """What this module needs of engine.Variables (not imported: engine imports the actions)."""

    globals: dict[str, Any]
    process: dict[str, Any]
    locals: list[dict[str, Any]]


# Names marked sensitive, and secret values seen, per run (the Variables object lives as long as its engine).
_marked: "weakref.WeakKeyDictionary[Any, set[str]]" = weakref.WeakKeyDictionary()
_seen: "weakref.WeakKeyDictionary[Any, set[str]]" = weakref.WeakKeyDictionary()


def is_secret_name(name: Any) -> bool:
    """True for names like password, user_passwd, authToken, API-KEY, clientSecret."""
    return isinstance(name, str) and _secret_name(name)


@functools.lru_cache(maxsize=4096)
def _secret_name(name: str) -> bool:
    # Cached: every emitted event asks this for every variable name.
    flat = _SEPARATORS.sub("", name).lower()
    return any(word in flat for word in _SECRET_WORDS)


def mark_sensitive(variables: VariableScopes, name: str) -> None:
    """Treats ``name`` as secret for the rest of the run, whatever it is called."""
    _marked.setdefault(variables, set()).add(name)


def is_secret(variables: VariableScopes | None, name: Any) -> bool:
    if is_secret_name(name):
        return True
    return variables is not None and isinstance(name, str) and name in _marked.get(variables, ())


def secret_values(variables: VariableScopes | None) -> list[str]:
    """The text of every secret variable's value, longest first (so a value containing another is
    scrubbed whole)."""
    found = _all_secret_texts(variables)
    return sorted((v for v in found if len(v) >= _MIN_SCRUB_LENGTH), key=len, reverse=True)


def contains_secret(variables: VariableScopes | None, text: str) -> bool:
    """True when ``text`` holds any secret value, however short (deciding, unlike scrubbing, may err
    on the side of masking)."""
    return any(v and v in text for v in _all_secret_texts(variables))


_TEMPLATE_NAME = re.compile(r"\$\{([^}]+)\}|\{\{([^}]+)\}\}")


def template_mentions_secret(variables: VariableScopes | None, template: Any) -> bool:
    """True when a ``${name}`` / ``{{name}}`` template refers to a secret variable."""
    if not isinstance(template, str):
        return False
    return any(is_secret(variables, (m.group(1) or m.group(2)).strip()) for m in _TEMPLATE_NAME.finditer(template))


def _all_secret_texts(variables: VariableScopes | None) -> set[str]:
    """Values of the secret variables now, and of those seen earlier in the run: a workflow's local
    password is gone when the workflow returns, but a later message may still quote it."""
    if variables is None:
        return set()
    seen = _seen.setdefault(variables, set())
    for scope in (variables.globals, variables.process, *variables.locals):
        for name, value in scope.items():
            if is_secret(variables, name):
                seen.update(_texts(value))
    return seen


def _texts(value: Any) -> Iterable[str]:
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, (list, tuple, set)):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    return [str(value)]


def scrub_event(body: dict[str, Any], variables: VariableScopes | None) -> dict[str, Any]:
    """The event body with secret values masked in every string; the body itself when there is
    nothing to mask. The last guard: actions already mask what they report."""
    values = secret_values(variables)
    if not values:
        return body

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            for secret in values:
                if secret in value:
                    value = value.replace(secret, MASK)
            return value
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        return value

    return clean(body)


__all__ = ["MASK", "contains_secret", "is_secret", "is_secret_name", "mark_sensitive", "scrub_event", "secret_values",
           "template_mentions_secret"]
