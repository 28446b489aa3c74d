"""Reading real articles: web pages by their main text, any Chinese encoding, and each article's metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from capgraph.cli import app
from capgraph.graph.model import Document, Skipped
from capgraph.loaders.metadata import ArticleMetadata, parse_date, read_line, split_site_name, text_metadata
from capgraph.loaders.read import collect_inputs, files_left_out, read_document

TRADITIONAL = "示例標題\n\n某市創業投資引導基金由某某資本作為管理團隊，首期規模十億元。"
SIMPLIFIED = "示例标题\n\n某市创业投资引导基金由某某资本作为管理团队，首期规模十亿元。"

PAGE = """<html><head><meta charset="{charset}"><title>某省出台科技金融措施_某省人民政府网</title>
<meta property="og:title" content="某省出台科技金融措施">
<meta name="PubDate" content="2024-09-30 10:00">
<meta property="og:site_name" content="某省人民政府网">
<link rel="canonical" href="https://www.example.gov.cn/xw/2024/0930/1.html">
</head><body><nav><a href="/">首页</a> <a href="/xw">新闻中心</a> <a>政务公开</a> <a>办事服务</a></nav>
<article><h1>某省出台科技金融措施</h1>
<p>某省发布《关于支持科技金融发展的若干措施》，鼓励银行和创业投资基金加大对科技型中小企业的支持。</p>
<p>措施提出，设立规模100亿元的省级科技创新基金，由某某资本作为管理人。</p></article>
<footer>版权所有 某省人民政府办公厅 网站标识码 1234567890</footer></body></html>"""


def _read(path: Path) -> Document:
    doc = read_document(path)
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize(("encoding", "text"), [("big5", TRADITIONAL), ("gbk", SIMPLIFIED), ("gb18030", SIMPLIFIED)])
def test_chinese_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = _read(path)
    assert "管理團隊" in doc.text or "管理团队" in doc.text
    assert doc.title in {"示例標題", "示例标题"}


def test_undecodable_file_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    skipped = read_document(path)
    assert isinstance(skipped, Skipped)
    assert "undecodable" in skipped.reason


@pytest.mark.parametrize("charset", ["utf-8", "gb2312"])
def test_web_page_main_text_and_metadata(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode("gb18030" if charset == "gb2312" else charset))
    doc = _read(path)
    assert doc.title == "某省出台科技金融措施"
    assert doc.date == "2024-09-30"
    assert doc.source == "某省人民政府网"
    assert doc.url == "https://www.example.gov.cn/xw/2024/0930/1.html"
    assert "设立规模100亿元的省级科技创新基金" in doc.text
    for furniture in ("新闻中心", "政务公开", "网站标识码"):
        assert furniture not in doc.text


def test_text_file_metadata_lines_are_read_and_taken_out_but_the_outlet_stays(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "某市设立天使投资母基金\n来源：某市日报　发布时间：2024-09-30 08:15\n"
        "https://news.example.cn/a/1.html\n"
        "某市人民政府办公室印发管理办法，设立规模50亿元的天使投资母基金。\n",
        encoding="utf-8",
    )
    doc = _read(path)
    assert (doc.title, doc.date, doc.source, doc.url) == (
        "某市设立天使投资母基金",
        "2024-09-30",
        "某市日报",
        "https://news.example.cn/a/1.html",
    )
    assert "https://" not in doc.text
    # the outlet's line stays: the outlet is an actor of the article (an entity, its reporters' employer)
    assert doc.text.startswith("某市设立天使投资母基金\n\n来源:某市日报 发布时间:2024-09-30 08:15\n\n某市人民")


@pytest.mark.parametrize(
    ("line", "expected", "metadata_only"),
    [
        ("2024年9月30日", ArticleMetadata(date="2024-09-30"), True),
        ("某某政务网 发布日期 : 2026-01-19", ArticleMetadata(date="2026-01-19", source="某某政务网"), False),
        ("发布日期:2024/9/3 来源:某某网 浏览次数:12", ArticleMetadata(date="2024-09-03", source="某某网"), False),
        ("发布日期:2024/9/3 浏览次数:12", ArticleMetadata(date="2024-09-03"), True),
        # a date and time first, then fields: the date alone does not make the line metadata only
        ("2023-03-15 08:20:00 来源:某某日报 作者:张某", ArticleMetadata(date="2023-03-15", source="某某日报"), False),
        ("2023-03-15 08:20:00", ArticleMetadata(date="2023-03-15"), True),
        ("来源:某某网 作者:张某", ArticleMetadata(source="某某网"), False),  # the author's name stays in the text
        ("某某通讯社记者 张某 李某", ArticleMetadata(source="某某通讯社"), False),
        ("本报记者 张某", ArticleMetadata(), False),
        ("时间:2024年9月30日,某市召开新闻发布会,介绍引导基金有关工作。", ArticleMetadata(date="2024-09-30"), False),
        ("某市创业投资引导基金于2024年9月30日设立,规模100亿元,由某某资本管理。", ArticleMetadata(), False),
    ],
)
def test_what_a_line_says_about_the_article(line: str, expected: ArticleMetadata, metadata_only: bool) -> None:
    meta = ArticleMetadata()
    assert read_line(line, meta) is metadata_only
    assert meta == expected


def test_metadata_is_read_from_the_first_lines_only() -> None:
    lines = ["标题"] + [f"第{i}段正文,某市引导基金投资了若干企业。" for i in range(20)] + ["来源:某某网"]
    text, meta = text_metadata("\n\n".join(lines))
    assert meta.source is None and text.endswith("来源:某某网")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024年9月30日", "2024-09-30"),
        ("2024-09-30", "2024-09-30"),
        ("2024.9.3", "2024-09-03"),
        ("2024年2月30日", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_markdown_in_a_folder_is_left_out_and_said(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# 说明\n\n这个文件夹放着文章。", encoding="utf-8")
    (tmp_path / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    assert collect_inputs([tmp_path]) == [tmp_path / "a.txt"]
    assert [Path(s.path).name for s in files_left_out([tmp_path])] == ["README.md"]
    assert collect_inputs([tmp_path / "README.md"]) == [tmp_path / "README.md"]  # named: taken


def test_ingest_says_what_it_left_out(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "README.md").write_text("# 说明\n\n这个文件夹放着文章。", encoding="utf-8")
    (folder / "a.txt").write_text("某市设立母基金\n来源:某市日报\n" + SIMPLIFIED, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    assert "README.md" in result.output and "Markdown" in result.output
    shown = runner.invoke(app, ["cypher", "MATCH (a:Article) RETURN a.title, a.source", "--format", "csv"])
    assert shown.stdout.strip().splitlines()[1:] == ["某市设立母基金,某市日报"]


def test_article_metadata_travels_with_the_evidence(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "articles" / "angel_fund.txt"
    lines = fixture.read_text(encoding="utf-8").splitlines()
    article = tmp_path / "dated.txt"
    header = "发布时间:2024-09-30 来源:某某财经网\nhttps://news.example.cn/2024/0930/angel.html"
    article.write_text("\n".join([lines[0], header, *lines[1:]]), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(article)]).exit_code == 0
    ttl = runner.invoke(app, ["export", "-f", "ttl", "-o", "-"])
    assert ttl.exit_code == 0, ttl.output
    assert '"2024-09-30"^^xsd:date' in ttl.stdout and "某某财经网" in ttl.stdout
    assert "<https://news.example.cn/2024/0930/angel.html>" in ttl.stdout
    page = tmp_path / "page.html"
    assert runner.invoke(app, ["viz", "--out", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert '"date": "2024-09-30"' in html or '"date":"2024-09-30"' in html
    out = tmp_path / "g.json"
    assert runner.invoke(app, ["export", "-f", "json", "--include-articles", "-o", str(out)]).exit_code == 0
    nodes = json.loads(out.read_text(encoding="utf-8"))["nodes"]
    articles = [n for n in nodes if n.get("capgraph_label") == "Article"]
    assert [(a["date"], a["source"], a["url"]) for a in articles] == [
        ("2024-09-30", "某某财经网", "https://news.example.cn/2024/0930/angel.html")
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("某市设立天使投资母基金_某市人民政府网", ("某市设立天使投资母基金", "某市人民政府网")),
        ("某省出台科技金融十条措施 - 某某日报", ("某省出台科技金融十条措施", "某某日报")),
        ("某省出台科技金融十条措施 | 某某网", ("某省出台科技金融十条措施", "某某网")),
        ("科创板公司 A-B 轮融资", ("科创板公司 A-B 轮融资", None)),
        ("短_很长很长的一个站点名称", ("短_很长很长的一个站点名称", None)),
    ],
)
def test_a_page_title_loses_its_site_name(title: str, expected: tuple[str, str | None]) -> None:
    assert split_site_name(title) == expected
