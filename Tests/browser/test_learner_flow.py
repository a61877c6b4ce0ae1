"""Browser test of a learner's way through a lesson, with JavaScript on and with it off.

Against a real `kubetutor serve` (KUBETUTOR_BIN) on 127.0.0.1 with a temporary SQLite file: join, open the
ClusterIP lesson, submit a wrong YAML and see the error marked on its line in the editor's gutter, fix it and
pass, answer a question, restart the server, and find the progress still there. Every page is photographed at
390 and 1366 px (KUBETUTOR_SCREENSHOTS chooses the folder; the paths are printed) and must not be wider than
the screen.
"""

import json
import os
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from test_pages import CHROMIUM, CHROMEDRIVER, REPOSITORY, WIDTHS, free_port, full_page_screenshot, kubetutor_binary, set_viewport  # noqa: E402

CLUSTERIP_LESSON = "services-clusterip"


# ---- The lesson under test, read from its Markdown file ----

def block_scalar(block: str, key: str) -> str:
    """The text of `key: |` in an exercise or quiz block (its lines indented by two more spaces)."""
    match = re.search(rf"^{key}: \|\n((?:  .*\n|\n)+)", block, re.M)
    assert match, f"no {key} in the block"
    return "".join(line[2:] + "\n" for line in match.group(1).rstrip("\n").split("\n"))


def lesson_under_test():
    """The ClusterIP lesson; if it is not there, the first lesson with an exercise and a question (noted in the output)."""
    candidates = []
    for path in sorted((REPOSITORY / "Lessons").glob("*.md")):
        text = path.read_text()
        lesson_id = re.search(r"^id: (\S+)$", text, re.M).group(1)
        exercises = re.findall(r"```exercise\n(.*?)\n```", text, re.S)
        quizzes = re.findall(r"```quiz\n(.*?)\n```", text, re.S)
        if exercises and quizzes:
            candidates.append((lesson_id, exercises[0], quizzes[0]))
    assert candidates, "no lesson with an exercise and a question"
    chosen = next((c for c in candidates if c[0] == CLUSTERIP_LESSON), None)
    if chosen is None:
        chosen = candidates[0]
        print(f"\nnote: lesson {CLUSTERIP_LESSON} is missing; testing {chosen[0]} instead")
    lesson_id, exercise, quiz = chosen
    exercise_id = re.search(r"^id: (\S+)$", exercise, re.M).group(1)
    solution = block_scalar(exercise, "solution")
    quiz_id = re.search(r"^id: (\S+)$", quiz, re.M).group(1)
    answer = int(re.search(r"^answer: (\d+)$", quiz, re.M).group(1))
    return {"id": lesson_id, "exercise": exercise_id, "solution": solution, "quiz": quiz_id, "answer": answer}


def wrong_version(solution: str):
    """A wrong answer and the line its error is on: the Service selector written as a Deployment's
    (`matchLabels`), which the API server refuses; or, for another lesson, an unknown field under metadata."""
    lines = solution.split("\n")
    for index, line in enumerate(lines):
        if line.strip() == "selector:" and index + 1 < len(lines) and ":" in lines[index + 1]:
            indent = lines[index + 1][: len(lines[index + 1]) - len(lines[index + 1].lstrip())]
            wrong = lines[: index + 1] + [indent + "matchLabels:"] + ["  " + l for l in lines[index + 1: index + 2]] + lines[index + 2:]
            return "\n".join(wrong), index + 3  # 1-based line of the map that stands where a string belongs
    index = next(i for i, line in enumerate(lines) if line.startswith("metadata:"))
    wrong = lines[: index + 1] + ["  colour: blue"] + lines[index + 1:]
    return "\n".join(wrong), index + 2


# ---- A server that can be restarted on the same port and database ----

