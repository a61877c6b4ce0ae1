#!/usr/bin/env python3
"""`make bench`: KubeTutor's speed claims, each measured against its anchor in the same run.

Not a test: machines differ, so nothing here passes or fails a build. Each figure prints one line with the ratio
to its anchor and the absolute numbers behind it; at the end a Markdown table for README.md, with the date and
the machine. Everything that sends traffic uses 127.0.0.1.

    Scripts/bench.py --bin .build-release/release/kubetutor [--corpus ../shared/corpus] [--only page,check,...]
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
LESSON = "services-clusterip"
EXERCISE = "fix-selector"
PAGE = f"/lessons/{LESSON}"
FIGURES = ["page", "check", "attempts", "start", "hostile", "report"]

# The Service from the seed article (its nginx-service), as a learner would type it.
SEED_SERVICE = """apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: nginx
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, deadline_seconds=30):
    """Polls `url` until it answers 200; returns the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < deadline_seconds:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout):
            pass
        time.sleep(0.002)
    raise SystemExit(f"bench: {url} did not answer within {deadline_seconds} s")


def rss_kib(pids):
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) if match else 0
    return total


def children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


class Kubetutor:
    """`kubetutor serve` on a free loopback port with a fresh SQLite file."""

    def __init__(self, binary, workdir):
        self.binary = binary
        workdir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.database = workdir / "bench.db"
        self.log = open(workdir / "serve.log", "wb")
        self.process = None

    def start(self):
        """Starts the server; returns the seconds from spawning it to the first 200 for the lesson page."""
        started = time.monotonic()
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--lessons", "Lessons",
             "--public", "Public", "--db", str(self.database), "--instructor-token", "bench-" + os.urandom(8).hex()],
            cwd=REPOSITORY, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for(self.base + PAGE)
        return time.monotonic() - started

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()


class Nginx:
    """nginx serving one file, with Debian's default worker settings, on a free loopback port."""

    def __init__(self, workdir, path, body):
        self.root = workdir / "nginx-root"
        target = self.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        os.chmod(workdir, 0o755)
        for directory in [self.root, *self.root.rglob("*")]:
            os.chmod(directory, 0o755 if directory.is_dir() else 0o644)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.prefix = workdir / "nginx"
        (self.prefix / "logs").mkdir(parents=True, exist_ok=True)
        self.conf = self.prefix / "nginx.conf"
        self.conf.write_text(f"""
worker_processes auto;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/logs/error.log;
events {{ worker_connections 1024; }}
http {{
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    access_log off;
    types {{ text/html html; }}
    default_type text/html;
    server {{
        listen 127.0.0.1:{self.port};
        root {self.root};
        client_body_temp_path {self.prefix}/body;
        proxy_temp_path {self.prefix}/proxy;
        fastcgi_temp_path {self.prefix}/fastcgi;
        uwsgi_temp_path {self.prefix}/uwsgi;
        scgi_temp_path {self.prefix}/scgi;
    }}
}}
""")
        self.process = None

    def start(self):
        started = time.monotonic()
        self.process = subprocess.Popen(
            ["nginx", "-p", str(self.prefix), "-c", str(self.conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_for(self.base + PAGE)
        return time.monotonic() - started

    def pids(self):
        return [self.process.pid, *children(self.process.pid)]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


def wrk(url, duration, script=None):
    """Runs `wrk -t2 -c50 -dN`; returns (requests per second, the done() line of the script or None, raw output)."""
    command = ["wrk", "-t2", "-c50", f"-d{duration}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    result = re.search(r"^RESULT (.*)$", output, re.MULTILINE)
    return rate, (result.group(1) if result else None), output


def page_figure(binary, workdir, duration, results):
    server = Kubetutor(binary, workdir / "page")
    cold = server.start()
    try:
        with urllib.request.urlopen(server.base + PAGE) as response:
            body = response.read()
        with urllib.request.urlopen(server.base + PAGE) as response:
            if response.read() != body:
                print("  note: the lesson page differs between two requests; nginx serves the first", file=sys.stderr)
        nginx = Nginx(workdir / "page", PAGE, body)
        nginx_cold = nginx.start()
        try:
            with urllib.request.urlopen(nginx.base + PAGE) as response:
                assert response.read() == body, "nginx does not serve the same bytes"
            ours, _, _ = wrk(server.base + PAGE, duration)
            theirs, _, _ = wrk(nginx.base + PAGE, duration)
            ours_rss = rss_kib([server.process.pid])
            nginx_rss = rss_kib(nginx.pids())
        finally:
            nginx.stop()
    finally:
        server.kill()
    ratio = ours / theirs
    line = (f"page     {ratio:.2f} × nginx (target ≥ 0.5): kubetutor {ours:,.0f} req/s, nginx {theirs:,.0f} req/s "
            f"(wrk -t2 -c50 -d{duration}s, {PAGE}, {len(body):,} bytes)")
    print(line, flush=True)
    results.append(("Lesson page, `wrk -t2 -c50 -d10s`", f"{ours:,.0f} req/s", f"nginx, same bytes: {theirs:,.0f} req/s",
                    f"{ratio:.2f}×", "≥ 0.5×"))
    return {"cold": cold, "nginx_cold": nginx_cold, "rss": ours_rss, "nginx_rss": nginx_rss}


def check_figure(binary, corpus, workdir, results):
    venv = REPOSITORY / ".venv-bench"
    validator = venv / "bin" / "kubernetes-validate"
    if not validator.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "kubernetes-validate==1.37.0"], check=True)
    if corpus and corpus.is_dir():
        files = sorted(p for p in corpus.rglob("*") if p.suffix in (".yaml", ".yml"))
        source = str(corpus)
    else:
        files = sorted((REPOSITORY / "Fuzz" / "seeds").glob("*.yaml"))
        source = "the project's fixtures (Fuzz/seeds)"
    if not files:
        raise SystemExit("bench: no manifests to check")

    def one_process(command, runs=5):
        """The best of `runs` runs of one process over every file."""
        best = float("inf")
        for _ in range(runs):
            start = time.monotonic()
            subprocess.run(command + [str(p) for p in files], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best = min(best, time.monotonic() - start)
        return best

    def process_per_file(command):
        start = time.monotonic()
        for path in files:
            subprocess.run(command + [str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.monotonic() - start

    ours = one_process([binary, "check"])
    theirs = one_process([str(validator), "--strict"], runs=3)
    ratio = theirs / ours
    process_per_file([binary, "check"])  # warm the page cache for both
    process_per_file([str(validator), "--strict"])
    ours_each = process_per_file([binary, "check"]) / len(files)
    theirs_each = process_per_file([str(validator), "--strict"]) / len(files)
    print(f"check    {ratio:.0f}× faster than kubernetes-validate --strict (target ≥ 50): one process over {len(files)} files from "
          f"{source}, kubetutor check {ours * 1000:.1f} ms, kubernetes-validate {theirs * 1000:.0f} ms; a process per file: "
          f"{ours_each * 1000:.1f} ms against {theirs_each * 1000:.0f} ms ({theirs_each / ours_each:.0f}×)", flush=True)
    results.append((f"`check`, one process over the corpus ({len(files)} files)", f"{ours * 1000:.1f} ms",
                    f"kubernetes-validate --strict: {theirs * 1000:.0f} ms", f"{ratio:.0f}×", "≥ 50×"))
    results.append(("`check`, a process per file", f"{ours_each * 1000:.1f} ms per file",
                    f"kubernetes-validate --strict: {theirs_each * 1000:.0f} ms per file", f"{theirs_each / ours_each:.0f}×", "≥ 50×"))

    seed = workdir / "seed-service.yaml"
    seed.write_text(SEED_SERVICE)
    output = subprocess.run([binary, "check", "--bench-iterations", "20000", str(seed)], capture_output=True, text=True,
                            check=True).stdout
    seed_us = float(re.search(r"([\d.]+) µs per object", output).group(1))
    corpus_output = subprocess.run([binary, "check", "--bench-iterations", "200", *map(str, files)], capture_output=True,
                                   text=True, check=True).stdout
    corpus_us = float(re.search(r"([\d.]+) µs per object", corpus_output).group(1))
    print(f"check    in process: {seed_us:.1f} µs for the seed's Service (target < 100 µs), {corpus_us:.1f} µs per object "
          f"over the corpus (validate + simulate, best of 5 runs)", flush=True)
    results.append(("`check` in process, the seed's Service", f"{seed_us:.1f} µs", "the target", f"{seed_us / 100:.2f} of it",
                    "< 100 µs"))


def cpu_seconds(pid):
    """The CPU time (user + system) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def attempts_figure(binary, workdir, duration, results, html=False):
    """Concurrent attempts from 50 learners; with `html`, each asks for the result panel as the lesson page's script does."""
    directory = workdir / ("attempts-html" if html else "attempts")
    server = Kubetutor(binary, directory)
    server.start()
    try:
        cookies = []
        for n in range(50):
            request = urllib.request.Request(
                server.base + "/api/learners", data=json.dumps({"handle": f"bench-{n}"}).encode(),
                headers={"Content-Type": "application/json", "Origin": server.base}, method="POST")
            with urllib.request.urlopen(request) as response:
                cookies.append(response.headers["Set-Cookie"].split(";")[0])
        yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n"
        # The body is {"yaml": "# attempt T-N\n<yaml>"}: JSON-escaped here, held in Lua long brackets (no escapes there).
        suffix = json.dumps("\n" + yaml)[1:]  # drops the opening quote; keeps the escaped newline and the closing one
        script = directory / "attempts.lua"
        script.write_text(f"""
local cookies = {{{", ".join(f"[==[{c}]==]" for c in cookies)}}}
local suffix = [==[{suffix}}}]==]
local n = 0
local thread_id = 0
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end
function request()
  n = n + 1
  local body = '{{"yaml":"# attempt ' .. thread_id .. '-' .. n .. suffix
  return wrk.format("POST", "/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts{"?html=1" if html else ""}",
    {{["Content-Type"] = "application/json", ["Origin"] = "{server.base}", ["Cookie"] = cookies[(n % #cookies) + 1]}}, body)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
""")
        cpu_before = cpu_seconds(server.process.pid)
        rate, result, output = wrk(server.base + "/", duration, script)
        cpu = cpu_seconds(server.process.pid) - cpu_before
        requests, status_errors, *socket_errors = (int(x) for x in result.split())
        rss = rss_kib([server.process.pid])
    finally:
        server.kill()  # SIGKILL: what is in the file now is what survived
    acknowledged = requests - status_errors
    with sqlite3.connect(server.database) as db:
        stored = db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    kept = "every one" if stored >= acknowledged else f"ONLY {stored} OF {acknowledged}"
    what = ("as the lesson page sends them (?html=1: + the result panel's HTML with its diagrams)" if html
            else "the JSON API (validate + simulate + grade + commit)")
    print(f"attempts {rate / 3000:.2f} × the target of 3,000 req/s: {rate:,.0f} req/s, {what}, 50 learners, c50; "
          f"server CPU {cpu * 1000 / max(requests, 1):.2f} ms per attempt; {acknowledged:,} acknowledged, {stored:,} in the file "
          f"after SIGKILL ({kept}), integrity_check {integrity}; {status_errors} non-2xx, socket errors {socket_errors}", flush=True)
    label = "Attempts with the result panel (`?html=1`, the lesson page)" if html else "Attempts, JSON API, `wrk -t2 -c50 -d10s` POST"
    results.append((label, f"{rate:,.0f} req/s ({cpu * 1000 / max(requests, 1):.2f} ms CPU each)",
                    f"{acknowledged:,} acknowledged, {stored:,} in the file after kill -9", f"{rate / 3000:.2f}×", "≥ 3,000 req/s"))
    return rss


def hostile_figure(binary, workdir, results):
    """Each hostile input through `kubetutor check` (a whole process) and the attempt API; the slowest answer of each."""
    directory = workdir / "hostile"
    directory.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(REPOSITORY / "Tests" / "browser"))
    from hostile_yaml import HOSTILE_YAML as inputs  # the inputs test_hostile_input.py sends
    files = {}
    for index, (name, text) in enumerate(inputs.items()):
        files[name] = directory / f"{index}.yaml"
        files[name].write_bytes(text.encode())
    files["10 MB document"] = directory / "big.yaml"
    files["10 MB document"].write_bytes(b"data:\n" + b"  k: " + b"v" * (10 * 1024 * 1024) + b"\n")
    files["invalid UTF-8"] = directory / "latin1.yaml"
    files["invalid UTF-8"].write_bytes(b"# caf\xe9\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n")
    check_times = {}
    for name, path in files.items():
        start = time.monotonic()
        subprocess.run([binary, "check", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        check_times[name] = time.monotonic() - start
    server = Kubetutor(binary, directory / "server")
    server.start()
    api_times = {}
    try:
        request = urllib.request.Request(
            server.base + "/api/learners", data=json.dumps({"handle": "bench-hostile"}).encode(),
            headers={"Content-Type": "application/json", "Origin": server.base}, method="POST")
        with urllib.request.urlopen(request) as response:
            cookie = response.headers["Set-Cookie"].split(";")[0]
        for name, text in inputs.items():
            body = json.dumps({"yaml": text}).encode()
            request = urllib.request.Request(
                server.base + f"/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts?html=1", data=body, method="POST",
                headers={"Content-Type": "application/json", "Origin": server.base, "Cookie": cookie})
            start = time.monotonic()
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
            api_times[name] = time.monotonic() - start
        with urllib.request.urlopen(server.base + "/healthz", timeout=5) as response:
            healthy = response.status == 200
    finally:
        server.kill()
    worst_check = max(check_times, key=check_times.get)
    worst_api = max(api_times, key=api_times.get)
    print(f"hostile  slowest answer {max(check_times[worst_check], api_times[worst_api]) * 1000:.0f} ms (target < 1 s): "
          f"`check` {check_times[worst_check] * 1000:.0f} ms ({worst_check}), the attempt API {api_times[worst_api] * 1000:.0f} ms "
          f"({worst_api}); {len(files)} inputs through check, {len(inputs)} through the API; server healthy afterwards: "
          f"{'yes' if healthy else 'NO'}", flush=True)
    results.append(("Hostile YAML, the slowest answer", f"{max(check_times[worst_check], api_times[worst_api]) * 1000:.0f} ms",
                    f"`check` {check_times[worst_check] * 1000:.0f} ms ({worst_check}); API {api_times[worst_api] * 1000:.0f} ms ({worst_api})",
                    f"{max(check_times[worst_check], api_times[worst_api]):.2f} of it", "< 1 s"))


def start_figure(page, attempts_rss, results):
    print(f"start    {page['cold'] * 1000:.0f} ms from spawning `kubetutor serve` to the first 200 for {PAGE} "
          f"(nginx: {page['nginx_cold'] * 1000:.0f} ms to the same page)", flush=True)
    print(f"memory   {page['rss'] / 1024:.1f} MiB resident after the page load, {attempts_rss / 1024:.1f} MiB after the attempt load "
          f"(nginx, master and workers: {page['nginx_rss'] / 1024:.1f} MiB)", flush=True)
    results.append(("Cold start to the first 200", f"{page['cold'] * 1000:.0f} ms", f"nginx: {page['nginx_cold'] * 1000:.0f} ms",
                    f"{page['cold'] / page['nginx_cold']:.1f}×", "n/a"))
    results.append(("Resident memory while serving", f"{max(page['rss'], attempts_rss) / 1024:.0f} MiB",
                    f"nginx: {page['nginx_rss'] / 1024:.0f} MiB", f"{max(page['rss'], attempts_rss) / page['nginx_rss']:.1f}×", "n/a"))


def report_figure(binary, learners, results):
    output = subprocess.run([binary, "report", "--bench", str(learners)], capture_output=True, text=True, check=True).stdout
    best = float(re.search(r"ClassReport\.load \(the report\)\s+best ([\d.]+) ms", output).group(1))
    attempts = re.search(r"(\d+) attempts", output).group(1)
    print(f"report   {best / 200:.2f} of the 200 ms target: the instructor's report over {learners:,} learners × 9 lessons "
          f"({int(attempts):,} attempts) in {best:.1f} ms (best of 5)", flush=True)
    results.append((f"Instructor report, {learners:,} learners", f"{best:.0f} ms", "the target", f"{best / 200:.2f} of it",
                    "< 200 ms"))


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    distro = "Linux"
    if Path("/etc/os-release").exists():
        distro = re.search(r'PRETTY_NAME="([^"]+)"', Path("/etc/os-release").read_text()).group(1)
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {distro}, {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="a release build of kubetutor")
    parser.add_argument("--corpus", type=Path, default=REPOSITORY.parent / "shared" / "corpus")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--learners", type=int, default=10_000, help="learners in the report's dataset (default 10,000)")
    parser.add_argument("--only", default=",".join(FIGURES), help="comma-separated figures: " + ", ".join(FIGURES))
    args = parser.parse_args()
    binary = str(Path(args.bin).resolve())
    only = set(args.only.split(","))
    for tool in ["wrk", "nginx"]:
        if shutil.which(tool) is None:
            raise SystemExit(f"bench: {tool} is not installed (apt-get install -y wrk nginx)")

    print(f"make bench, {datetime.date.today().isoformat()}, {machine()}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="kubetutor-bench-") as temporary:
        workdir = Path(temporary)
        os.chmod(workdir, 0o755)  # nginx's workers (user nobody) read the page from here
        page = page_figure(binary, workdir, args.duration, results) if only & {"page", "start"} else None
        if "check" in only:
            check_figure(binary, args.corpus, workdir, results)
        attempts_rss = attempts_figure(binary, workdir, args.duration, results) if only & {"attempts", "start"} else None
        if "attempts" in only:
            attempts_rss = max(attempts_rss, attempts_figure(binary, workdir, args.duration, results, html=True))
        if page and attempts_rss is not None:
            start_figure(page, attempts_rss, results)
        if "hostile" in only:
            hostile_figure(binary, workdir, results)
        if "report" in only:
            report_figure(binary, args.learners, results)

    print()
    print("| figure | KubeTutor | anchor | ratio | target |")
    print("|---|---|---|---|---|")
    for row in results:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
