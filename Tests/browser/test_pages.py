"""Browser tests for `kubetutor serve`: the pages as a learner sees them in headless Chromium.

Starts the built binary (KUBETUTOR_BIN, default .build/debug/kubetutor) on a free port with the
repository's Lessons/ and Public/, then checks the index, a lesson, the 404 page and the CSS, and
saves screenshots at phone (390 px) and laptop (1366 px) widths into a temporary folder
(KUBETUTOR_SCREENSHOTS to choose it); their paths are printed.
"""

import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

# Selenium Manager must not try to download a driver: this runs offline.
os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
LESSON_ID = "pod-network-namespace"
LESSON_TITLE = "Containers in a Pod share one network namespace"
WIDTHS = {"phone": 390, "laptop": 1366}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def kubetutor_binary() -> Path:
    binary = Path(os.environ.get("KUBETUTOR_BIN", REPOSITORY / ".build" / "debug" / "kubetutor"))
    if not binary.is_absolute():
        binary = REPOSITORY / binary
    if not binary.exists():
        pytest.fail(f"no kubetutor binary at {binary}: build it first (swift build) or set KUBETUTOR_BIN")
    return binary


@pytest.fixture(scope="module")
def server():
    """The running server's base URL; the process is stopped after the module's tests."""
    binary = kubetutor_binary()
    port = free_port()
    log = tempfile.TemporaryFile()
    database = Path(tempfile.mkdtemp(prefix="kubetutor-db-")) / "kubetutor.db"
    process = subprocess.Popen(
        [str(binary), "serve", "--port", str(port), "--lessons", "Lessons", "--public", "Public", "--db", str(database)],
        cwd=REPOSITORY,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"kubetutor serve exited with {process.returncode}:\n{log.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                    if response.status == 200 and response.read() == b"ok":
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail("kubetutor serve did not answer /healthz within 30 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--window-size=1366,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def screenshot_dir():
    chosen = os.environ.get("KUBETUTOR_SCREENSHOTS")
    folder = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="kubetutor-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def set_viewport(driver, width: int, height: int = 900) -> None:
    """An exact CSS viewport, as a phone or laptop of that width would have."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def full_page_screenshot(driver, path: Path, width: int) -> None:
    set_viewport(driver, width)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    set_viewport(driver, width, min(int(height), 12000))
    driver.save_screenshot(str(path))
    set_viewport(driver, width)


def visible_text(driver, css: str) -> str:
    element = driver.find_element(By.CSS_SELECTOR, css)
    assert element.is_displayed(), f"{css} is not visible"
    return element.text


def test_index_lists_the_lesson_and_links_to_it(server, browser):
    set_viewport(browser, 1366)
    browser.get(server + "/")
    assert "KubeTutor" in browser.title
    assert visible_text(browser, "h1") == "Kubernetes networking, one idea at a time"
    link = browser.find_element(By.CSS_SELECTOR, f"a.lesson-link[href='/lessons/{LESSON_ID}']")
    assert link.is_displayed()
    assert LESSON_TITLE in link.text
    link.click()
    assert browser.current_url == f"{server}/lessons/{LESSON_ID}"
    assert visible_text(browser, "h1") == LESSON_TITLE


def test_the_stylesheet_is_applied(server, browser):
    set_viewport(browser, 1366)
    browser.get(server + "/")
    style = browser.execute_script("""
        const body = getComputedStyle(document.body);
        const mark = getComputedStyle(document.querySelector('.brand-mark'));
        return {margin: body.margin, font: body.fontFamily, display: body.display, mark: mark.backgroundColor};
    """)
    # Without the CSS, a body has an 8px margin, a serif font and display: block.
    assert style["margin"] == "0px"
    assert "system-ui" in style["font"]
    assert style["display"] == "flex"
    assert style["mark"] in ("rgb(50, 108, 229)", "rgb(122, 162, 255)")  # light or dark scheme


def test_the_lesson_page_shows_its_parts(server, browser):
    set_viewport(browser, 1366)
    browser.get(f"{server}/lessons/{LESSON_ID}")
    assert browser.title == f"{LESSON_TITLE} · KubeTutor"
    assert visible_text(browser, "h1") == LESSON_TITLE
    headings = [h.text.rstrip("#").strip() for h in browser.find_elements(By.CSS_SELECTOR, ".lesson-body h2")]
    assert headings[:6] == ["The question", "The picture", "The idea", "The YAML", "Run it", "What goes wrong"]
    yaml = browser.find_element(By.CSS_SELECTOR, "pre code.language-yaml")
    assert yaml.is_displayed() and "kind: Pod" in yaml.text
    picture = browser.find_element(By.CSS_SELECTOR, "figure img")
    assert picture.get_attribute("alt").startswith("A node called w1")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", picture), \
        "the SVG picture did not load"
    browser.find_element(By.CSS_SELECTOR, ".toc a[href='#what-goes-wrong']").click()
    assert browser.current_url.endswith("#what-goes-wrong")


def test_an_unknown_lesson_shows_the_404_page(server, browser):
    set_viewport(browser, 1366)
    browser.get(f"{server}/lessons/no-such-lesson")
    assert visible_text(browser, "h1") == "There is nothing at this address"
    assert browser.find_element(By.CSS_SELECTOR, f".not-found a[href='/lessons/{LESSON_ID}']").is_displayed()


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_pages_fit_the_screen_and_are_photographed(server, browser, screenshot_dir, width_name, capsys):
    width = WIDTHS[width_name]
    saved = []
    for page_name, path in (("index", "/"), ("lesson", f"/lessons/{LESSON_ID}"), ("not-found", "/lessons/nope")):
        set_viewport(browser, width)
        browser.get(server + path)
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
        shot = screenshot_dir / f"{page_name}-{width}.png"
        full_page_screenshot(browser, shot, width)
        assert shot.stat().st_size > 0
        saved.append(shot)
    with capsys.disabled():
        for shot in saved:
            print(f"\nscreenshot: {shot}")


def test_a_malformed_lesson_stops_the_server_with_file_and_line(tmp_path):
    lessons = tmp_path / "Lessons"
    lessons.mkdir()
    (lessons / "01-broken.md").write_text("---\nid: broken\ntitle: Broken\norder: first\nsummary: S.\nminutes: 5\n---\nBody\n")
    result = subprocess.run(
        [str(kubetutor_binary()), "serve", "--port", str(free_port()), "--lessons", str(lessons), "--public", "Public",
         "--db", str(tmp_path / "kubetutor.db")],
        cwd=REPOSITORY, capture_output=True, text=True, timeout=30,
    )
    assert result.returncode != 0
    assert f"{lessons}/01-broken.md:4: front matter: \"order\" must be a whole number, got \"first\"" in result.stderr
