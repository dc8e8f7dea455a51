#!/usr/bin/env python3
"""Regenerates the YAMLEmitter fixtures from PyYAML driving libyaml, as Ansible does.

Ansible's `to_yaml` and `to_nice_yaml` dump with `yaml.CSafeDumper` (PyYAML's binding to libyaml's
C emitter) whenever `yaml.__with_libyaml__` is true, and libyaml writes differently from PyYAML's
pure-Python emitter: no `...` after a plain root scalar, characters outside the BMP and U+0085
escaped, double-quoted scalars folded at spaces, simple keys up to 128 UTF-8 bytes, and so on.
So every output here is `yaml.dump(value, Dumper=yaml.CSafeDumper, ...)`.

Run with a Python whose PyYAML has libyaml (`python3 generate.py`; the script refuses one that
does not). The fixtures were made with PyYAML 6.0.3 and the libyaml 0.2.5 its wheels bundle, and
ansible-core 2.19.14 for ansible.json. CI does not run this: the JSON files beside it are
committed data.

Each fixture file holds one option set and a list of cases: the input in a tagged JSON form
(so floats stay floats and mapping keys keep their types and order) and libyaml's output.
`reloaded` is what `yaml.load(output, Loader=yaml.CSafeLoader)`, Ansible's loader, reads back.
Tagged form: null, true/false, JSON integers are ints, {"float": repr} is a float, JSON strings
are strings, JSON arrays are sequences, {"map": [[key, value], ...]} is a mapping.

ansible.json holds what Ansible's own `to_yaml` and `to_nice_yaml` filter functions return for
the hand-picked inputs with their default arguments, so rig's presets are checked as well as
the emitter. It is rewritten only when ansible-core can be imported.
"""
import json
import math
import os
import random

import yaml
from yaml._yaml import get_version_string

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
    # libyaml's edges: an indent outside 2..9 becomes 2; a negative width means no wrapping
    # (pure PyYAML would use 80); a width up to twice the indent becomes 80.
    "indent1_unlimited_width": dict(default_flow_style=False, indent=1, width=-1),
    "indent12_width5": dict(default_flow_style=None, indent=12, width=5),
    "indent9_width18": dict(default_flow_style=None, indent=9, width=18),
}

# Where libyaml and pure PyYAML part ways; the first two are outputs seen from Ansible itself.
LIBYAML_EDGES = [
    {"emoji": "ship it \U0001F680"}, "hello", "ship \U0001F680", "x\x85y", "\x85", "a\rb",
    {"\r": 1}, {"a\u2028b": 1}, "\x7f", "\ufffe", "\ue000\ufffd",
    {"é" * 64: 1}, {"é" * 65: 1}, {"日" * 42: 1}, {"日" * 43: 1}, {"\U0001F600" * 32: 1},
    {"\U0001F600" * 33: 1}, {"a" * 128: 1}, {"a" * 129: 1},
    "é " * 60, "日本 " * 40, "a\x07 " * 40, "word  " * 30, "w " * 45 + " x", "\t" + "ab " * 40,
    ("ab " * 30) + "\n" + ("cd " * 30), "\U0001F600 x" * 30, "\"quoted\" " * 25,
    "\\ " * 50, "x" * 90 + " " + "y" * 10, "x" * 90 + "  " + "y" * 10,
    ["\U0001F680", "\x85", "\ufeff", ""], {"": None}, {"": [1, 2]}, {"k": {"": ""}},
    {"a": {"b": {"c": ["deep " * 20]}}}, [[["x " * 50]]], {"k": [["a", "b"], {"c": "d"}]},
]

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
    return values + LIBYAML_EDGES


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


def dump(value, options):
    """libyaml's output for `value`, as Ansible's filters produce it (unicode allowed by default)."""
    return yaml.dump(value, Dumper=yaml.CSafeDumper, **options,
                     **({} if "allow_unicode" in options else {"allow_unicode": True}))


def versions():
    return {"pyyaml": yaml.__version__, "libyaml": get_version_string(), "dumper": "CSafeDumper"}


def write_ansible_fixture(inputs):
    """What Ansible's filter functions themselves return, or nothing when ansible-core is missing."""
    try:
        from ansible import __version__ as ansible_version
        from ansible.plugins.filter.core import to_nice_yaml, to_yaml
    except ImportError as error:
        print("ansible.json left as it is: %s" % error)
        return
    cases = []
    for filter_name, function in (("to_yaml", to_yaml), ("to_nice_yaml", to_nice_yaml)):
        for case_name, value in inputs:
            cases.append({"name": case_name, "filter": filter_name, "input": tagged(value),
                          "output": function(value)})
    write_fixture(os.path.join(HERE, "ansible.json"), {"ansible": ansible_version, **versions()}, cases)


def main():
    if not yaml.__with_libyaml__:
        raise SystemExit("this PyYAML has no libyaml; Ansible's output comes from CSafeDumper")
    rng = random.Random(20240601)
    inputs = [("hand-%03d" % i, v) for i, v in enumerate(hand_picked())]
    write_ansible_fixture(inputs)
    inputs += [("random-%03d" % i, random_value(rng, 0)) for i in range(150)]
    for name, options in OPTION_SETS.items():
        cases = []
        for case_name, value in inputs:
            output = dump(value, options)
            reloaded = tagged(yaml.load(output, Loader=yaml.CSafeLoader))
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
                      {**versions(), "options": options_json}, cases)


if __name__ == "__main__":
    main()
