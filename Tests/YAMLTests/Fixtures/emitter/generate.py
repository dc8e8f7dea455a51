#!/usr/bin/env python3
"""Regenerates the YAMLEmitter fixtures from the real PyYAML.

Run from anywhere: `python3 generate.py` (needs PyYAML; fixtures were made with 6.0.3).
CI does not run this: the JSON files beside it are committed data.

Each fixture file holds one option set and a list of cases: the input in a tagged JSON form
(so floats stay floats and mapping keys keep their types and order) and PyYAML's output.
`reloaded` is what PyYAML's safe_load reads back from the output (not always the input:
PyYAML folds a lone U+0085 in a single-quoted scalar into a space, for instance).
Tagged form: null, true/false, JSON integers are ints, {"float": repr} is a float, JSON strings
are strings, JSON arrays are sequences, {"map": [[key, value], ...]} is a mapping.
"""
import json
import math
import os
import random

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

OPTION_SETS = {
    "to_yaml": dict(default_flow_style=None, indent=2, width=80),
    "to_nice_yaml": dict(default_flow_style=False, indent=4, width=80),
    "block_indent2_width40": dict(default_flow_style=False, indent=2, width=40),
    "auto_indent4_width160": dict(default_flow_style=None, indent=4, width=160),
    "flow_width40": dict(default_flow_style=True, indent=2, width=40),
    "flow_width80": dict(default_flow_style=True, indent=2, width=80),
    "unsorted_explicit": dict(default_flow_style=None, indent=2, width=80, sort_keys=False,
                              explicit_start=True, explicit_end=True),
    "ascii_only": dict(default_flow_style=None, indent=3, width=50, allow_unicode=False),
}

WORDS = ["alpha", "beta", "gamma", "x", "y", "-", "--", "---", "...", "#", " #", "a#b", "a #b",
         ":", "a:", "a: b", "a:b", "?", "? a", "- a", "-a", "[", "]", "{", "}", ",", "&a", "*a",
         "!tag", "|", ">", "'", '"', "%", "@", "`", "yes", "No", "on", "OFF", "null", "~", "Null",
         "true", "False", "1", "0x1F", "0o17", "017", "09", "1_000", "1:20", "1.5", "1e3",
         "1.0e+3", ".5", "-.5", ".inf", "-.Inf", ".nan", "2024-01-01", "2024-1-1 10:00:00",
         "<<", "=", "y", "n", "é", "日本", "😀", "\u00a0", "\u0085", "\u2028", "\ufeff", "\t",
         "\x00", "\x07", "\x1b", "\r", "\\", "tab\there", "new\nline", " lead", "trail ",
         "multi\n\nblank", "end\n", "\n", "a  b", "x\u3000y"]


def tagged(value):
    if value is None or isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, dict):
        return {"map": [[tagged(k), tagged(v)] for k, v in value.items()]}
    raise TypeError(type(value))


def long_text(rng, words, length):
    parts = []
    while len(" ".join(parts)) < length:
        parts.append(rng.choice(words))
    return " ".join(parts)


def hand_picked():
    values = [None, True, False, 0, -1, 42, 2**63 - 1, -(2**63), 0.0, -0.0, 1.0, 1.5, -2.25,
              1e16, 1e15, 1e-5, 0.0001, 1.5e-07, 1e300, 123456789.123, 0.1, 1/3,
              float("inf"), float("-inf"), float("nan"), "", " ", "  ", "plain", [], {}, [[]], [{}],
              {"a": []}, {"a": {}}, {"": ""}, {None: 1}, {1: "a", 2.5: "b", True: "c"},
              {"b": 1, "a": 2, "B": 3, "é": 4, "z": 5, "10": 6, "9": 7},
              {"k": [1, 2, 3]}, {"k": [1, [2, 3]]}, {"k": {"n": {"m": [{"a": 1, "b": [True, None]}]}}},
              [1, "two", 3.0, None, True], [[1, 2], [3, [4, [5]]]], [{"a": 1}, {"b": [1, 2]}],
              {"a": 1, 1: "mixed"}, {"key with spaces": "value with: colon"},
              "x" * 79, "x" * 80, "x" * 81, "x" * 200,
              "word " * 30, ("word " * 30).strip(), "a" + " b" * 100,
              "line one\nline two\n", "a\n\n\nb", "  indented\nlines  ", "ends with space \nnext",
              "first\n second", "tab\tand\nnewline", "quote ' inside", "dq \" inside",
              "both ' and \" quotes " * 5, "colon: " * 20, "hash # " * 20,
              "é" * 100, "日本語のテキスト " * 15, "😀 " * 50, "\x01\x02\x03",
              "long " * 20 + "\x07" + " bell" * 20, "\u2028" + "x " * 50,
              "a" * 130, {"a" * 122: 1}, {"a" * 123: 1}, {"a" * 127: 1}, {"a" * 128: 1},
              {"multi\nline key": "v"}, {"": "empty key"}, {"k": ""}, {"k": None},
              {1: 1, 0: 0, -1: -1, 1.5: 1.5}, {("t", "u") if False else "tu": 1},
              ["- item", "? q", ": c", "# h", "a #", "#a"],
              {"list": [{"a": 1, "b": 2}, {"c": [1, {"d": "e"}]}]},
              ["x" * 50, "y" * 50, "z" * 50], {"k" * 40: "v" * 40 + " w" * 30},
              {"nested": {"deep": {"deeper": {"deepest": ["a b c " * 20]}}}}]
    values += WORDS
    values += [[word] for word in WORDS] + [{word: word} for word in WORDS]
    return values


