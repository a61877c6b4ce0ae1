"""Hostile YAML and HTTP abuse against a real `kubetutor serve` on 127.0.0.1.

Each hostile manifest goes through the attempt API as a learner would send it: the server answers with a
clear result (a 2xx grading with an error diagnostic naming the problem, or 413 for a body over 1 MiB),
never hangs (a generous timeout guards against that; speed itself is measured by benchmarks, not here), and
keeps serving afterwards. Learner strings come back escaped everywhere they appear.
"""

import json
import socket
import sqlite3
import time
import urllib.error
import urllib.request

import pytest

from hostile_yaml import HOSTILE_YAML, SERVICE
from test_kill9 import join, post_json
from test_learner_flow import Server

LESSON = "services-clusterip"
EXERCISE = "fix-selector"
HANG_GUARD_SECONDS = 20


# What each hostile input must be answered with (a part of the JSON answer).
EXPECTED = {
    "billion laughs": "KubeTutor's limit",
    "10,000-deep nesting": "levels deep",
    "NUL byte": "control characters are not allowed",
    "10,000 documents": "YAML documents",
    "a 1 MB key": "error",
    "1e309 and a 20-digit number": "cannot unmarshal",
    "a python tag": "ignored",
    "merge keys": "unknown field \\\"base\\\"",
    "duplicate keys": "already defined at line",
    "CRLF line endings": "\"passed\"",
    "a byte-order mark": "\"passed\"",
}
HOSTILE = {name: (HOSTILE_YAML[name], expected) for name, expected in EXPECTED.items()}
assert set(HOSTILE) == set(HOSTILE_YAML)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("hostile") / "progress.db")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def cookie(server):
    return join(server, "mallory")


def healthy(server):
    with urllib.request.urlopen(server.base + "/healthz", timeout=5) as response:
        return response.status == 200 and response.read() == b"ok"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_yaml_gets_a_clear_answer_and_the_server_keeps_serving(server, cookie, name):
    yaml, expected = HOSTILE[name]
    with post_json(server, f"/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts", {"yaml": yaml}, cookie, timeout=HANG_GUARD_SECONDS) as response:
        assert response.status in (200, 201)
        body = response.read().decode()
    answer = json.loads(body)
    assert answer["passed"] is False or name in ("CRLF line endings", "a byte-order mark")
    assert expected in body, f"{name}: {body[:400]}"
    assert healthy(server)


def test_the_attempt_is_stored_as_text_whole_past_a_nul_byte(server, cookie):
    # Bound as text, SQLite kept the YAML only up to the NUL; stored as bytes, it was a BLOB to anyone reading the file.
    yaml = "# marker-nul\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\u0000b\n# after the NUL\n"
    with post_json(server, f"/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts", {"yaml": yaml}, cookie, timeout=HANG_GUARD_SECONDS) as response:
        assert response.status in (200, 201)
    connection = sqlite3.connect(server.database)
    try:
        kind, stored = connection.execute("SELECT typeof(yaml), yaml FROM attempts WHERE yaml LIKE '# marker-nul%'").fetchone()
    finally:
        connection.close()
    assert kind == "text"
    assert stored == yaml


def test_a_body_over_one_mebibyte_gets_413(server, cookie):
    yaml = "a: " + "x" * (2 * 1024 * 1024)
    with pytest.raises(urllib.error.HTTPError) as refused:
        post_json(server, f"/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts", {"yaml": yaml}, cookie, timeout=HANG_GUARD_SECONDS)
    assert refused.value.code == 413
    assert healthy(server)


def test_malformed_json_and_wrong_content_types_are_refused(server, cookie):
    url = server.base + f"/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts"
    for data, content_type in [(b"{not json", "application/json"), (b'{"yaml": 42}', "application/json"), (b"yaml=x", "text/plain")]:
        request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type, "Origin": server.base, "Cookie": cookie})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=HANG_GUARD_SECONDS)
        assert refused.value.code in (400, 415), (data, content_type, refused.value.code)
    assert healthy(server)


def test_a_slow_client_does_not_block_others(server):
    slow = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    try:
        slow.sendall(b"POST /api/learners HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
        started = time.monotonic()
        assert healthy(server)
        assert time.monotonic() - started < HANG_GUARD_SECONDS
    finally:
        slow.close()


def test_path_traversal_is_not_found(server):
    for path in ["/public/../Package.swift", "/public/%2e%2e/Package.swift", "/public/%2e%2e%2fPackage.swift", "/public/..%2f..%2fetc/passwd"]:
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(server.base + path, timeout=5)
        assert missing.value.code == 404, path


def test_a_hostile_handle_and_yaml_come_back_escaped(server):
    with pytest.raises(urllib.error.HTTPError) as refused:
        post_json(server, "/api/learners", {"handle": "<script>alert(1)</script>"})
    assert refused.value.code == 400
    # JSON is data, not markup: it may carry the text, but only as JSON.
    assert refused.value.headers["Content-Type"].startswith("application/json")
    form = urllib.request.Request(
        server.base + "/join", data=b"handle=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": server.base})
    try:
        with urllib.request.urlopen(form, timeout=5) as response:
            page = response.read().decode()
    except urllib.error.HTTPError as error:
        page = error.read().decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    cookie = join(server, "xss-test")
    yaml = SERVICE.replace("name: web", "name: \"<img src=x onerror=alert(1)>\"")
    with post_json(server, f"/api/lessons/{LESSON}/exercises/{EXERCISE}/attempts?html=1", {"yaml": yaml}, cookie) as response:
        answer = json.loads(response.read())
    assert "&lt;img src=x onerror=alert(1)&gt;" in answer["html"]
    assert "<img" not in answer["html"]
    request = urllib.request.Request(server.base + f"/lessons/{LESSON}", headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=5) as response:
        page = response.read().decode()
    assert "<img src=x onerror" not in page
