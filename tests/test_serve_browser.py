"""The explorer in real headless Chromium, against a real uvicorn and a real FalkorDB.

Search → suggestion → expand by double-click → evidence → article → saved query with a
parameter → export GraphML and PNG (read back) → filters after "Show all"; hostile text stays
text; Chinese labels are drawn with a real font. Skips without Chromium (fails in CI).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import uvicorn
from serve_support import build_dated_sample_graph
from test_viz_browser import _LOCAL_SCHEMES, _requested_urls, _severe_console_messages, browser  # noqa: F401
from test_viz_support import FUND, FUND_ALIAS, HOSTILE_NAME, HOSTILE_SENTENCE, REGIONAL, eid

from capgraph.viz.serve.app import create_app
from capgraph.viz.serve.explorer import Explorer
from capgraph.viz.serve.run import bind


@pytest.fixture
def server(store) -> Iterator[str]:
    """The explorer over the sample graph, served by uvicorn on a free port of 127.0.0.1."""
    build_dated_sample_graph(store)
    sock = bind(0)
    app = create_app(Explorer(store))
    uvicorn_server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not uvicorn_server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    finally:
        uvicorn_server.should_exit = True
        thread.join(10)
        sock.close()


def wait(driver: Any, script: str, *args: Any, seconds: float = 30) -> Any:
    """Poll a script until it returns something truthy."""
    deadline = time.monotonic() + seconds
    while True:
        value = driver.execute_script(script, *args)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {script}")
        time.sleep(0.1)


def settled(driver: Any) -> None:
    wait(driver, "return capgraphStable === true;", seconds=90)


def node_point(driver: Any, node_id: str) -> tuple[int, int]:
    """Where a node is drawn, in page pixels (its centre)."""
    return tuple(
        driver.execute_script(
            "var id = arguments[0]; var p = network.canvasToDOM(network.getPositions([id])[id]);"
            "var r = document.getElementById('mynetwork').getBoundingClientRect();"
            "return [Math.round(r.left + p.x), Math.round(r.top + p.y)];",
            node_id,
        )
    )


def at(driver: Any, point: tuple[int, int], action: Callable[[Any], Any]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    body = driver.find_element("tag name", "body")
    chain = ActionChains(driver).move_to_element_with_offset(body, 0, 0)
    size = body.size
    chain.move_by_offset(point[0] - size["width"] // 2, point[1] - size["height"] // 2)
    action(chain).perform()


def names_on_page(driver: Any) -> set[str]:
    return set(driver.execute_script("return nodes.get().map(n => n.cgName);"))


def no_alert(driver: Any) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert  # noqa: B018 - raises when there is none
    except NoAlertPresentException:
        return True
    return False


def allow_downloads(driver: Any, folder: Path) -> None:
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})


def downloaded(folder: Path, name: str, seconds: float = 20) -> Path:
    deadline = time.monotonic() + seconds
    path = folder / name
    while not (path.exists() and path.stat().st_size > 0 and not (folder / f"{name}.crdownload").exists()):
        if time.monotonic() > deadline:
            raise AssertionError(f"{name} was not downloaded: {sorted(p.name for p in folder.iterdir())}")
        time.sleep(0.1)
    return path


def test_explore_in_chromium(browser, server, tmp_path):  # noqa: F811
    driver = browser
    driver.get_log("performance")
    driver.get(server)
    settled(driver)
    wait(driver, "return document.querySelectorAll('#query-select option').length > 20;")

    # Search first: suggestions as you type, with label and relationship count; pick one.
    search = driver.find_element("id", "search")
    search.send_keys("引导基金")
    items = wait(driver, "var l = document.querySelectorAll('#suggestions li[data-id]'); return l.length >= 3 && l;")
    texts = [item.text for item in items]
    assert any(FUND in text and "Fund · 2 relationships" in text for text in texts), texts
    next(item for item in items if item.get_attribute("data-id") == eid(FUND)).click()
    wait(driver, "return nodes.length === 6;")
    settled(driver)
    assert names_on_page(driver) == {FUND, *REGIONAL, "上海科创投", "深创投", HOSTILE_NAME}
    assert "focus=" in driver.current_url and "hops=2" in driver.current_url

    # Double-click 深创投: its neighbour 深圳 (three hops from the fund) joins the view.
    at(driver, node_point(driver, eid("深创投")), lambda chain: chain.double_click())
    wait(driver, "return nodes.get(arguments[0]) !== null;", eid("深圳"))
    settled(driver)
    assert "深圳" in names_on_page(driver)
    # An expanded relationship's sentences are fetched when it is clicked.
    located = f"LOCATED_IN|{eid('深创投')}|{eid('深圳')}"
    driver.execute_script("network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]]});", located)
    wait(driver, "return document.getElementById('details').textContent.indexOf('深创投总部位于深圳。') >= 0;")

    # Click an arrow: its evidence with the article's title, date and source.
    driver.execute_script("network.selectEdges([]);")
    edge = f"MANAGES|{eid('上海科创投')}|{eid(REGIONAL[0])}"
    driver.execute_script(
        "var e = edges.get(arguments[0]); network.body.emitter.emit('click', {nodes: [], edges: [e.id]});", edge
    )
    details = driver.find_element("id", "details").text
    assert "上海科创投管理长三角创业投资引导基金。" in details
    assert "《引导基金的一年》 · 2025-01-15 · 新华社" in details

    # Click the sentence: the article opens at it, the sentence marked.
    driver.find_element("css selector", "#details .sentence.link").click()
    wait(driver, "return !document.getElementById('article-view').hidden;")
    assert driver.find_element("css selector", "#article-text mark").text == "上海科创投管理长三角创业投资引导基金。"
    assert "新华社" in driver.find_element("id", "article-meta").text

    # The hostile article: markup in the name, the sentence and the title stays text.
    hostile_edge = f"INVESTED_IN|{eid(REGIONAL[0])}|{eid(HOSTILE_NAME)}"
    driver.execute_script("network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]]});", hostile_edge)
    assert HOSTILE_NAME in driver.find_element("id", "details").text
    driver.find_element("css selector", "#details .sentence.link").click()
    wait(driver, "return document.getElementById('article-title').textContent.indexOf('markup') >= 0;")
    assert driver.find_element("id", "article-title").text == 'A "title" with <b>markup</b>'
    assert driver.execute_script("return document.querySelector('#article-text mark').textContent;") == HOSTILE_SENTENCE
    assert (
        driver.execute_script("return document.querySelectorAll('img, #details script, #article-view b').length;") == 0
    )
    assert no_alert(driver)

    # A saved query with an entity parameter, given by an alias picked from the suggestions.
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", "query-select")).select_by_value("money/reach")
    description = driver.find_element("id", "query-description").text
    assert description.startswith("The funds and companies an institution or fund reaches")
    param = driver.find_element("id", "param-from")
    param.send_keys("创投引导")
    pick = wait(driver, "return document.querySelector('#query-form .suggestions li[data-id]');")
    pick.click()
    assert param.get_attribute("value") == FUND
    driver.find_element("id", "query-run").click()
    wait(driver, "return document.querySelector('#query-result table') !== null;")
    settled(driver)
    assert names_on_page(driver) >= {FUND, *REGIONAL, HOSTILE_NAME}
    assert "query=money%2Freach" in driver.current_url and "p.from=" in driver.current_url
    rows = driver.find_elements("css selector", "#query-result tr")
    assert len(rows) >= 4  # a header and three funds or companies reached

    # Filters stay true after "Show all": untick, Show all, untick again.
    fund_box = driver.find_element("css selector", "#legend-labels input[data-name='Fund']")
    fund_box.click()
    hidden = "return nodes.get().filter(n => n.hidden).map(n => n.cgLabel);"
    assert set(driver.execute_script(hidden)) == {"Fund"}
    driver.find_element("id", "reset").click()
    assert driver.execute_script(hidden) == []
    assert fund_box.is_selected()
    driver.find_element("css selector", "#legend-types input[data-name='ESTABLISHED']").click()
    fund_box.click()
    assert set(driver.execute_script(hidden)) == {"Fund"}
    assert driver.execute_script("return edges.get().filter(e => !e.hidden && e.cgType === 'ESTABLISHED').length;") == 0
    assert "hide_labels=Fund" in driver.current_url and "hide_types=ESTABLISHED" in driver.current_url
    shown = driver.execute_script("return nodes.get().filter(n => !n.hidden).map(n => n.id).sort();")

    # Export what is on screen: GraphML (the visible nodes only) and PNG, read back.
    allow_downloads(driver, tmp_path)
    driver.find_element("css selector", "#export-buttons button[data-format='graphml']").click()
    graphml = downloaded(tmp_path, "capgraph-view.graphml")
    root = ElementTree.parse(graphml).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert sorted(node.get("id") for node in root.findall(".//g:node", ns)) == shown
    driver.find_element("css selector", "#export-buttons button[data-format='png']").click()
    png = downloaded(tmp_path, "capgraph-view.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000

    # The URL reopens the same view: the query, its parameter and the filters.
    url = driver.current_url
    driver.get(url)
    settled(driver)
    wait(driver, "return nodes.length > 0;")
    settled(driver)
    assert driver.execute_script("return nodes.get().filter(n => !n.hidden).map(n => n.id).sort();") == shown
    assert not driver.find_element("css selector", "#legend-labels input[data-name='Fund']").is_selected()

    assert [u for u in _requested_urls(driver) if not u.startswith((*_LOCAL_SCHEMES, server))] == []
    assert _severe_console_messages(driver) == []
    assert no_alert(driver)

    # A bad request is one line on the page (the browser logs the 400, nothing else).
    driver.get(server + "?focus=没有这个机构")
    message = wait(driver, "var m = document.getElementById('message'); return !m.hidden && m.textContent;")
    assert "没有这个机构" in message and "Traceback" not in message
    assert all("400 (Bad Request)" in line for line in _severe_console_messages(driver))


def test_money_view_and_chinese_labels_render(browser, server, tmp_path):  # noqa: F811
    driver = browser
    driver.get(server + "?view=money")
    settled(driver)
    wait(driver, "return nodes.length > 0;")
    settled(driver)
    types = set(driver.execute_script("return edges.get().map(e => e.cgType);"))
    assert types == {"INVESTED_IN", "ESTABLISHED", "MANAGES"}
    fund = driver.execute_script("return nodes.get(arguments[0]).cgProps['amount (亿元)'];", eid(FUND))
    assert fund == "1000亿元"

    # A CJK font is installed and used: two different characters draw differently (missing glyphs
    # would be the same empty box), and a Chinese label is about one em per character.
    drawn = driver.execute_script(
        """
        function pixels(ch) {
          var c = document.createElement('canvas'); c.width = 40; c.height = 40;
          var x = c.getContext('2d'); x.font = '32px sans-serif'; x.fillText(ch, 2, 32);
          return Array.from(x.getImageData(0, 0, 40, 40).data).join(',');
        }
        var x = document.createElement('canvas').getContext('2d'); x.font = '14px sans-serif';
        return {differ: pixels('国') !== pixels('基'), width: x.measureText(arguments[0]).width,
                noto: document.fonts.check('14px "Noto Sans CJK SC"')};
        """,
        FUND,
    )
    assert drawn["differ"] and drawn["noto"]  # fonts-noto-cjk (.ci/run installs it)
    assert 14 * len(FUND) * 0.8 <= drawn["width"] <= 14 * len(FUND) * 1.2
    driver.save_screenshot(str(tmp_path / "money.png"))
    assert _severe_console_messages(driver) == []


def test_double_click_expands_by_one_type(browser, server):  # noqa: F811
    driver = browser
    driver.get(server + "?focus=" + FUND_ALIAS + "&hops=1")
    settled(driver)
    wait(driver, "return nodes.length === 3;")
    settled(driver)
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", "expand-type")).select_by_value("MANAGES")
    at(driver, node_point(driver, eid(REGIONAL[1])), lambda chain: chain.double_click())
    wait(driver, "return nodes.get(arguments[0]) !== null;", eid("深创投"))
    settled(driver)
    # Only MANAGES came: 深创投, not the hostile company the other regional fund invested in.
    assert names_on_page(driver) == {FUND, *REGIONAL, "深创投"}
    # Hide a node and pin another from their details; both survive the next expansion.
    for node, button in ((eid("深创投"), "Hide"), (eid(FUND), "Pin")):
        driver.execute_script(
            "document.getElementById('details').replaceChildren();"
            "network.body.emitter.emit('click', {nodes: [arguments[0]], edges: []});",
            node,
        )
        wait(driver, "return document.querySelector('#details .actions');")
        bar = driver.find_element("css selector", "#details .actions")
        next(b for b in bar.find_elements("tag name", "button") if b.text == button).click()
    assert driver.execute_script("return nodes.get(arguments[0]).hidden;", eid("深创投")) is True
    assert driver.execute_script("return nodes.get(arguments[0]).fixed;", eid(FUND)) is True
    Select(driver.find_element("id", "expand-type")).select_by_value("")
    at(driver, node_point(driver, eid(REGIONAL[0])), lambda chain: chain.double_click())
    wait(driver, "return nodes.get(arguments[0]) !== null;", eid(HOSTILE_NAME))
    settled(driver)
    assert driver.execute_script("return nodes.get(arguments[0]).hidden;", eid("深创投")) is True
    assert driver.execute_script("return nodes.get(arguments[0]).fixed;", eid(FUND)) is True
    # Hide the nodes without relationships on screen: the hidden 深创投 leaves 粤港澳 with its fund only.
    driver.find_element("id", "hide-isolated").click()
    assert "isolated=hide" in driver.current_url
    assert no_alert(driver)


def test_static_page_filters_stay_true_after_show_all(browser, store, tmp_path):  # noqa: F811
    """The bug the explorer's page.js fixed for `capgraph viz` too: after "Show all", unticking hid nothing."""
    from test_viz_browser import _open
    from test_viz_support import build_sample_graph

    from capgraph.graph.subgraph import whole_graph
    from capgraph.viz.page import write_page

    build_sample_graph(store)
    page = tmp_path / "all.html"
    write_page(whole_graph(store), page)
    _open(browser, page)
    hidden = "return nodes.get().filter(n => n.hidden).map(n => n.cgLabel);"
    browser.find_element("css selector", "#legend-labels input[data-name='Institution']").click()
    assert set(browser.execute_script(hidden)) == {"Institution"}
    browser.find_element("id", "reset").click()
    assert browser.execute_script(hidden) == []
    browser.find_element("css selector", "#legend-labels input[data-name='Fund']").click()
    browser.find_element("css selector", "#legend-types input[data-name='LOCATED_IN']").click()
    assert set(browser.execute_script(hidden)) == {"Fund"}
    assert browser.execute_script("return edges.get().filter(e => !e.hidden && e.cgType === 'LOCATED_IN').length;") == 0
    # Nodes without relationships on screen can be hidden on the static page too.
    browser.find_element("id", "hide-isolated").click()
    isolated = browser.execute_script(
        "var seen = {}; edges.get().filter(e => !e.hidden).forEach(e => { seen[e.from] = seen[e.to] = true; });"
        "return nodes.get().filter(n => !n.hidden && !seen[n.id]).length;"
    )
    assert isolated == 0
    assert "深圳" not in browser.execute_script("return nodes.get().filter(n => !n.hidden).map(n => n.cgName);")
