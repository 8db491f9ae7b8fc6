"""The learner's path, in a real browser: `dlcourse start` serves the lesson in JupyterLab;
headless Chromium (Debian's, through chromium-driver and Selenium) runs every cell of the
student and of the solution notebook and reads the verdicts, the formulas and the figures."""

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from lab_server import dlcourse_start

from dlcourse.lessons.lesson1.units import EXERCISES

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test extra")
pytest.importorskip("jupyterlab", reason="JupyterLab is the notebook extra")
pytestmark = [
    pytest.mark.skipif(
        BROWSER is None or DRIVER is None,
        reason="no Chromium or chromium-driver here; `make test` installs both where it can "
        "(root with apt-get)",
    ),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),  # selenium's own HTTP pool
]

TOKEN = "dlcourse-browser-test"

# Read from the page once every cell has run.
PANEL = "const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');"
PROBE = (
    PANEL
    + """
const verdicts = [...panel.querySelectorAll('.dlcourse-verdict')].map(
    v => [v.dataset.exercise, v.dataset.status]);
const images = [...panel.querySelectorAll('.jp-OutputArea-output img')].map(
    img => img.complete && img.naturalWidth > 0);
const math = panel.querySelectorAll('.jp-MarkdownOutput mjx-container').length;
const rawMath = [...panel.querySelectorAll('.jp-MarkdownOutput')].filter(
    m => /\\$[^$\\s][^$]*\\$/.test(m.innerText)).length;
const errors = [...panel.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')].map(
    e => e.innerText.slice(0, 300));
const video = [...panel.querySelectorAll('.jp-CodeCell')].filter(
    c => c.querySelector('.jp-InputArea').innerText.includes('show_video('))
    .map(c => c.querySelectorAll('.jp-OutputArea-output video, .jp-OutputArea-output img').length);
return {verdicts, images, math, rawMath, errors, video};
"""
)

EXERCISE_IDS = [exercise.id for exercise in EXERCISES]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`dlcourse start --no-browser` on a free port, serving a folder with both notebooks."""
    folder = tmp_path_factory.mktemp("work")
    settings = tmp_path_factory.mktemp("settings")
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text('{"windowingMode": "none"}')  # every cell in the page, to be read
    news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false"}')  # no question about news in the screenshots
    subprocess.run(
        [sys.executable, "-m", "dlcourse", "notebook", "--solution", "--out", str(folder)],
        check=True,
    )
    env = {
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTER_RUNTIME_DIR": str(tmp_path_factory.mktemp("runtime")),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path_factory.mktemp("workspaces")),
    }
    with dlcourse_start(folder, TOKEN, **env) as server:
        yield server.url, folder


@pytest.fixture
def browser(tmp_path, monkeypatch):
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must download nothing
    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--disable-dev-shm-usage",
    ):
        options.add_argument(flag)
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    try:
        yield driver
    finally:
        driver.quit()


PROMPTS = PANEL + (
    "return [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
    ".map(e => e.innerText.trim());"
)


def _run_all(driver, url, name, tmp_path):
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{url}/lab/tree/{name}?reset&token={TOKEN}")  # reset: no tab of before
    wait = WebDriverWait(driver, 120)
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".jp-Notebook .jp-Cell")))
    _wait_for_idle_kernel(url, name)
    for _ in range(3):  # a click that came before the page was wired up does nothing: again
        driver.find_element(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell").click()  # focus it
        wait.until(
            ready.element_to_be_clickable(
                (By.XPATH, "//li[contains(@class,'lm-MenuBar-item')][.//*[text()='Run']]")
            )
        ).click()
        wait.until(
            ready.element_to_be_clickable((By.CSS_SELECTOR, "li[data-command='runmenu:run-all']"))
        ).click()
        try:
            WebDriverWait(driver, 20).until(
                lambda d: any(p != "[ ]:" for p in d.execute_script(PROMPTS))
            )
            break
        except TimeoutException:
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    try:
        WebDriverWait(driver, 300).until(
            lambda d: all(re.fullmatch(r"\[\d+\]:", p) for p in d.execute_script(PROMPTS))
        )
    except TimeoutException:
        driver.save_screenshot(str(tmp_path / "when-it-stopped.png"))
        pytest.fail(
            f"not every cell ran within 5 minutes; the prompts: {driver.execute_script(PROMPTS)}; "
            f"a screenshot: {tmp_path / 'when-it-stopped.png'}"
        )
    time.sleep(2)  # the last outputs and formulas settle
    driver.execute_script(  # the screenshot shows an exercise and its verdict
        PANEL + "panel.querySelectorAll('.dlcourse-verdict')[2].scrollIntoView({block: 'end'});"
    )
    time.sleep(0.5)
    driver.save_screenshot(str(tmp_path / f"{Path(name).stem}.png"))
    return driver.execute_script(PROBE)


def _wait_for_idle_kernel(url, name, timeout=120):
    """The server's own word: the notebook's kernel has started and is idle."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{url}/api/sessions?token={TOKEN}", timeout=5) as answer:
            sessions = json.load(answer)
        if any(
            s["path"].endswith(name) and s["kernel"]["execution_state"] == "idle" for s in sessions
        ):
            return
        time.sleep(0.5)
    pytest.fail(f"the kernel of {name} was not idle within {timeout} s")


def test_the_student_notebook_runs_in_jupyterlab_and_every_check_says_not_done(
    lab, browser, tmp_path
):
    url, _ = lab
    page = _run_all(browser, url, "lesson1_student.ipynb", tmp_path)
    assert {exercise for exercise, _ in page["verdicts"]} == set(EXERCISE_IDS)
    assert {status for _, status in page["verdicts"]} == {"not done"}
    assert page["errors"] == []
    assert (tmp_path / "lesson1_student.png").stat().st_size > 10_000


def test_the_solution_notebook_passes_every_check_with_formulas_and_figures(lab, browser, tmp_path):
    url, _ = lab
    page = _run_all(browser, url, "lesson1_solution.ipynb", tmp_path)
    assert {exercise for exercise, _ in page["verdicts"]} == set(EXERCISE_IDS)
    assert {status for _, status in page["verdicts"]} == {"passed"}
    assert page["errors"] == []
    assert page["math"] > 10 and page["rawMath"] == 0  # typeset, none left as $...$
    assert page["images"] and all(page["images"])  # figures, each decoded
    assert page["video"] == [1]  # the video, or the figure in its place