def random_string(rng):
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(WORDS)
    if kind < 0.5:
        return long_text(rng, WORDS[:12] + ["lorem", "ipsum", "dolor"], rng.choice([30, 70, 90, 170]))
    if kind < 0.6:
        return "".join(rng.choice("ab \n'\"#:-") for _ in range(rng.randint(1, 40)))
    if kind < 0.7:
        return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0, 31), rng.randint(160, 0x2FFF),
                                      0x85, 0x2028, 0xFEFF, rng.randint(0x1F300, 0x1F64F)]))
                       for _ in range(rng.randint(1, 30)))
    if kind < 0.8:
        return "x" * rng.randint(100, 200) if rng.random() < 0.5 else ("word " * rng.randint(15, 40)).rstrip()
    return rng.choice(["key", "name", "value", "item", "a b", "2024-01-01", "1.0", "007"]) + str(rng.randint(0, 9))


def random_scalar(rng):
    kind = rng.random()
    if kind < 0.5:
        return random_string(rng)
    if kind < 0.65:
        return rng.randint(-10**12, 10**12)
    if kind < 0.8:
        return rng.choice([rng.uniform(-1e6, 1e6), rng.random() * 10 ** rng.randint(-30, 30), 0.5, 100.0])
    if kind < 0.9:
        return rng.choice([True, False])
    return None


def random_value(rng, depth):
    kind = rng.random()
    if depth > 3 or kind < 0.4:
        return random_scalar(rng)
    if kind < 0.7:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    result = {}
    for _ in range(rng.randint(0, 5)):
        key = random_string(rng) if rng.random() < 0.85 else rng.randint(0, 100)
        result[key] = random_value(rng, depth + 1)
    return result


def write_fixture(path, header, cases):
    """Writes one case per line, so a regenerated fixture diffs case by case."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "cases": [\n')
        handle.write(",\n".join(json.dumps(case, ensure_ascii=False) for case in cases))
        handle.write("\n]}\n")


def main():
    rng = random.Random(20240601)
    inputs = [("hand-%03d" % i, v) for i, v in enumerate(hand_picked())]
    inputs += [("random-%03d" % i, random_value(rng, 0)) for i in range(150)]
    for name, options in OPTION_SETS.items():
        cases = []
        for case_name, value in inputs:
            output = yaml.dump(value, Dumper=yaml.SafeDumper, **options,
                               **({} if "allow_unicode" in options else {"allow_unicode": True}))
            reloaded = tagged(yaml.safe_load(output))
            cases.append({"name": case_name, "input": tagged(value), "output": output, "reloaded": reloaded})
        options_json = {
            "indent": options["indent"], "width": options["width"],
            "flowStyle": {None: "automatic", False: "block", True: "flow"}[options["default_flow_style"]],
            "sortKeys": options.get("sort_keys", True),
            "explicitStart": options.get("explicit_start", False),
            "explicitEnd": options.get("explicit_end", False),
            "allowUnicode": options.get("allow_unicode", True),
        }
        write_fixture(os.path.join(HERE, name + ".json"),
                      {"pyyaml": yaml.__version__, "options": options_json}, cases)


if __name__ == "__main__":
    main()
