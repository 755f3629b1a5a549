"""Fuzzing ``loads`` and ``iter_jsonl`` with mutated documents of every model (issue 12).

Each run starts from a valid document (``dumps`` of a model drawn by :mod:`kui_core.strategies`),
mutates it (drops, duplicates or adds keys, changes types, puts in huge numbers, lone surrogates,
deep nesting, CPR-shaped text, or truncates the text) and reads it back. The promises:

- only :class:`DataError` comes out, and its texts hold nothing CPR-shaped;
- a document with a duplicate key is never accepted;
- whatever is accepted is what was written: dumping it again gives every key and value of the
  input document, of the same JSON type (no coercion; keys left out come back as defaults).

``scripts/fuzz.py`` runs the same engine over many more documents. The engine is
:func:`fuzz_one`; it returns ``"refused"``, ``"accepted"`` or a description of a broken promise.
"""

from __future__ import annotations

import json
import random
import re
import traceback
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kui_core import DataError
from kui_core.serialization import dumps, iter_jsonl, loads
from test_serialization import ROUND_TRIPS

CPR_SHAPED = re.compile(r"\d{6}[- ]?\d{4}")


class Raw:
    """JSON text put in as it is (numbers beyond a float, deep nesting)."""

    def __init__(self, text: str) -> None:
        self.text = text


