"""The lesson report, opened in a real browser (headless Chromium)."""

import json
import re
import shutil
import subprocess

import pytest
from PIL import Image

BROWSER = next(
    (
        shutil.which(name)
        for name in ("chromium", "chromium-browser", "google-chrome")
        if shutil.which(name)
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium on this machine; `make test` installs it where it can (root + apt)",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]

# Runs in the page once it has loaded: every image decoded? every table-of-contents link resolved?
PROBE = """
<script>
window.addEventListener("load", () => {
  const images = [...document.images].map(img => ({ok: img.complete && img.naturalWidth > 0,
                                                    alt: img.alt}));
  const links = [...document.querySelectorAll("nav a")].map(a => a.getAttribute("href"));
  const missing = links.filter(href => !document.getElementById(href.slice(1)));
  document.body.setAttribute("data-probe", JSON.stringify({images, links, missing,
                                                           title: document.title}));
});
</script>
"""


def _chromium(tmp_path, *args):
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    result = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_report_loads_with_every_image_and_link(lesson1_output, tmp_path):
    _, out = lesson1_output
    page = tmp_path / "report.html"
    page.write_text((out / "report.html").read_text().replace("</body>", PROBE + "</body>"))
    dom = _chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", page.as_uri())
    match = re.search(r'data-probe="([^"]*)"', dom)
    assert match, "the page did not finish loading"
    probe = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert probe["title"].startswith("Lesson 1")
    assert len(probe["images"]) == 15
    assert all(image["ok"] for image in probe["images"]), [
        i for i in probe["images"] if not i["ok"]
    ]
    assert len(probe["links"]) == 14 and probe["missing"] == []


def test_report_renders_to_a_screenshot(lesson1_output, tmp_path):
    _, out = lesson1_output
    shot = tmp_path / "shot.png"
    _chromium(
        tmp_path, "--window-size=1100,1600", f"--screenshot={shot}", (out / "report.html").as_uri()
    )
    with Image.open(shot) as image:
        assert image.size == (1100, 1600)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text, figures and styling, not a blank page
