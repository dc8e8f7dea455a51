#!/usr/bin/env python3
"""Regenerate rig's differential-test oracle with real ansible-core.

Run through ``scripts/oracle/regenerate.sh`` (which prepares the virtualenv);
this file must be executed by the venv's Python so that ``ansible-playbook``
from the same venv is used.

What it does
------------
1. Copies every case folder of ``Tests/Fixtures/templates/<case>/`` into a
   scratch work dir and writes, next to the copy, a one-play playbook
   ``play.yml`` that renders ``template.j2`` with the real
   ``ansible.builtin.template`` module (module defaults: trim_blocks on,
   lstrip_blocks off, newline_sequence "\\n").  ``vars.yaml`` (if present) is
   given to the play as ``vars_files``.  Because the play file lives in the
   case folder, Ansible's search path for ``{% include %}`` and
   ``lookup('template', ...)`` is the case folder itself (plus ``templates/``
   below it, which we never use).
2. Writes one task per entry of ``Tests/Fixtures/expressions/cases.yaml``:
   ``set_fact: {rig_result: "{{ <expr> }}"}`` followed by
   ``debug: {msg: "{{ rig_result | type_debug }}"}``.
3. Runs ONE ``ansible-playbook -i localhost, -c local`` over a master
   playbook that imports all of the above (``--jobs N``: N concurrent runs
   over round-robin shards of the plays), with a small stdout callback
   (``callback_plugins/rig_oracle.py``) that records every task result.
4. Copies the rendered bytes to ``expected.txt`` or, when rendering failed,
   writes ``expected-error.yaml`` (keeping the hand-determined ``line`` of an
   existing file), and writes ``Tests/Fixtures/expressions/expected.yaml``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..'))
FIXTURES = os.path.join(REPO, 'Tests', 'Fixtures')
TEMPLATES = os.path.join(FIXTURES, 'templates')
EXPRESSIONS = os.path.join(FIXTURES, 'expressions')

CASE_NAME_RE = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ALLOWED_CASE_FILES = re.compile(r'^(template\.j2|vars\.yaml|expected\.txt|expected-error\.yaml|[a-z0-9_.-]+\.inc\.j2)$')


def die(msg: str) -> None:
    print(f'oracle: error: {msg}', file=sys.stderr)
    sys.exit(1)


def yaml_str(s: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def dump_yaml(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1 << 20, default_flow_style=False)


def list_cases(only: set[str] | None) -> list[str]:
    if not os.path.isdir(TEMPLATES):
        return []
    names = sorted(n for n in os.listdir(TEMPLATES) if os.path.isdir(os.path.join(TEMPLATES, n)))
    for n in names:
        if not CASE_NAME_RE.match(n):
            die(f'case folder name {n!r} is not lowercase-kebab')
        folder = os.path.join(TEMPLATES, n)
        if not os.path.isfile(os.path.join(folder, 'template.j2')):
            die(f'case {n} has no template.j2')
        for f in os.listdir(folder):
            if not ALLOWED_CASE_FILES.match(f):
                die(f'case {n}: unexpected file {f!r} (allowed: template.j2, vars.yaml, *.inc.j2, expected files)')
    if only:
        missing = only - set(names)
        if missing:
            die(f'unknown case(s): {", ".join(sorted(missing))}')
        names = [n for n in names if n in only]
    return names


def load_expressions() -> list[dict]:
    path = os.path.join(EXPRESSIONS, 'cases.yaml')
    if not os.path.isfile(path):
        return []
    with open(path, encoding='utf-8') as f:
        cases = yaml.safe_load(f) or []
    seen = set()
    for i, c in enumerate(cases):
        if not isinstance(c, dict) or 'name' not in c or 'expr' not in c:
            die(f'expressions/cases.yaml entry {i} needs name and expr')
        if c['name'] in seen:
            die(f'duplicate expression name {c["name"]!r}')
        seen.add(c['name'])
        if set(c) - {'name', 'expr', 'vars'}:
            die(f'expression {c["name"]}: unknown keys {sorted(set(c) - {"name", "expr", "vars"})}')
        if 'vars' in c and not isinstance(c['vars'], dict):
            die(f'expression {c["name"]}: vars must be a mapping')
    return cases


def write_case_play(work: str, name: str, out_dir: str) -> str:
    src = os.path.join(TEMPLATES, name)
    dst = os.path.join(work, 'cases', name)
    os.makedirs(dst)
    for f in os.listdir(src):
        if f in ('expected.txt', 'expected-error.yaml'):
            continue
        shutil.copy2(os.path.join(src, f), os.path.join(dst, f))
    play = {
        'name': f'case {name}',
        'hosts': 'localhost',
        'gather_facts': False,
    }
    if os.path.isfile(os.path.join(src, 'vars.yaml')):
        play['vars_files'] = ['vars.yaml']
    play['tasks'] = [{
        'name': f'case::{name}',
        'ansible.builtin.template': {
            'src': 'template.j2',
            'dest': os.path.join(out_dir, name),
        },
        'ignore_errors': True,
    }]
    path = os.path.join(dst, 'play.yml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(dump_yaml([play]))
    return path


def write_expression_play(work: str, cases: list[dict]) -> str:
    tasks = []
    for i, c in enumerate(cases):
        block = {
            'name': f'expr block {i}',
            'block': [
                {
                    'name': f'expr::{i}::value',
                    'ansible.builtin.set_fact': {'rig_result': '{{ ' + c['expr'] + ' }}'},
                    'ignore_errors': True,
                },
                {
                    'name': f'expr::{i}::type',
                    'ansible.builtin.debug': {'msg': '{{ rig_result | type_debug }}'},
                    'ignore_errors': True,
                },
            ],
        }
        if c.get('vars'):
            block['vars'] = c['vars']
        tasks.append(block)
    d = os.path.join(work, 'expressions')
    os.makedirs(d)
    path = os.path.join(d, 'play.yml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(dump_yaml([{'name': 'expressions', 'hosts': 'localhost', 'gather_facts': False, 'tasks': tasks}]))
    return path


def first_line(msg: str) -> str:
    return msg.strip().splitlines()[0].rstrip() if msg.strip() else ''


def clean_message(msg: str, work: str) -> str:
    # make messages independent of the scratch dir and of object addresses
    msg = msg.replace(os.path.join(work, 'cases') + os.sep, '').replace(work + os.sep, '')
    return re.sub(r' at 0x[0-9a-fA-F]+>', ' at 0x...>', msg)


def read_existing_line(path: str):
    if not os.path.isfile(path):
        return None
    try:
        with open(path, encoding='utf-8') as f:
            data = yaml.safe_load(f)
        return data.get('line') if isinstance(data, dict) else None
    except Exception:
        return None


def validate_corpus() -> list[str]:
    """Every case folder must hold exactly one expected file; error lines must point into template.j2."""
    problems = []
    for n in list_cases(None):
        folder = os.path.join(TEMPLATES, n)
        has_txt = os.path.isfile(os.path.join(folder, 'expected.txt'))
        has_err = os.path.isfile(os.path.join(folder, 'expected-error.yaml'))
        if has_txt == has_err:
            problems.append(f'{n}: needs exactly one of expected.txt / expected-error.yaml')
        if has_err:
            with open(os.path.join(folder, 'expected-error.yaml'), encoding='utf-8') as f:
                data = yaml.safe_load(f)
            with open(os.path.join(folder, 'template.j2'), encoding='utf-8') as f:
                nlines = len(f.read().split('\n'))
            line = data.get('line') if isinstance(data, dict) else None
            if not isinstance(line, int) or not 1 <= line <= nlines:
                problems.append(f'{n}: expected-error.yaml line {line!r} is not a line of template.j2')
            if not (isinstance(data, dict) and isinstance(data.get('message'), str) and data['message']):
                problems.append(f'{n}: expected-error.yaml has no message')
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('cases', nargs='*', help='only these template cases (default: all); expressions are skipped when given')
    ap.add_argument('--keep-workdir', action='store_true', help='do not delete the scratch dir')
    ap.add_argument('--no-expressions', action='store_true', help='skip the expressions corpus')
    ap.add_argument('--no-templates', action='store_true', help='skip the template corpus')
    ap.add_argument('--jobs', type=int, default=1, metavar='N',
                    help='split the plays over N concurrent ansible-playbook runs (default 1: one run)')
    ap.add_argument('--check', action='store_true', help='only validate the corpus layout, do not run ansible')
    args = ap.parse_args()

    if args.check:
        problems = validate_corpus()
        for p in problems:
            print(f'  - {p}', file=sys.stderr)
        print(f'oracle: {len(list_cases(None))} case(s) checked, {len(problems)} problem(s)')
        sys.exit(2 if problems else 0)

    only = set(args.cases) if args.cases else None
    names = [] if args.no_templates else list_cases(only)
    exprs = [] if (args.no_expressions or only) else load_expressions()
    if not names and not exprs:
        die('nothing to do')

    bindir = os.path.dirname(sys.executable)
    playbook_bin = os.path.join(bindir, 'ansible-playbook')
    if not os.path.isfile(playbook_bin):
        die(f'{playbook_bin} not found; run through scripts/oracle/regenerate.sh')

    work = tempfile.mkdtemp(prefix='rig-oracle-')
    try:
        out_dir = os.path.join(work, 'out')
        os.makedirs(out_dir)
        imports = []
        for n in names:
            imports.append({'ansible.builtin.import_playbook': os.path.relpath(write_case_play(work, n, out_dir), work)})
        if exprs:
            imports.append({'ansible.builtin.import_playbook': os.path.relpath(write_expression_play(work, exprs), work)})
        # --jobs N splits the plays round-robin over N concurrent ansible-playbook runs
        jobs = max(1, min(args.jobs, len(imports)))
        shards = [imports[i::jobs] for i in range(jobs)]
        cfg = os.path.join(work, 'ansible.cfg')
        with open(cfg, 'w') as f:
            f.write('[defaults]\n')
        base_env = dict(os.environ)
        for k in list(base_env):
            if k.startswith('ANSIBLE_'):
                del base_env[k]
        base_env.update({
            'ANSIBLE_CONFIG': cfg,
            'ANSIBLE_CALLBACK_PLUGINS': os.path.join(HERE, 'callback_plugins'),
            'ANSIBLE_STDOUT_CALLBACK': 'rig_oracle',
            'ANSIBLE_LOAD_CALLBACK_PLUGINS': '1',
            'ANSIBLE_LOCALHOST_WARNING': 'False',
            'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'False',
            'ANSIBLE_RETRY_FILES_ENABLED': 'False',
            'ANSIBLE_PIPELINING': 'True',
            'ANSIBLE_NOCOLOR': '1',
            'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
            'ANSIBLE_LOCAL_TEMP': os.path.join(work, 'tmp'),
            'ANSIBLE_REMOTE_TEMP': os.path.join(work, 'rtmp'),
            'LC_ALL': 'C.UTF-8',
            'PYTHONHASHSEED': '0',
            'PYTHONDONTWRITEBYTECODE': '1',
        })
        print(f'oracle: ansible-playbook over {len(names)} template case(s) and {len(exprs)} expression(s)'
              + (f' in {jobs} parallel runs' if jobs > 1 else ''), flush=True)
        t0 = time.monotonic()
        procs = []
        for j, shard in enumerate(shards):
            master = os.path.join(work, f'site-{j}.yml')
            with open(master, 'w', encoding='utf-8') as f:
                f.write(dump_yaml(shard))
            env = dict(base_env, RIG_ORACLE_RESULTS=os.path.join(work, f'results-{j}.json'))
            cmd = [playbook_bin, '-i', 'localhost,', '-c', 'local', master]
            procs.append(subprocess.Popen(cmd, cwd=work, env=env))
        codes = [p.wait() for p in procs]
        elapsed = time.monotonic() - t0
        print(f'oracle: ansible-playbook finished in {elapsed:.1f}s (exit {", ".join(map(str, codes))})', flush=True)
        results = {}
        for j in range(jobs):
            results_path = os.path.join(work, f'results-{j}.json')
            if not os.path.isfile(results_path):
                die('ansible-playbook produced no results (see output above)')
            with open(results_path, encoding='utf-8') as f:
                results.update(json.load(f))

        problems = []
        n_ok = n_err = 0
        for n in names:
            folder = os.path.join(TEMPLATES, n)
            exp_txt = os.path.join(folder, 'expected.txt')
            exp_err = os.path.join(folder, 'expected-error.yaml')
            r = results.get(f'case::{n}')
            if r is None:
                problems.append(f'{n}: no result recorded')
                continue
            if r['status'] == 'ok':
                shutil.copyfile(os.path.join(out_dir, n), exp_txt)
                if os.path.exists(exp_err):
                    os.remove(exp_err)
                n_ok += 1
            elif r['status'] == 'failed':
                msg = clean_message(str(r.get('msg', '')), work)
                line = read_existing_line(exp_err)
                if not isinstance(line, int) or line < 1:
                    problems.append(f'{n}: renders with an error but has no hand-determined line; '
                                    f'edit {os.path.relpath(exp_err, REPO)} and set line')
                    line = 0
                with open(exp_err, 'w', encoding='utf-8') as f:
                    f.write(f'line: {line}\nmessage: {yaml_str(first_line(msg))}\n')
                if os.path.exists(exp_txt):
                    os.remove(exp_txt)
                n_err += 1
            else:
                problems.append(f'{n}: unexpected status {r["status"]}')

        if exprs:
            out = []
            for i, c in enumerate(exprs):
                rv = results.get(f'expr::{i}::value')
                rt = results.get(f'expr::{i}::type')
                if rv is None:
                    problems.append(f'expression {c["name"]}: no result recorded')
                    continue
                if rv['status'] == 'ok':
                    value = rv['ansible_facts']['rig_result']
                    entry = {'name': c['name'], 'json': json.dumps(value, ensure_ascii=False)}
                    if rt and rt['status'] == 'ok':
                        entry['type'] = rt['msg']
                    else:
                        problems.append(f'expression {c["name"]}: type_debug failed: {rt and rt.get("msg")}')
                else:
                    entry = {'name': c['name'], 'error': first_line(clean_message(str(rv.get('msg', '')), work))}
                out.append(entry)
            with open(os.path.join(EXPRESSIONS, 'expected.yaml'), 'w', encoding='utf-8') as f:
                f.write('# Generated by scripts/oracle/regenerate.sh -- do not edit.\n'
                        '# One entry per cases.yaml entry, same order. `json` is the JSON text of the\n'
                        '# native value set_fact stored (dates as ISO strings); `type` is its type_debug;\n'
                        '# `error` is the first line of the task failure message instead.\n')
                for e in out:
                    f.write(f'- name: {yaml_str(e["name"])}\n')
                    for k in ('json', 'type', 'error'):
                        if k in e:
                            f.write(f'  {k}: {yaml_str(e[k])}\n')

        print(f'oracle: {n_ok} template case(s) rendered, {n_err} failed as expected-error, {len(exprs)} expression(s)')
        problems.extend(validate_corpus())
        if problems:
            print('oracle: problems:', file=sys.stderr)
            for p in problems:
                print(f'  - {p}', file=sys.stderr)
            sys.exit(2)
    finally:
        if args.keep_workdir:
            print(f'oracle: scratch dir kept at {work}')
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
