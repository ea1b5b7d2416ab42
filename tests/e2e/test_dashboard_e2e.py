"""The dashboard in Debian's headless Chromium: map, incident page, contested claim, hostile text."""

from __future__ import annotations

import pytest
from conftest import screenshot

pytestmark = pytest.mark.e2e


def test_map_shows_stepanakert_and_its_incident_page_lists_sources(page) -> None:
    page.goto("/")
    marker = page.locator('path.incident-marker[data-place="Stepanakert"]')
    marker.wait_for(state="attached", timeout=10_000)
    page.locator("#map path.leaflet-interactive, #map .leaflet-outlines-pane path").first.wait_for(state="attached")
    page.wait_for_function("document.querySelectorAll('.leaflet-outlines-pane path').length > 100")
    page.locator("#timeline-chart").wait_for()
    screenshot(page, "dashboard")
    marker.dispatch_event("click")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Stepanakert" in popup.inner_text()
    screenshot(page, "dashboard-popup")
    popup.get_by_role("link", name="Open incident").click()
    page.wait_for_url("**/incidents/*")
    assert "Stepanakert" in page.locator("h1").inner_text()
    sources = page.locator("#sources").inner_text()
    assert "Gegham Stepanyan" in sources and "Armenpress" in sources
    assert page.locator("#articles mark").count() >= 1
    screenshot(page, "incident-stepanakert")


def test_contested_landmine_claim_side_by_side(page) -> None:
    page.goto("/")
    row = page.locator("#incident-table tbody tr", has_text="landmine")
    row.get_by_role("link").click()
    page.wait_for_url("**/incidents/*")
    contested = page.locator("#contested").inner_text()
    assert "Baku" in contested and "6" in contested and "Stepanakert" in contested
    assert "alleged" in page.locator("#claims").inner_text().lower()
    assert "landmines" in page.locator("#articles mark").all_inner_texts()[0]
    screenshot(page, "incident-landmine-contested")


def test_hostile_article_text_does_not_execute(page) -> None:
    page.goto("/")
    page.locator("path.incident-marker").first.wait_for(state="attached")
    incident_ids = page.eval_on_selector_all("path.incident-marker", "els => els.map(e => e.dataset.incidentId)")
    for incident_id in incident_ids:
        page.goto(f"/incidents/{incident_id}")
        assert page.evaluate("window.__pwned") is None
    page.goto("/api/documents")
    hostile = [d for d in page.evaluate("JSON.parse(document.body.innerText)")["items"] if "hostile" in d["document_id"]]
    assert hostile, "the hostile article was not ingested"
    page.goto("/")
    page.locator("path.incident-marker").first.wait_for(state="attached")
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    screenshot(page, "dashboard-after-hostile")


def test_phone_width_keeps_the_map_and_claims_readable(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server)
    phone = context.new_page()
    phone.goto("/")
    phone.locator('path.incident-marker[data-place="Stepanakert"]').wait_for(state="attached")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 400
    screenshot(phone, "dashboard-phone")
    context.close()
