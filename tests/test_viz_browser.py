"""The generated page, opened in real headless Chromium as a person would open it.

Skips when Chromium or chromedriver is missing, except in CI (env CI=true), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_viz_support import AROUND_FUND_2, FUND, HOSTILE_NAME, HOSTILE_SENTENCE, NODE_COUNT, build_sample_graph, eid

from capgraph.graph.subgraph import neighbourhood, whole_graph
from capgraph.viz.page import ViewOptions, write_page

CHROMIUM = os.environ.get("CAPGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CAPGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")
# Requests that never leave the machine: the page itself, inline data, and chrome:// (Chromium's
# own UI resources, e.g. the datalist's picker icon or a late new-tab page), which no host serves.
_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:")


def _require_browser() -> None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not (Path(path).exists() or shutil.which(path))]
    if not missing:
        return
    reason = f"browser test needs {', '.join(missing)} (Debian packages chromium and chromium-driver)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    _require_browser()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1400,900",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()  # stops the chromium this test started


@pytest.fixture
def sample_store(store):
    return build_sample_graph(store)


def _open(driver, page: Path) -> None:
    driver.get_log("performance")  # drop what the browser fetched for itself before the page (new-tab page)
    driver.get(page.as_uri())
    deadline = time.monotonic() + 90
    while not driver.execute_script("return typeof capgraphStable !== 'undefined' && capgraphStable === true;"):
        if time.monotonic() > deadline:
            raise AssertionError("the layout did not settle within 90 s")
        time.sleep(0.2)


def _requested_urls(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    urls += driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name);")
    return urls


def _severe_console_messages(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_neighbourhood_page_in_chromium(browser, sample_store, tmp_path):
    driver = browser
    page = tmp_path / "fund.html"
    write_page(neighbourhood(sample_store, FUND, hops=2), page)
    _open(driver, page)

    assert _severe_console_messages(driver) == []
    assert driver.execute_script("return network.body.data.nodes.length;") == len(AROUND_FUND_2)
    assert driver.execute_script("return edges.length;") == 5
    names = driver.execute_script("return nodes.get().map(n => n.cgName);")
    assert set(names) == AROUND_FUND_2

    # The legend lists the labels and types, and works as a filter.
    legend = driver.find_element("id", "legend").text
    for word in ("Fund", "Institution", "Company", "MANAGES", "ESTABLISHED", "INVESTED_IN"):
        assert word in legend
    driver.find_element("css selector", "#legend-labels input[data-name='Institution']").click()
    hidden = driver.execute_script("return nodes.get().filter(n => n.hidden).map(n => n.cgLabel);")
    assert sorted(hidden) == ["Institution", "Institution"]
    assert driver.execute_script("return edges.get().filter(e => e.hidden).length;") == 2
    driver.find_element("id", "reset").click()
    assert driver.execute_script("return nodes.get().filter(n => n.hidden).length;") == 0

    # Markup in names and sentences is text: no injected element, the text shown as typed.
    assert driver.execute_script("return document.querySelectorAll('img').length;") == 0
    assert driver.execute_script("return document.scripts.length;") == 6
    hostile = eid(HOSTILE_NAME)
    tip = driver.execute_script("return nodes.get(arguments[0]).title.textContent;", hostile)
    assert HOSTILE_NAME in tip and HOSTILE_SENTENCE in tip

    # Hover over the fund: its tooltip shows its properties and the evidence of its relationships.
    point = driver.execute_script(
        "var id = arguments[0]; var p = network.canvasToDOM(network.getPositions([id])[id]);"
        "var r = document.getElementById('mynetwork').getBoundingClientRect();"
        "return [Math.round(r.left + p.x), Math.round(r.top + p.y)];",
        eid(FUND),
    )
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).move_by_offset(point[0], point[1]).perform()
    time.sleep(0.6)
    tooltip = driver.execute_script(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t && t.style.visibility !== 'hidden' ? t.textContent : '';"
    )
    assert FUND in tooltip and "国家创业投资引导基金设立长三角创业投资引导基金。" in tooltip
    assert "引导基金的一年" in tooltip  # the article's title

    # Search focuses a node by an alias and shows its details.
    search = driver.find_element("id", "search")
    search.send_keys("国家创投引导基金\n")
    assert driver.execute_script("return network.getSelectedNodes();") == [eid(FUND)]
    assert FUND in driver.find_element("id", "details").text

    assert [url for url in _requested_urls(driver) if not url.startswith(_LOCAL_SCHEMES)] == []
    assert _severe_console_messages(driver) == []
    driver.save_screenshot(str(tmp_path / "fund.png"))
    assert (tmp_path / "fund.png").stat().st_size > 10_000


def test_big_graph_is_cut_to_the_most_connected(browser, sample_store, tmp_path):
    driver = browser
    page = tmp_path / "cut.html"
    write_page(whole_graph(sample_store), page, ViewOptions(max_nodes=5, colour_by="kind"))
    _open(driver, page)
    assert driver.execute_script("return nodes.length;") == 5
    note = driver.find_element("id", "omitted").text
    assert f"left out: {NODE_COUNT - 5} nodes" in note
    assert driver.find_element("id", "legend-colour-title").text == "COLOUR: KIND"
    assert _severe_console_messages(driver) == []
    driver.save_screenshot(str(tmp_path / "cut.png"))


def test_sample_articles_fund_page(browser, store, corpus_dir, tmp_path):
    """The issue's done-when on the real sample articles: the national fund's two-hop page."""
    from capgraph.ingest import ingest

    ingest([corpus_dir], store)
    subgraph = neighbourhood(store, "国家创业投资引导基金", hops=2)
    page = tmp_path / "fund.html"
    write_page(subgraph, page)
    _open(browser, page)
    assert _severe_console_messages(browser) == []
    assert browser.execute_script("return nodes.length;") == len(subgraph.nodes)
    assert browser.execute_script("return edges.length;") == len(subgraph.relationships)
    names = set(browser.execute_script("return nodes.get().map(n => n.cgName);"))
    assert "国家创业投资引导基金" in names
    assert [url for url in _requested_urls(browser) if not url.startswith(_LOCAL_SCHEMES)] == []
    browser.save_screenshot(str(tmp_path / "sample-fund.png"))

    regional = {name for name in names if name.endswith("创业投资引导基金") and name != "国家创业投资引导基金"}
    # 004: the national fund set up three regional funds, each with its manager.
    assert regional == {"京津冀创业投资引导基金", "长三角创业投资引导基金", "粤港澳大湾区创业投资引导基金"}
    managers = browser.execute_script("return edges.get().filter(e => e.cgType === 'MANAGES').length;")
    assert managers == 3
    evidence = browser.execute_script("return edges.get().every(e => e.cgEvidence.length > 0);")
    assert evidence


def test_the_request_check_sees_other_hosts(browser, tmp_path):
    """A control: a page that asks another host for something is caught by the same check."""
    page = tmp_path / "leaky.html"
    page.write_text(
        '<html><body><img src="http://127.0.0.1:9/pixel.png"><script>var capgraphStable = true;</script></body></html>',
        encoding="utf-8",
    )
    _open(browser, page)
    assert "http://127.0.0.1:9/pixel.png" in _requested_urls(browser)