class Twice:
    """An object written with one key twice."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs


def emit(node: Any, ascii_only: bool) -> str:
    """JSON text of a mutated tree; surrogates as escapes or (``ascii_only=False``) as they are."""
    if isinstance(node, Raw):
        return node.text
    if isinstance(node, Twice | dict):
        pairs = node.pairs if isinstance(node, Twice) else list(node.items())
        inner = ",".join(
            f"{json.dumps(key, ensure_ascii=ascii_only)}:{emit(value, ascii_only)}"
            for key, value in pairs
        )
        return "{" + inner + "}"
    if isinstance(node, list):
        return "[" + ",".join(emit(item, ascii_only) for item in node) + "]"
    return json.dumps(node, ensure_ascii=ascii_only)


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _places(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _places(child, (*path, index))
    return found


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def _put(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {**node, head: _put(node[head], rest, value)}
    copy = list(node)
    copy[head] = _put(node[head], rest, value)
    return copy


SWAPS: list[Any] = [
    None, True, False, 0, 1, -1, 5.0, 1.5, "", " ", "5", "x", "2024-02-30", "2024-02-29",
    "20240229", "2024-W01-1", "290204-4321", "2902044321", "stx", "error", [], {}, [1], {"a": 1},
    [None], ["2024-01-01"], {"start": "2024-01-01"},
]  # fmt: skip
HUGE = [
    Raw("1" + "0" * 400), Raw("-1" + "0" * 400), Raw("1e400"), Raw("-1e400"), Raw("1e308"),
    Raw("9" * 4299), 10**20, 2**63, -(2**63), 169, 168.0000001, 151, 3651, 1_000_001, -1, 1e-300,
]  # fmt: skip
SURROGATES = ["\ud800", "\udfff", "a\udc00b", "\udfff\ud800", "\ud83d"]


def mutate(document: Any, rng: random.Random) -> tuple[Any, str, bool]:
    """One mutation: (the tree, its kind, whether it holds a duplicate key)."""
    places = _places(document)
    place = rng.choice(places)
    target = _at(document, place)
    objects = [p for p in places if isinstance(_at(document, p), dict) and _at(document, p)]
    kind = rng.choice(
        ["drop", "twice", "add", "type", "huge", "surrogate", "nest", "cpr", "truncate"]
    )
    if kind == "drop" and objects:
        where = rng.choice(objects)
        node = _at(document, where)
        key = rng.choice(sorted(node))
        return _put(document, where, {k: v for k, v in node.items() if k != key}), kind, False
    if kind == "twice" and objects:
        where = rng.choice(objects)
        pairs = list(_at(document, where).items())
        key, value = rng.choice(pairs)
        again = value if rng.random() < 0.5 else rng.choice(SWAPS)
        pairs.insert(rng.randrange(len(pairs) + 1), (key, again))
        return _put(document, where, Twice(pairs)), kind, True
    if kind == "add" and objects:
        where = rng.choice(objects)
        key = rng.choice(["extra", "schema_version", "290204-4321", "\ud800", ""])
        return _put(document, where, {**_at(document, where), key: rng.choice(SWAPS)}), kind, False
    if kind == "huge":
        return _put(document, place, rng.choice(HUGE)), kind, False
    if kind == "surrogate":
        text = rng.choice(SURROGATES)
        if isinstance(target, str):
            at = rng.randrange(len(target) + 1)
            text = target[:at] + text + target[at:]
        return _put(document, place, text), kind, False
    if kind == "nest":
        depth = rng.choice([2, 50, 990, 5000, 100_000])
        opening, closing = ("[", "]") if rng.random() < 0.5 else ('{"a":', "}")
        return _put(document, place, Raw(opening * depth + "1" + closing * depth)), kind, False
    if kind == "cpr" and isinstance(target, str):
        return (
            _put(document, place, rng.choice(["290204-4321", "2902044321", "290204 4321"])),
            kind,
            False,
        )
    if kind == "truncate":
        return document, kind, False  # cut as text by fuzz_one
    return _put(document, place, rng.choice(SWAPS)), "type", False


def covers(written: Any, read: Any) -> bool:
    """Whether ``read`` (the re-dumped value) holds every key and value of ``written``, of the
    same JSON type; arrays item by item, in any order (sets are written sorted). A CPR number
    read as DDMMYYSSSS comes back as DDMMYY-SSSS."""
    if isinstance(written, dict):
        return isinstance(read, dict) and all(
            key in read and covers(value, read[key]) for key, value in written.items()
        )
    if isinstance(written, list):
        if not isinstance(read, list) or len(read) != len(written):
            return False
        if all(covers(w, r) for w, r in zip(written, read, strict=True)):
            return True
        unused = list(read)
        for item in written:
            match = next((r for r in unused if covers(item, r)), None)
            if match is None:
                return False
            unused.remove(match)
        return True
    if type(written) is str and type(read) is str and _CPR_FORM.fullmatch(read):
        # The one normal form of the format: a CPR number is written as DDMMYY-SSSS and may be
        # read as DDMMYYSSSS (CprNumber("0102031234") == CprNumber("010203-1234")).
        return written in (read, read.replace("-", ""))
    return type(written) is type(read) and written == read


_CPR_FORM = re.compile(r"[0-9]{6}-[0-9]{4}")


def _clean(error: DataError) -> bool:
    text = "".join(traceback.format_exception(error)) + repr(error.errors)
    return CPR_SHAPED.search(text) is None and error.__context__ is None


def fuzz_one(document: Any, cls: Any, rng: random.Random) -> str:
    """Mutate ``document`` once and read it through ``loads`` (text or bytes) and
    ``iter_jsonl``: ``"refused"``, ``"accepted"``, or what went wrong."""
    tree, kind, duplicate = mutate(document, rng)
    ascii_only = rng.random() < 0.5
    text = emit(tree, ascii_only)
    if kind == "truncate":
        text = text[: rng.randrange(len(text))]
    valid = emit(document, True)
    outcomes = set()
    runs: list[tuple[str, Callable[[], Any]]] = [
        ("loads", lambda: [loads(text, cls)]),
        ("iter_jsonl", lambda: list(iter_jsonl([valid, text], cls))[1:]),
    ]
    if ascii_only:
        runs.append(("loads bytes", lambda: [loads(text.encode(), cls)]))
    for name, run in runs:
        try:
            values = run()
        except DataError as error:
            if not _clean(error):
                return f"{name}: {kind}: CPR-shaped text or a chained exception in the error"
            if name == "iter_jsonl" and not error.path.startswith("line 2: "):
                return f"{name}: {kind}: the error does not name line 2"
            outcomes.add("refused")
            continue
        except Exception as error:  # the broken promise this engine looks for
            return f"{name}: {kind}: {type(error).__name__} escaped"
        if name == "iter_jsonl" and not text.strip():
            continue  # a blank line is skipped
        if duplicate:
            return f"{name}: a document with a duplicate key was accepted"
        (value,) = values
        if not covers(json.loads(text), json.loads(dumps(value))):
            return f"{name}: {kind}: accepted, but not as written (coerced)"
        outcomes.add("accepted")
    if len(outcomes) != 1:
        return f"{kind}: the entry points disagree"
    return outcomes.pop()


# -- in `make test`: every model, a few mutations of each draw ------------------------------------


@pytest.mark.parametrize("pair", ROUND_TRIPS, ids=lambda pair: pair[1].__name__)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_mutated_documents_are_refused_or_read_exactly_as_written(
    pair: tuple[st.SearchStrategy[Any], type[Any]], data: st.DataObject, seed: int
) -> None:
    strategy, cls = pair
    document = json.loads(dumps(data.draw(strategy)))
    rng = random.Random(seed)
    for _ in range(8):
        assert fuzz_one(document, cls, rng) in ("refused", "accepted")


def test_the_engine_catches_what_it_looks_for() -> None:
    """A test that cannot fail is a defect: the checks find a coerced value and a duplicate."""
    assert not covers({"a": 1}, {"a": 1.0})
    assert not covers({"a": [1, 2]}, {"a": [2, 3]})
    assert covers({"a": [1, 2]}, {"a": [2, 1], "b": None})
    assert not covers([1], [1, 1])
    assert covers("0102031234", "010203-1234")
    assert not covers("0102031235", "010203-1234")
    assert not covers("010203 1234", "010203-1234")
    assert emit(Twice([("a", 1), ("a", 2)]), True) == '{"a":1,"a":2}'
    assert emit({"s": "\ud800"}, True) == '{"s":"\\ud800"}'
    rng = random.Random(1)
    kinds = {mutate({"a": {"b": "c"}, "d": [1]}, rng)[1] for _ in range(300)}
    assert kinds == {"drop", "twice", "add", "type", "huge", "surrogate", "nest", "cpr", "truncate"}
