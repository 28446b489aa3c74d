"""`capgraph serve`: search suggestions and a one-hop expansion of the biggest hub, against `RETURN 1`.

    .venv/bin/python bench/serve_speed.py [--articles 5000] [--repeat 50]

Builds a graph of generated articles in a fresh embedded FalkorDB (`generate_extractions` below,
a small self-contained generator: companies, funds, institutions, places and sectors with
financing, management, location and focus facts, so a few places and sectors become hubs),
then times, in this process and on the same store:

- `RETURN 1` through the store (one round trip: the reference),
- the explorer's search suggestions (`Explorer.search`, what /api/search answers),
- a one-hop expansion of the node with the most relationships (`Explorer.expand`, /api/expand),

and the same two through HTTP (a real uvicorn on 127.0.0.1, httpx) for context. The target
(issue 10): suggestions and the expansion within 10× the `RETURN 1` round trip (medians).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import uvicorn

from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.ids import entity_id
from capgraph.graph.model import Document, Edge, Evidence, Extraction, Node
from capgraph.graph.writer import GraphWriter
from capgraph.viz.serve.app import create_app
from capgraph.viz.serve.explorer import Explorer
from capgraph.viz.serve.run import bind

TARGET_RATIO = 10.0
_SYLLABLES = "华泰中金国投创新科技智能数据芯片生物医药能源材料航天海洋量子光电信息网络云端星河远景恒通"
_PLACES = ("北京", "上海", "深圳", "合肥", "杭州", "苏州", "成都", "武汉", "西安", "广州")
_SECTORS = ("人工智能", "集成电路", "生物医药", "新能源", "新材料", "航空航天", "量子信息", "低空经济")


def _name(rng: random.Random, suffix: str) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) + suffix


def generate_extractions(articles: int, seed: int = 7) -> Iterator[Extraction]:
    """Generated articles as extractions (the writer's input), reproducible from `seed`."""
    rng = random.Random(seed)
    companies = sorted({_name(rng, "科技有限公司") for _ in range(max(50, articles))})
    funds = sorted({_name(rng, "产业投资基金") for _ in range(max(20, articles // 5))})
    investors = sorted({_name(rng, "创业投资有限公司") for _ in range(max(10, articles // 10))})
    for index in range(articles):
        doc_id = f"art-gen{index:06d}"
        sentences: list[tuple[str, str, str, str, str, str]] = []  # (type, src label, src, tgt label, tgt, text)
        company = rng.choice(companies)
        fund = rng.choice(funds)
        investor = rng.choice(investors)
        place = rng.choice(_PLACES[:3]) if rng.random() < 0.7 else rng.choice(_PLACES)
        sector = rng.choice(_SECTORS)
        amount = rng.randint(1, 50)
        sentences += [
            ("INVESTED_IN", "Fund", fund, "Company", company, f"{fund}投资{company}{amount}亿元。"),
            ("MANAGES", "Institution", investor, "Fund", fund, f"{investor}管理{fund}。"),
            ("LOCATED_IN", "Company", company, "Place", place, f"{company}位于{place}。"),
            ("FOCUSES_ON", "Company", company, "Sector", sector, f"{company}专注{sector}领域。"),
        ]
        if rng.random() < 0.3:
            other = rng.choice(companies)
            sentences.append(("INVESTED_IN", "Institution", investor, "Company", other, f"{investor}领投{other}。"))
        text = "".join(sentence[-1] for sentence in sentences)
        document = Document(id=doc_id, path=f"generated/{index}.txt", title=f"生成的文章{index}", text=text)
        nodes: dict[str, Node] = {}
        edges: list[Edge] = []
        offset = 0
        for rel_type, source_label, source, target_label, target, sentence in sentences:
            for label, name in ((source_label, source), (target_label, target)):
                node_id = entity_id(label, name)
                nodes.setdefault(node_id, Node(node_id, label, name, [name], {}, [doc_id]))
            evidence = Evidence(doc_id, sentence, offset, offset + len(sentence))
            offset += len(sentence)
            properties = {"amount_cny": amount * 1e8} if rel_type == "INVESTED_IN" and source_label == "Fund" else {}
            edges.append(
                Edge(rel_type, entity_id(source_label, source), entity_id(target_label, target), properties, [evidence])
            )
        yield Extraction(document, list(nodes.values()), edges)


def interleaved_medians(actions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median milliseconds of each action, run in turn within each round (the machine's load hits all alike)."""
    for action in actions.values():
        action()  # warm: caches, connections
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def http_caller(port: int, method: str, path: str, body: dict[str, object] | None = None) -> Callable[[], object]:
    """One request on a kept-alive connection (http.client: no client-side overhead worth measuring)."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    payload = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if body is not None else {}

    def call() -> object:
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
        assert response.status == 200, data
        return data

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    with (
        tempfile.TemporaryDirectory(prefix="capgraph-serve-bench-") as folder,
        FalkorStore.embedded(Path(folder)) as store,
    ):
        started = time.perf_counter()
        writer = GraphWriter(store)
        writer.ensure_indexes()
        for extraction in generate_extractions(args.articles):
            writer.write(extraction)
        built = time.perf_counter() - started
        explorer = Explorer(store)
        entries = explorer.index.entries
        relationships = sum(entry.degree for entry in entries.values()) // 2
        hub = max(entries.values(), key=lambda entry: (entry.degree, entry.id))
        print(
            f"graph: {args.articles} generated articles, {len(entries)} entities, {relationships} relationships "
            f"(built in {built:.1f} s); biggest hub {hub.name} ({hub.label}, {hub.degree} relationships)"
        )

        rng = random.Random(3)
        typed = [name[:2] for name in rng.sample([entry.name for entry in entries.values()], 20)] + ["基金", "北"]
        turn = iter(range(10**9))
        shown = explorer.expand(hub.id)

        sock = bind(0)
        server = uvicorn.Server(uvicorn.Config(create_app(explorer), log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.01)
        port = sock.getsockname()[1]
        medians = interleaved_medians(
            {
                "return1": lambda: store.query("RETURN 1"),
                "search": lambda: explorer.search(typed[next(turn) % len(typed)]),
                "expand": lambda: explorer.expand(hub.id),
                "http_search": http_caller(port, "GET", "/api/search?q=" + quote(typed[0])),
                "http_expand": http_caller(port, "POST", "/api/expand", {"id": hub.id}),
            },
            args.repeat,
        )
        server.should_exit = True
        thread.join(10)
        sock.close()

    reference = medians["return1"]
    print(f"RETURN 1 round trip:             {reference:8.3f} ms (median of {args.repeat}, interleaved)")
    rows = [
        ("search suggestions", medians["search"], medians["http_search"]),
        (f"expand the hub ({len(shown['nodes']) - 1} shown)", medians["expand"], medians["http_expand"]),
    ]
    verdicts = []
    for label, library, over_http in rows:
        ratio = library / reference
        verdicts.append(ratio <= TARGET_RATIO)
        print(
            f"{label:32s} {library:8.3f} ms = {ratio:6.1f}× RETURN 1 "
            f"({'ok' if ratio <= TARGET_RATIO else 'over'} ≤ {TARGET_RATIO:.0f}×); over HTTP {over_http:.3f} ms"
        )
    print("target met" if all(verdicts) else "target NOT met")


if __name__ == "__main__":
    main()
