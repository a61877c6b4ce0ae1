"""Browser test of the instructor's side, against a real `kubetutor serve` (KUBETUTOR_BIN) with a temporary SQLite
file and a known instructor token: the instructor creates a class, a learner joins it with the link and submits a
wrong answer, then the instructor signs in, finds the learner in the grid, reads their YAML, and downloads the CSV
with the sign-in cookie. Every instructor page is photographed at 390 and 1366 px (KUBETUTOR_SCREENSHOTS chooses
the folder) and must not be wider than the screen. Without a token, `serve` prints a sign-in link that works.
"""

import json
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from test_pages import REPOSITORY, free_port, kubetutor_binary  # noqa: E402
from test_learner_flow import lesson_under_test, make_browser, photograph, wrong_version  # noqa: E402

TOKEN = "browser-test-instructor-token-0123456789"
CLASS = "k8s-mon"
HANDLE = "kim.lee"


class Server:
    """`kubetutor serve` on a free port with a fresh database; `token=None` lets it make its own."""

    def __init__(self, database: Path, token):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        arguments = [str(kubetutor_binary()), "serve", "--port", str(self.port), "--lessons", "Lessons", "--public", "Public",
                     "--db", str(database)]
        if token:
            arguments += ["--instructor-token", token]
        self.log = tempfile.TemporaryFile()
        environment = {key: value for key, value in __import__("os").environ.items() if key != "KUBETUTOR_INSTRUCTOR_TOKEN"}
        self.process = subprocess.Popen(arguments, cwd=REPOSITORY, stdout=self.log, stderr=subprocess.STDOUT, env=environment)
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"kubetutor serve exited with {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail("kubetutor serve did not answer /healthz within 30 s")
            time.sleep(0.2)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("db") / "kubetutor.db", TOKEN)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def screenshot_dir():
    chosen = __import__("os").environ.get("KUBETUTOR_SCREENSHOTS")
    folder = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="kubetutor-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser():
    driver = make_browser(True)
    driver.javascript = True
    yield driver
    driver.quit()


def wait_for_url(driver, url):
    """Waits for the browser to arrive at `url` after a form post (a click returns before the answer loads)."""
    WebDriverWait(driver, 15).until(lambda d: d.current_url == url, message=f"never arrived at {url} (at {driver.current_url})")


