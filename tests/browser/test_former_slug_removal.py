"""A curator merged a topic into the wrong one, removes the old slug from the kept topic's page in headless
Chromium, and the old slug stops leading there; a screenshot of the page goes to tests/screenshots/."""
import pytest

from claims.models import Topic
from tests.factories import make_topic

pytestmark = pytest.mark.browser


@pytest.fixture
def merged_by_mistake(transactional_db):
    from claims.services import topic_merge

    kept = make_topic(slug="robotics", name="Robotics")
    topic_merge(source=make_topic(slug="chip-design", name="Chip design"), target=kept)
    return kept


def test_a_curator_removes_a_former_slug_on_the_topics_page(page, merged_by_mistake, screenshot, live_server):
    kept = merged_by_mistake
    page.goto(f"/admin/claims/topic/{kept.pk}/change/")
    inline = page.locator(".inline-group", has_text="Former slugs")
    assert inline.locator("td.field-slug").all_inner_texts() == ["chip-design"]
    assert inline.locator("input[name$='-slug']").count() == 0  # shown, not editable
    assert not inline.get_by_text("Add another").is_visible()  # a former slug comes from a merge or a rename only
    inline.locator("input[name$='-DELETE']").check()
    screenshot(page, "former-slug-removal")
    page.click("input[name=_save]")
    page.wait_for_selector("ul.messagelist")
    assert not kept.former_slugs.exists()
    assert kept.history.first().history_change_reason == "former slug chip-design removed"
    assert page.request.get(f"{live_server.url}/api/topics/chip-design/", max_redirects=0).status == 404
    assert Topic.objects.filter(slug="robotics").exists()
