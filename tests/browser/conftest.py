"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

Playwright's own browsers are never downloaded: the tests launch /usr/bin/chromium. Screenshots
are kept in test-output/screenshots/ for a person to look at after the run.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import IN_CI

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test's thread; Django would then refuse the
# test's own database calls as "async", though they are not.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _chromium_present():
    if shutil.which(CHROMIUM) is None:
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing (CI=true: .ci/run installs it)", pytrace=False)
        pytest.skip(f"needs Debian's chromium at {CHROMIUM}")


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot named after the test and the step."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def _take(page, step):
        name = f"{request.node.name}-{step}.png".replace("[", "-").replace("]", "")
        page.screenshot(path=SCREENSHOTS / name, full_page=True)

    return _take


@pytest.fixture
def open_page(browser):
    """A page in a new browser context (locale, viewport), closed after the test even when it
    fails: an open context keeps the live server's threads, and their database sessions, alive."""
    contexts = []

    def _open(**context_args):
        context = browser.new_context(**context_args)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


# The width of an image once the browser has loaded it (0 when it could not): read at once, an
# image still on its way reads 0 too, and the test would fail on the network's timing.
LOADED_WIDTH = """img => img.complete ? img.naturalWidth : new Promise(done => {
    img.addEventListener("load", () => done(img.naturalWidth));
    img.addEventListener("error", () => done(0));
})"""
