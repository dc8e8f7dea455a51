#!/usr/bin/env python3
"""rig against nats-py: create N JetStream streams, then a no-op run over them, same server, same run.

For each N (10, 100, 1000 by default) a fresh `nats-server -js` on 127.0.0.1 and a free port:
  rig     `rig apply` of a playbook with one nats_stream task looping over N streams;
  nats-py the same intent written the way a script would: for each stream, STREAM.INFO, then
          add_stream when it is missing or update_stream when its config differs.
The first run creates, the second changes nothing. Prints wall times and ratios.

Needs a release build of rig, nats-server (scripts/setup.sh) and nats-py (pip install nats-py).
"""
import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

NATS_PY = r'''
import asyncio, sys, nats
from nats.js.api import StreamConfig, StorageType, RetentionPolicy, DiscardPolicy
from nats.js.errors import NotFoundError

async def main(url, count):
    nc = await nats.connect(url)
    js = nc.jetstream()
    for i in range(count):
        config = StreamConfig(name=f"s{i}", subjects=[f"s{i}.>"], storage=StorageType.MEMORY,
                              retention=RetentionPolicy.LIMITS, discard=DiscardPolicy.OLD, max_age=3600.0)
        try:
            info = await js.stream_info(config.name)
            live = info.config
            if live.subjects != config.subjects or live.storage != config.storage or live.max_age != config.max_age:
                await js.update_stream(config)
        except NotFoundError:
            await js.add_stream(config)
    await nc.close()

asyncio.run(main(sys.argv[1], int(sys.argv[2])))
'''


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nats_server():
    for candidate in (shutil.which("nats-server"), "/usr/sbin/nats-server", "/usr/bin/nats-server"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("nats-server not found: run scripts/setup.sh")


def start_server(store):
    port = free_port()
    process = subprocess.Popen([nats_server(), "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", store],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("nats-server did not start")


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(count, rig, work):
    results = {}
    for tool in ("rig", "nats-py"):
        store = tempfile.mkdtemp(dir=work)
        process, port = start_server(store)
        try:
            if tool == "rig":
                playbook = os.path.join(work, f"streams-{count}.yaml")
                with open(playbook, "w") as f:
                    f.write(f"""- hosts: localhost
  tasks:
    - name: streams
      nats_stream:
        servers: ["nats://127.0.0.1:{port}"]
        name: "s{{{{ item }}}}"
        subjects: ["s{{{{ item }}}}.>"]
        storage: memory
        retention: limits
        discard: old
        maxAge: 1h
      loop: "{{{{ range({count}) | list }}}}"
""")
                command = [rig, "apply", playbook]
            else:
                script = os.path.join(work, "streams.py")
                with open(script, "w") as f:
                    f.write(NATS_PY)
                command = [sys.executable, script, f"nats://127.0.0.1:{port}", str(count)]
            results[tool] = (timed(command), timed(command))
        finally:
            process.terminate()
            process.wait(timeout=10)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", default="10,100,1000")
    args = parser.parse_args()
    rig = os.path.join(REPO, ".build/release/rig")
    if not os.access(rig, os.X_OK):
        raise SystemExit("missing .build/release/rig: swift build -c release --product rig")
    try:
        import nats  # noqa: F401
    except ImportError:
        raise SystemExit("nats-py is missing: python3 -m pip install nats-py")
    print(f"{'streams':>8} {'rig create':>11} {'nats-py':>9} {'ratio':>6}   {'rig no-op':>10} {'nats-py':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as work:
        for count in (int(c) for c in args.counts.split(",")):
            r = measure(count, rig, work)
            (rig_create, rig_noop), (py_create, py_noop) = r["rig"], r["nats-py"]
            print(f"{count:>8} {rig_create * 1000:>9.0f}ms {py_create * 1000:>7.0f}ms {py_create / rig_create:>5.1f}x"
                  f"   {rig_noop * 1000:>8.0f}ms {py_noop * 1000:>7.0f}ms {py_noop / rig_noop:>5.1f}x")


if __name__ == "__main__":
    main()
