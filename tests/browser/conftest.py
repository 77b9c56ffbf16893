"""Headless Chromium (Debian's package) driven by Playwright against pytest-django's live server.

Skipped, with the reason, only when no browser is installed; CI installs it (.ci/run).
"""
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the live server's ORM calls are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
PASSWORD = "curate-carefully-42"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync"]


def _why_not() -> str:
    if CHROMIUM is None:
        return "no Chromium installed (apt-get install chromium; .ci/run does it) - browser tests skipped"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -r requirements-dev.txt) - browser tests skipped"
    return ""


def pytest_collection_modifyitems(config, items):
    reason = _why_not()
    if reason:
        skip = pytest.mark.skip(reason=reason)
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def curator(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser(username="curator", email="", password=PASSWORD)


@pytest.fixture
def page(chromium, live_server, curator):
    """A browser tab logged in to the admin as a curator, through the login form."""
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(15_000)
    # The admin's navigation sidebar starts closed, as a curator working on a laptop keeps it.
    context.add_init_script("window.localStorage.setItem('django.admin.navSidebarIsOpen', 'false')")
    tab = context.new_page()
    tab.goto("/admin/login/?next=/admin/")
    tab.fill("#id_username", "curator")
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    tab.wait_for_url("**/admin/")
    yield tab
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(tab, name: str, **options):
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), **options)
        return path

    return take
