"""A small hand-made graph for the view, export and analytics tests, with exact expected counts.

It includes hostile text (markup, quotes, backslashes, newlines) in a name, an alias and an
evidence sentence, so every output shows it as data.
"""

from __future__ import annotations

from typing import Any

from capgraph.graph.ids import entity_id
from capgraph.graph.model import Document, Edge, Evidence, Extraction, Node
from capgraph.graph.store import GraphStore
from capgraph.graph.writer import GraphWriter

HOSTILE_NAME = '<script>alert("x")</script>科技'
HOSTILE_ALIAS = 'O\'Brien "quote" \\ back\nslash'
HOSTILE_SENTENCE = '长三角基金投资了<img src=x onerror=alert(1)>公司；it\'s "quoted" \\ and\nnew line.'

FUND = "国家创业投资引导基金"
FUND_ALIAS = "国家创投引导基金"
REGIONAL = ("长三角创业投资引导基金", "粤港澳大湾区创业投资引导基金")

# name -> (label, extra properties)
ENTITIES: dict[str, tuple[str, dict[str, Any]]] = {
    "国务院办公厅": ("Institution", {"kind": "government"}),
    "促进创业投资高质量发展的若干政策措施": ("Policy", {}),
    FUND: ("Fund", {"amount_cny": 1.0e11, "amount_text": "1000亿元"}),
    REGIONAL[0]: ("Fund", {}),
    REGIONAL[1]: ("Fund", {}),
    "上海科创投": ("Institution", {"kind": "investor"}),
    "深创投": ("Institution", {"kind": "investor"}),
    HOSTILE_NAME: ("Company", {}),
    "深圳": ("Place", {}),
    "浦东创投": ("Institution", {"kind": "investor"}),
    "沐曦股份": ("Company", {}),
    "张俊芳": ("Person", {}),
    "中国科学技术发展战略研究院": ("Institution", {"kind": "research"}),
}
# (type, source, target, article index, sentence)
RELATIONS: list[tuple[str, str, str, int, str]] = [
    ("ISSUED", "国务院办公厅", "促进创业投资高质量发展的若干政策措施", 0, "国务院办公厅印发《若干政策措施》。"),
    ("ESTABLISHED", FUND, REGIONAL[0], 0, "国家创业投资引导基金设立长三角创业投资引导基金。"),
    ("ESTABLISHED", FUND, REGIONAL[1], 0, "国家创业投资引导基金设立粤港澳大湾区创业投资引导基金。"),
    ("MANAGES", "上海科创投", REGIONAL[0], 0, "上海科创投管理长三角创业投资引导基金。"),
    ("MANAGES", "深创投", REGIONAL[1], 1, "深创投受托管理粤港澳大湾区创业投资引导基金。"),
    ("INVESTED_IN", REGIONAL[0], HOSTILE_NAME, 1, HOSTILE_SENTENCE),
    ("LOCATED_IN", "深创投", "深圳", 1, "深创投总部位于深圳。"),
    ("INVESTED_IN", "浦东创投", "沐曦股份", 1, "浦东创投投资沐曦股份。"),
    ("AFFILIATED_WITH", "张俊芳", "中国科学技术发展战略研究院", 1, "作者单位：中国科学技术发展战略研究院 张俊芳"),
]
ARTICLE_TITLES = ("引导基金的一年", 'A "title" with <b>markup</b>')

NODE_COUNT = len(ENTITIES)
EDGE_COUNT = len(RELATIONS)
# 2 hops around the fund: the fund, the two regional funds, their managers, the company; 深圳 is 3 hops out.
AROUND_FUND_2 = {FUND, *REGIONAL, "上海科创投", "深创投", HOSTILE_NAME}


def eid(name: str) -> str:
    return entity_id(ENTITIES[name][0], name)


def _extraction(index: int) -> Extraction:
    doc_id = f"art-test{index}"
    text = "".join(sentence for *_, article, sentence in RELATIONS if article == index)
    document = Document(id=doc_id, path=f"/tmp/article{index}.txt", title=ARTICLE_TITLES[index], text=text)
    edges: list[Edge] = []
    names: set[str] = set()
    offset = 0
    for rel_type, source, target, article, sentence in RELATIONS:
        if article != index:
            continue
        evidence = Evidence(doc_id, sentence, offset, offset + len(sentence))
        offset += len(sentence)
        edges.append(Edge(rel_type, eid(source), eid(target), evidence=[evidence], confidence=0.9))
        names.update((source, target))
    nodes = []
    for name in sorted(names):
        label, properties = ENTITIES[name]
        aliases = [name]
        if name == FUND:
            aliases.append(FUND_ALIAS)
        if name == HOSTILE_NAME:
            aliases.append(HOSTILE_ALIAS)
        nodes.append(Node(eid(name), label, name, aliases, dict(properties), [doc_id]))
    return Extraction(document, nodes, edges)


def build_sample_graph(store: GraphStore, *, bolt_safe: bool = False) -> GraphStore:
    """Write the graph, one statement per article.

    `bolt_safe`: FalkorDB's experimental Bolt endpoint refuses the hostile sentence, so over
    Bolt the graph goes in without the hostile company, and the article's text without its sentence.
    """
    writer = GraphWriter(store)
    writer.ensure_indexes()
    for index in range(len(ARTICLE_TITLES)):
        extraction = _extraction(index)
        if bolt_safe:
            hostile = eid(HOSTILE_NAME)
            extraction.nodes = [node for node in extraction.nodes if node.id != hostile]
            extraction.edges = [edge for edge in extraction.edges if hostile not in (edge.source, edge.target)]
            extraction.document.text = extraction.document.text.replace(HOSTILE_SENTENCE, "")  # the article's text
        writer.write(extraction)
    return store