def fetch(url, headers=None, data=None):
    """(status, headers, body) without raising on 4xx."""
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_the_instructor_sees_a_learner_of_their_class_and_downloads_the_csv(server, browser, screenshot_dir, capsys):
    lesson = lesson_under_test()
    shots = []
    driver = browser

    # Not signed in: the page asks for the token (401), the export answers plain text.
    status, _, body = fetch(server.base + "/instructor")
    assert status == 401 and 'action="/instructor/login"' in body
    status, headers, _ = fetch(server.base + "/instructor/report.csv")
    assert status == 401 and headers["Content-Type"].startswith("text/plain")

    # The instructor signs in with the form.
    driver.get(server.base + "/instructor/login")
    photograph(driver, screenshot_dir, "instructor-login", shots)
    driver.find_element(By.CSS_SELECTOR, "input[name=token]").send_keys(TOKEN)
    driver.find_element(By.CSS_SELECTOR, ".instructor-signin button[type=submit]").click()
    wait_for_url(driver, server.base + "/instructor")
    cookie = driver.get_cookie("kubetutor_instructor")
    assert cookie and cookie["httpOnly"] and cookie.get("sameSite") == "Strict" and cookie["path"] == "/instructor"
    assert TOKEN not in cookie["value"]

    # ... creates a class ...
    driver.find_element(By.CSS_SELECTOR, "input[name=code]").send_keys(CLASS)
    driver.find_element(By.CSS_SELECTOR, "input[name=name]").send_keys("Monday, 9:00")
    driver.find_element(By.CSS_SELECTOR, ".class-form button[type=submit]").click()
    wait_for_url(driver, f"{server.base}/instructor/classes/{CLASS}")

    # ... and a learner joins with its link (the class is filled in) and sends a wrong answer, then the right one elsewhere.
    driver.get(f"{server.base}/join?class={CLASS}")
    assert driver.find_element(By.CSS_SELECTOR, "input[name=classCode]").get_attribute("value") == CLASS
    driver.find_element(By.CSS_SELECTOR, "input[name=handle]").send_keys(HANDLE)
    driver.find_element(By.CSS_SELECTOR, "form.join-form button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: d.get_cookie("kubetutor_session") is not None, message="joining set no cookie")
    learner_cookie = driver.get_cookie("kubetutor_session")["value"]
    wrong, _ = wrong_version(lesson["solution"])
    marker = "# kim's <first> try"
    status, _, body = fetch(
        f"{server.base}/api/lessons/{lesson['id']}/exercises/{lesson['exercise']}/attempts",
        headers={"Content-Type": "application/json", "Cookie": f"kubetutor_session={learner_cookie}"},
        data=json.dumps({"yaml": wrong + "\n" + marker + "\n"}).encode())
    assert status in (200, 201), body
    assert json.loads(body)["passed"] is False

    # The learner's cookie opens no instructor page.
    status, _, _ = fetch(server.base + "/instructor", headers={"Cookie": f"kubetutor_session={learner_cookie}"})
    assert status == 401

    # The instructor finds the learner in the grid: in progress, 1 attempt.
    driver.get(server.base + "/instructor")
    row = driver.find_element(By.XPATH, f"//table[contains(@class,'progress-grid')]//tr[.//span[@class='grid-handle' and text()='@{HANDLE}']]")
    assert "…1" in row.text
    assert row.find_element(By.CSS_SELECTOR, "td[data-attempts]").text == "1"
    photograph(driver, screenshot_dir, "instructor-all", shots)

    driver.get(f"{server.base}/instructor/classes/{CLASS}")
    assert f"@{HANDLE}" in driver.find_element(By.CSS_SELECTOR, ".progress-grid").text
    assert driver.find_element(By.CSS_SELECTOR, f"[data-stat=tried]").get_attribute("data-value") in ("0", "1")
    driver.get(f"{server.base}/instructor/classes/{CLASS}?sort=attempts")
    assert driver.find_element(By.CSS_SELECTOR, "th[aria-sort] a").text.startswith("Attempts")
    photograph(driver, screenshot_dir, "instructor-class", shots)

    # Their timeline shows the YAML they sent, as text.
    driver.get(f"{server.base}/instructor/learners/{HANDLE}")
    yaml = driver.find_element(By.CSS_SELECTOR, ".timeline-yaml code").text
    assert marker in yaml
    photograph(driver, screenshot_dir, "instructor-learner", shots)

    # The CSV, fetched with the instructor's cookie.
    status, headers, csv = fetch(server.base + f"/instructor/report.csv?class={CLASS}",
                                 headers={"Cookie": f"kubetutor_instructor={cookie['value']}"})
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    lines = csv.split("\r\n")
    assert lines[0] == "learner,class,lesson,exercise,status,attempts,first_attempt_at,passed_at,seconds_to_pass,last_error"
    mine = [line for line in lines if line.startswith(f"{HANDLE},{CLASS},{lesson['id']},{lesson['exercise']},")]
    assert mine and mine[0].split(",")[4:6] == ["attempted", "1"], mine

    # Signing out ends the cookie's power.
    driver.get(server.base + "/instructor")
    driver.find_element(By.CSS_SELECTOR, ".instructor-signout button").click()
    wait_for_url(driver, server.base + "/instructor/login")
    assert driver.get_cookie("kubetutor_instructor") is None
    status, _, _ = fetch(server.base + "/instructor/report.csv", headers={"Cookie": f"kubetutor_instructor={cookie['value']}"})
    assert status == 401

    with capsys.disabled():
        print("\nscreenshots:\n" + "\n".join(f"  {path}" for path in shots))


def test_without_a_token_serve_prints_a_sign_in_link_that_works(tmp_path):
    running = Server(tmp_path / "kubetutor.db", None)
    try:
        deadline = time.monotonic() + 5
        match = None
        while match is None and time.monotonic() < deadline:
            match = re.search(r"(http://127\.0\.0\.1:\d+/instructor/login\?token=([A-Za-z0-9_-]{43}))\n", running.output())
            time.sleep(0.1)
        assert match, running.output()
        assert running.output().count("/instructor/login?token=") == 1
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with opener.open(match.group(1), timeout=10) as response:
            assert response.status == 200 and response.url.endswith("/instructor")
        status, _, _ = fetch(running.base + "/instructor/report.json", headers={"Authorization": f"Bearer {match.group(2)}"})
        assert status == 200
    finally:
        running.stop()
