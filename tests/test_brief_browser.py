"""The HTML briefing opened in a real headless Chromium: the charts render and the page is not blank.

Needs SIGNALSCAN_TEST_CHROMIUM (e.g. /usr/bin/chromium); fails, not skips, when it is missing.
"""

import os

import pytest
from brief_helpers import sample_source

from signalscan.briefing import generate_briefing, render

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.server
def test_html_briefing_renders_its_charts_in_chromium(tmp_path):
    executable = os.environ.get("SIGNALSCAN_TEST_CHROMIUM")
    if not executable:
        pytest.fail("set SIGNALSCAN_TEST_CHROMIUM to a Chromium binary (e.g. /usr/bin/chromium)")
    from PIL import Image
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "briefing.html"
    page_file.write_bytes(render(generate_briefing(sample_source()), "html"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(page_file.as_uri())
            widths = page.eval_on_selector_all(
                "img.chart", "imgs => imgs.map(i => i.complete && i.naturalWidth)"
            )
            assert len(widths) == 2 and all(w > 0 for w in widths), widths
            assert page.locator("h2", has_text="Leadership questions").is_visible()
            page.locator("#rag-chart").scroll_into_view_if_needed()
            shot = tmp_path / "rag.png"
            page.locator("#rag-chart").screenshot(path=str(shot))
        finally:
            browser.close()
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 10  # a blank screenshot has one or two colours
