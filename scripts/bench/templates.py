#!/usr/bin/env python3
"""rig's template engine against Python Jinja2 configured as Ansible configures it.

Both sides render the same differential-corpus templates (Tests/Fixtures/templates) with the
same variables, in the same run, and the script prints how many times faster rig is:

  * render:        an already compiled template rendered again (Jinja2 Template.render)
  * parse+render:  the file parsed and rendered (what a playbook run does per template)

Jinja2 gets Ansible's settings (trim_blocks, strict undefined) and, when ansible-core is
importable (e.g. the oracle venv, /tmp/rig-oracle-venv), Ansible's filters and tests; cases
that need something this Python lacks are left out of both sides and counted.
"""
import argparse
import glob
import json
import math
import os
import subprocess
import sys
import time

import jinja2
import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def ansible_environment(folder):
    env = jinja2.Environment(
        trim_blocks=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.loopcontrols", "jinja2.ext.do"],
        loader=jinja2.FileSystemLoader([folder]),
    )
    try:
        from ansible.plugins.filter import core, mathstuff
        from ansible.plugins.test import core as test_core, mathstuff as test_math
        for module in (core, mathstuff):
            env.filters.update(module.FilterModule().filters())
        for module in (test_core, test_math):
            env.tests.update(module.TestModule().tests())
    except Exception:
        pass
    return env


def per_call(iterations, fn):
    start = time.perf_counter()
    for _ in range(iterations):
        fn()
    return (time.perf_counter() - start) / iterations * 1e6


def python_side(cases, iterations):
    results = {}
    for folder in cases:
        with open(os.path.join(folder, "template.j2"), encoding="utf-8") as f:
            source = f.read()
        variables = {}
        vars_path = os.path.join(folder, "vars.yaml")
        if os.path.exists(vars_path):
            with open(vars_path, encoding="utf-8") as f:
                variables = yaml.safe_load(f) or {}
        if source.startswith("#jinja2:"):
            continue
        env = ansible_environment(folder)
        try:
            template = env.from_string(source)
            template.render(**variables)
        except Exception:
            continue
        results[folder] = {
            "render_us": per_call(iterations, lambda: template.render(**variables)),
            "parse_render_us": per_call(iterations, lambda: env.from_string(source).render(**variables)),
        }
    return results


def rig_side(binary, cases, iterations):
    out = subprocess.run([binary, str(iterations), *cases], check=True, capture_output=True, text=True).stdout
    results = {}
    for line in out.splitlines():
        record = json.loads(line)
        if not record.get("error"):
            results[record["case"]] = record
    return results


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench-binary", default=os.path.join(REPO, ".build/release/TemplateBench"))
    parser.add_argument("--iterations", type=int, default=300)
    args = parser.parse_args()
    cases = sorted(os.path.dirname(p) for p in glob.glob(os.path.join(REPO, "Tests/Fixtures/templates/*/template.j2")))
    cases = [c for c in cases if os.path.exists(os.path.join(c, "expected.txt"))]
    python = python_side(cases, args.iterations)
    rig = rig_side(args.bench_binary, list(python), args.iterations)
    both = [c for c in python if c in rig]
    print(f"templates: {len(both)} of {len(cases)} corpus cases ran on both sides "
          f"(Jinja2 {jinja2.__version__}, Python {sys.version.split()[0]}, {args.iterations} iterations each)")
    for key, label in (("render_us", "render of a compiled template"), ("parse_render_us", "parse + render of the file")):
        ratios = [python[c][key] / rig[c][key] for c in both]
        total_py = sum(python[c][key] for c in both)
        total_rig = sum(rig[c][key] for c in both)
        print(f"  {label:32} Jinja2 {total_py / 1000:8.2f} ms  rig {total_rig / 1000:8.2f} ms  "
              f"rig is {total_py / total_rig:5.1f}x faster in total, {geometric_mean(ratios):5.1f}x per template (geomean), "
              f"slowest case {min(ratios):4.1f}x")
    slowest = sorted(both, key=lambda c: python[c]["render_us"] / rig[c]["render_us"])[:5]
    print("  slowest for rig (render of a compiled template): " + ", ".join(
        f"{os.path.basename(c)} {python[c]['render_us'] / rig[c]['render_us']:.1f}x" for c in slowest))


if __name__ == "__main__":
    main()
