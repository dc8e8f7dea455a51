#!/usr/bin/env python3
"""Regenerates the YAMLLoader fixture from PyYAML with libyaml (`python3 generate.py`).

Ansible reads YAML through libyaml's C parser whenever PyYAML has it (its AnsibleLoader is built
on CParser), and that parser accepts some streams PyYAML's pure-Python scanner refuses, mostly
tabs as separators (`a:\tb`, `{\ta: 1}`). So the expectations come from
`yaml.load_all(text, Loader=yaml.CSafeLoader)`; the script refuses a PyYAML without libyaml.

CI does not run this: loader.json beside it is committed data. Each case is a YAML stream and
what CSafeLoader gives for it, in the tagged JSON form of ../emitter/generate.py, or
{"error": ExceptionName} when it refuses it. Streams with timestamps are left out: PyYAML
makes dates of them and rig keeps the text.
"""
import datetime
import os
import sys

import yaml
from yaml._yaml import get_version_string

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "emitter"))
from generate import tagged, write_fixture  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

PLAIN = """~ null Null NULL nULL yes Yes YES yEs no No NO true True TRUE false False FALSE on On ON off Off
OFF y Y n N 0 00 007 08 0o17 0x1F 0x_1f 0X1F 0b101 0b1_0 -0b1 +0x10 1_000 -1_000 +12 1:20 -1:20 1:60
190:20:30 1:2:3:4 12:3 0:30 1.0 1. .5 -.5 +.5 -1.5 1e3 1.0e3 1.0e+3 1.0E-3 1.e+3 .5e+3 1_0.5 1:20.5
190:20:30.15 .inf .Inf .INF -.inf +.inf .nan .NaN .NAN -.nan inf nan 3.14.15 1__2 _1 1_ 0_ -0
9223372036854775807 -9223372036854775808 0x7FFFFFFFFFFFFFFF << = a=b foo foo_bar 12abc 1,000""".split()

DOCUMENTS = [
    "", "# only a comment\n", "---\n", "--- \n...\n", "a: 1\n---\nb: 2\n", "- 1\n- 2\n--- 3\n...\n",
    "a:\n", "a: ~\nb:\n- \n- x\n", "? a\n: b\n", "? - x\n  - y\n: z\n",
    "a: 'single ''quoted'''\nb: \"dq \\t \\u00e9 \\x41\"\n", "a: '123'\nb: \"yes\"\n",
    "a: |\n  line1\n  line2\nb: >\n  folded\n  text\n\n  para\n", "a: |-\n  x\n\nb: |+\n  y\n\n",
    "a: |2\n    indented\n", "a: plain\n  continued\n  lines\n", "a: 'multi\n  line'\n",
    "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n", "a: &a [1, 2]\nb: *a\n",
    "x: &x {k: 1}\ny: &y {k: 2, j: 3}\nz:\n  <<: [*x, *y]\n  m: 4\n",
    "x: {<<: {a: 1}, <<: {b: 2}}\n", "'<<': {a: 1}\n", "a: !!str 123\nb: !!int '42'\nc: !!float 1\n",
    "a: !!bool yes\nb: !!null x\nc: !!str\n", "a: ! 12\nb: ! '12'\n", "a: !!float 1e3\n",
    "a: !!int 0x10\nb: !!int 017\nc: !!int 1:30\n", "{a: 1, b: [x, y, {c: d}]}\n", "[a, b, [c], {}]\n",
    "a: b: c\n", "a: [1, 2\n", "a: \"x\n", "- a\nb: c\n", "a: *nope\n", "a: !!int xyz\n",
    "a: 1\na: 2\n", "{? [1, 2]: 3}\n", "&a x: &a y\n", "a: -\n", "a: - b\n", "- - - x\n", "-\n-\n",
    "a:    spaced    \n", "\"k\": v\n", "1: one\n2.5: two\nnull: three\ntrue: four\n",
    "a: 'x # not a comment'\nb: x # comment\nc: x#y\n", "key: value with: colon in quotes? no\n",
    "a: @x\n", "a: `x\n", "a:\tb\n", "\ta: 1\n", "a:\n\t- b\n",
]

# Where libyaml's parser and PyYAML's pure-Python one disagree (appended last, so the names of
# the cases above stay put).
LIBYAML_DOCUMENTS = [
    "a: b\t# c\n", "key: \t value\n", "a: 'x'\t\n", "? a\t: b\n", "{\ta: 1}\n", "a: \"\\uD800\"\n",
    "a: b\tc\n", "a\t: b\n", "a: [\tb]\n", "a: {b:\tc}\n",
]


def main():
    if not yaml.__with_libyaml__:
        raise SystemExit("this PyYAML has no libyaml; Ansible loads with CSafeLoader's parser")
    cases = []
    for token in PLAIN:
        DOCUMENTS.append("v: %s\n" % token)
        DOCUMENTS.append("- %s\n" % token)
    DOCUMENTS.extend(LIBYAML_DOCUMENTS)
    for index, text in enumerate(DOCUMENTS):
        try:
            loaded = list(yaml.load_all(text, Loader=yaml.CSafeLoader))
        except Exception as error:  # PyYAML's own errors and its ValueErrors alike
            cases.append({"name": "doc-%03d" % index, "yaml": text, "error": type(error).__name__})
            continue
        if "datetime" in repr(loaded):
            continue
        cases.append({"name": "doc-%03d" % index, "yaml": text, "documents": [tagged(d) for d in loaded]})
    write_fixture(os.path.join(HERE, "loader.json"),
                  {"pyyaml": yaml.__version__, "libyaml": get_version_string(), "loader": "CSafeLoader"}, cases)


if __name__ == "__main__":
    main()