class Server:
    def __init__(self, database: Path):
        self.database = database
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log = None

    def start(self):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(kubetutor_binary()), "serve", "--port", str(self.port), "--lessons", "Lessons", "--public", "Public",
             "--db", str(self.database)],
            cwd=REPOSITORY, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                self.log.seek(0)
                pytest.fail(f"kubetutor serve exited with {self.process.returncode}:\n{self.log.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail("kubetutor serve did not answer /healthz within 30 s")
            time.sleep(0.2)

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.log.close()

    def restart(self):
        self.stop()
        self.start()


@pytest.fixture(scope="module")
def lesson():
    return lesson_under_test()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    database = tmp_path_factory.mktemp("db") / "kubetutor.db"
    running = Server(database)
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def screenshot_dir():
    chosen = os.environ.get("KUBETUTOR_SCREENSHOTS")
    folder = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="kubetutor-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_browser(javascript: bool):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--window-size=1366,900"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(params=[True, False], ids=["javascript-on", "javascript-off"])
def browser(request):
    driver = make_browser(request.param)
    driver.javascript = request.param
    yield driver
    driver.quit()


PAGE_CHANGES = (NoSuchElementException, StaleElementReferenceException)


def wait_for(driver, css, timeout=15):
    return WebDriverWait(driver, timeout, ignored_exceptions=PAGE_CHANGES).until(
        lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()), False),
        message=f"nothing visible matches {css}")


def submit(driver, button):
    """Presses a submit button. Without JavaScript the browser loads the server's answer: wait until it has."""
    if driver.javascript:
        button.click()
        return
    # A mark on the old page's window: the new page has a window of its own without it. (Asking whether the old
    # <html> element went stale raced the navigation: chromedriver answered "unhandled inspector error" mid-load.)
    driver.execute_script("window.kubetutorOldPage = true")
    button.click()
    WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return document.readyState !== 'loading' && window.kubetutorOldPage === undefined"),
        message="the form's answer did not replace the page")


def photograph(driver, folder: Path, name: str, saved: list):
    """Screenshots at both widths; the page must fit each screen."""
    for width in WIDTHS.values():
        set_viewport(driver, width)
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px screen"
        shot = folder / f"{name}-{width}.png"
        full_page_screenshot(driver, shot, width)
        saved.append(shot)
    set_viewport(driver, 1366)


def type_yaml(driver, section, yaml: str):
    editor = section.find_element(By.CSS_SELECTOR, "textarea[name=yaml]")
    editor.clear()
    editor.send_keys(yaml)
    assert editor.get_attribute("value").rstrip("\n") == yaml.rstrip("\n")


def click_check(driver, section):
    submit(driver, section.find_element(By.CSS_SELECTOR, "form.exercise-form button[type=submit]"))


def session_cookie(driver):
    cookie = driver.get_cookie("kubetutor_session")
    assert cookie, "no session cookie"
    assert cookie["httpOnly"], "the session cookie must be HttpOnly"
    assert cookie.get("sameSite") == "Lax"
    return cookie["value"]


