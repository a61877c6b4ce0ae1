"""The durability guarantee: an attempt the server acknowledged with a 2xx survives a SIGKILL.

A real `kubetutor serve` on 127.0.0.1 with a temporary SQLite file takes concurrent attempt submissions
from several learners; the test kills it with SIGKILL in the middle of the load, then opens the file and
finds every acknowledged attempt there, with `PRAGMA integrity_check` ok, and the server starts again on it.
Requests go to loopback only, and the load is bounded in count and time.
"""

import json
import signal
import sqlite3
import threading
import time
import urllib.error
import urllib.request

from test_learner_flow import Server

LESSON = "services-clusterip"
EXERCISE = "fix-selector"
WORKERS = 6
MAX_REQUESTS_PER_WORKER = 400
KILL_AFTER_SECONDS = 2.0


def post_json(server, path, body, cookie=None, timeout=10):
    headers = {"Content-Type": "application/json", "Origin": server.base}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(server.base + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    return urllib.request.urlopen(request, timeout=timeout)


def join(server, handle):
    with post_json(server, "/api/learners", {"handle": handle}) as response:
        assert response.status == 201
        cookie = response.headers["Set-Cookie"].split(";")[0]
        assert cookie.startswith("kubetutor_session=")
        return cookie


def test_every_acknowledged_attempt_survives_kill_9(tmp_path):
    database = tmp_path / "progress.db"
    server = Server(database)
    server.start()
    cookies = [join(server, f"learner-{n}") for n in range(WORKERS)]
    acknowledged = []
    lock = threading.Lock()
    stop = threading.Event()

    def submit(worker):
        for n in range(MAX_REQUESTS_PER_WORKER):
            if stop.is_set():
                return
            marker = f"# attempt {worker}-{n}"
            yaml = f"{marker}\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n"
            try:
                with post_json(server, f"/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts", {"yaml": yaml}, cookies[worker]) as response:
                    if 200 <= response.status < 300:
                        with lock:
                            acknowledged.append(marker)
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                return  # the server is gone: what was not acknowledged may be lost

    threads = [threading.Thread(target=submit, args=(worker,)) for worker in range(WORKERS)]
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER_SECONDS)
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=10)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    server.process = None
    server.log.close()

    assert len(acknowledged) > 20, f"the load was too light to mean anything ({len(acknowledged)} attempts)"
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0].split("\n", 1)[0] for row in connection.execute("SELECT yaml FROM attempts")}
    finally:
        connection.close()
    missing = [marker for marker in acknowledged if marker not in stored]
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged attempts are not in the file: {missing[:5]}"
    print(f"\n{len(acknowledged)} attempts acknowledged before SIGKILL, all in the file ({len(stored)} stored)")

    # The server opens the file again and serves.
    server.start()
    server.stop()
