# Stdout callback used by scripts/oracle/oracle.py.
#
# It records every task result (ok / failed / skipped) keyed by task name into
# the JSON file named by $RIG_ORACLE_RESULTS, and prints one short progress
# line per task.  Values are written with Python's json module so that floats
# keep Python's repr and dict order is preserved.
from __future__ import annotations

DOCUMENTATION = """
    name: rig_oracle
    type: stdout
    short_description: record task results for the rig oracle
    description:
        - Writes all task results to the file named by RIG_ORACLE_RESULTS.
"""

import datetime
import json
import os
import sys

from ansible.plugins.callback import CallbackBase


def _plain(value):
    """Convert (possibly tagged) ansible values into plain JSON-able Python values."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, (str, int, float, bool)) or k is None else k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        # what ansible's own to_json does with dates
        return value.isoformat()
    return {"__rig_unserializable__": repr(value), "__type__": type(value).__name__}


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'stdout'
    CALLBACK_NAME = 'rig_oracle'

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._results = {}
        self._count = 0

    def _record(self, status, result):
        name = result.task.get_name()
        data = result.result
        entry = {"status": status}
        for key in ("msg", "exception", "ansible_facts", "changed", "skip_reason"):
            if key in data:
                entry[key] = _plain(data[key])
        self._results[name] = entry
        self._count += 1
        if status == 'failed':
            sys.stdout.write('F')
        else:
            sys.stdout.write('.')
        if self._count % 80 == 0:
            sys.stdout.write('\n')
        sys.stdout.flush()

    def v2_runner_on_ok(self, result):
        self._record('ok', result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record('failed', result)

    def v2_runner_on_skipped(self, result):
        self._record('skipped', result)

    def v2_runner_on_unreachable(self, result):
        self._record('unreachable', result)

    def v2_playbook_on_stats(self, stats):
        sys.stdout.write('\n')
        path = os.environ.get('RIG_ORACLE_RESULTS')
        if path:
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(self._results, f, ensure_ascii=False, indent=1)