def api_progress(server, token):
    request = urllib.request.Request(server.base + "/api/progress", headers={"Cookie": f"kubetutor_session={token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def test_a_learner_joins_fails_fixes_passes_answers_and_finds_it_all_after_a_restart(
        server, browser, lesson, screenshot_dir, capsys):
    mode = "js" if browser.javascript else "nojs"
    handle = f"ana-{mode}"
    saved = []
    set_viewport(browser, 1366)

    # A visitor: the course, with an invitation to join.
    browser.get(server.base + "/")
    assert browser.execute_script("return document.documentElement.classList.contains('js')") == browser.javascript
    photograph(browser, screenshot_dir, f"{mode}-index-visitor", saved)

    # Join from the lesson page, and come back to it.
    browser.get(f"{server.base}/lessons/{lesson['id']}")
    browser.find_element(By.CSS_SELECTOR, ".site-nav a.join-link").click()
    wait_for(browser, "form.join-form")
    photograph(browser, screenshot_dir, f"{mode}-join", saved)
    browser.find_element(By.ID, "handle").send_keys(handle)
    submit(browser, browser.find_element(By.CSS_SELECTOR, "form.join-form button[type=submit]"))
    WebDriverWait(browser, 15).until(lambda d: d.current_url == f"{server.base}/lessons/{lesson['id']}")
    assert wait_for(browser, ".whoami").text.endswith(handle)
    token = session_cookie(browser)

    section = browser.find_element(By.ID, f"exercise-{lesson['exercise']}")
    assert "Not tried yet" in section.find_element(By.CSS_SELECTOR, "[data-status]").text
    photograph(browser, screenshot_dir, f"{mode}-lesson-before", saved)

    # A wrong answer: the gutter marks its line, the list below says why.
    wrong, error_line = wrong_version(lesson["solution"])
    section = browser.find_element(By.ID, f"exercise-{lesson['exercise']}")
    type_yaml(browser, section, wrong)
    click_check(browser, section)
    marked = wait_for(browser, f"#exercise-{lesson['exercise']} .editor-line.has-error")
    if browser.javascript:
        assert browser.current_url == f"{server.base}/lessons/{lesson['id']}", "checked in place, without a reload"
    else:
        assert "/exercises/" in browser.current_url, "the form was posted and the page answered"
    assert marked.get_attribute("data-line") == str(error_line)
    assert "error" in marked.get_attribute("title")
    section = browser.find_element(By.ID, f"exercise-{lesson['exercise']}")
    where = section.find_element(By.CSS_SELECTOR, ".diagnostic.is-error .diagnostic-where").text
    assert where.startswith(f"Line {error_line},")
    assert "Saved as attempt 1." in section.find_element(By.CSS_SELECTOR, ".result-saved").text
    assert section.find_elements(By.CSS_SELECTOR, ".solution") == [], "no solution before a pass"
    assert "1 attempt, not passed yet" in section.find_element(By.CSS_SELECTOR, "[data-status]").text
    photograph(browser, screenshot_dir, f"{mode}-lesson-wrong", saved)

    # Hints, one at a time.
    if browser.javascript:
        button = section.find_element(By.CSS_SELECTOR, ".hint-button")
        button.click()
        visible = [li for li in section.find_elements(By.CSS_SELECTOR, ".hint-list li") if li.is_displayed()]
        assert len(visible) == 1
    else:
        hints = section.find_elements(By.CSS_SELECTOR, "details.hint")
        if hints:
            hints[0].find_element(By.TAG_NAME, "summary").click()
            assert hints[0].get_attribute("open") is not None

    # The console runs kubectl against the exercise's cluster.
    console = section.find_element(By.CSS_SELECTOR, "details.console")
    if console.get_attribute("open") is None:
        console.find_element(By.TAG_NAME, "summary").click()
    command = console.find_element(By.CSS_SELECTOR, "input[name=command]")
    command.send_keys("get pods -o wide")
    submit(browser, console.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    WebDriverWait(browser, 15, ignored_exceptions=PAGE_CHANGES).until(
        lambda d: "$ kubectl get pods -o wide" in d.find_element(
            By.CSS_SELECTOR, f"#console-{lesson['exercise']} [data-console-output]").text)
    output = browser.find_element(By.CSS_SELECTOR, f"#console-{lesson['exercise']} [data-console-output]").text
    assert "NAME" in output and "READY" in output and "IP" in output

    # The fix passes; the solution appears.
    section = browser.find_element(By.ID, f"exercise-{lesson['exercise']}")
    type_yaml(browser, section, lesson["solution"])
    click_check(browser, section)
    wait_for(browser, f"#exercise-{lesson['exercise']} .result-summary.is-pass")
    section = browser.find_element(By.ID, f"exercise-{lesson['exercise']}")
    assert "Passed: every check holds." in section.find_element(By.CSS_SELECTOR, ".result-headline").text
    assert section.find_elements(By.CSS_SELECTOR, ".editor-line.has-error") == []
    assert section.find_element(By.CSS_SELECTOR, ".solution").is_displayed()
    assert "Passed" in section.find_element(By.CSS_SELECTOR, "[data-status]").text
    trace = section.find_element(By.CSS_SELECTOR, "details.trace[open]")
    assert trace.find_element(By.CSS_SELECTOR, "svg.trace-svg").is_displayed()
    assert len(trace.find_elements(By.CSS_SELECTOR, ".trace-steps li")) >= 1
    photograph(browser, screenshot_dir, f"{mode}-lesson-passed", saved)

    # A question, answered right.
    quiz = browser.find_element(By.ID, f"quiz-{lesson['quiz']}")
    quiz.find_element(By.CSS_SELECTOR, f"input[name=choice][value='{lesson['answer']}']").click()
    submit(browser, quiz.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait_for(browser, f"#quiz-{lesson['quiz']} .quiz-verdict.is-correct")
    quiz = browser.find_element(By.ID, f"quiz-{lesson['quiz']}")
    assert quiz.find_element(By.CSS_SELECTOR, ".choice.is-correct input").is_selected()

    # The server stops and starts again on the same database: everything is still there.
    server.restart()
    progress = api_progress(server, token)
    assert progress["learner"] == handle
    studied = next(entry for entry in progress["lessons"] if entry["id"] == lesson["id"])
    exercise = next(entry for entry in studied["exercises"] if entry["id"] == lesson["exercise"])
    assert exercise == {"id": lesson["exercise"], "passed": True, "attempts": 2}
    question = next(entry for entry in studied["quiz"] if entry["id"] == lesson["quiz"])
    assert question["correct"] is True

    browser.get(f"{server.base}/lessons/{lesson['id']}")
    section = wait_for(browser, f"#exercise-{lesson['exercise']}")
    assert "Passed · 2 attempts" in section.find_element(By.CSS_SELECTOR, "[data-status]").text
    assert section.find_element(By.CSS_SELECTOR, "textarea[name=yaml]").get_attribute("value").rstrip("\n") == \
        lesson["solution"].rstrip("\n")
    assert section.find_element(By.CSS_SELECTOR, ".solution").is_displayed()
    quiz = browser.find_element(By.ID, f"quiz-{lesson['quiz']}")
    assert quiz.find_element(By.CSS_SELECTOR, f"input[name=choice][value='{lesson['answer']}']").is_selected()
    assert "is right" in quiz.find_element(By.CSS_SELECTOR, ".quiz-verdict").text

    browser.get(server.base + "/")
    card = browser.find_element(By.CSS_SELECTOR, f"a.lesson-link[href='/lessons/{lesson['id']}']")
    assert "1/" in card.find_element(By.CSS_SELECTOR, ".progress-badge").text
    photograph(browser, screenshot_dir, f"{mode}-index-learner", saved)

    browser.get(server.base + "/lessons/no-such-lesson")
    assert browser.find_element(By.TAG_NAME, "h1").text == "There is nothing at this address"
    photograph(browser, screenshot_dir, f"{mode}-not-found", saved)

    with capsys.disabled():
        for shot in saved:
            print(f"\nscreenshot: {shot}")


def test_a_form_from_another_site_is_refused(server):
    request = urllib.request.Request(
        server.base + "/join", data=b"handle=mallory", method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 403


def test_a_body_over_one_mebibyte_is_refused(server):
    request = urllib.request.Request(
        server.base + "/api/learners", data=b"{" + b" " * (1024 * 1024) + b"}", method="POST",
        headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 413


def test_a_database_that_cannot_be_opened_stops_the_server_with_a_reason(tmp_path):
    result = subprocess.run(
        [str(kubetutor_binary()), "serve", "--port", str(free_port()), "--lessons", "Lessons", "--public", "Public",
         "--db", str(tmp_path / "no-such-folder" / "kubetutor.db")],
        cwd=REPOSITORY, capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 1
    reason = next(line for line in result.stderr.splitlines() if line.startswith("kubetutor: not starting: "))
    assert "no-such-folder/kubetutor.db" in reason
