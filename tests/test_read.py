"""Reading articles: encodings, empty and binary files, HTML furniture, broken lines, input collection."""

from __future__ import annotations

from pathlib import Path

import pytest

from capgraph.errors import InputError
from capgraph.graph.model import Document, Skipped
from capgraph.loaders.pipeline import collect_inputs, read_document

TEXT = "示例标题\n\n某市创业投资引导基金由某某资本作为管理团队。"


def test_gb18030_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert "管理团队" in doc.text
    assert doc.title == "示例标题"


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert doc.text.startswith("示例标题")


def test_same_text_gets_same_document_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(TEXT.encode("gb18030"))
    a, b = read_document(tmp_path / "a.txt"), read_document(tmp_path / "b.txt")
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id


@pytest.mark.parametrize(
    ("content", "reason"), [(b"", "empty"), (b"  \n\n ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary")]
)
def test_empty_and_binary_files_are_skipped(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    skipped = read_document(path)
    assert isinstance(skipped, Skipped)
    assert reason in skipped.reason


def test_undecodable_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfa\xfb" * 10 + b"\x81")
    assert isinstance(read_document(path), Skipped)


def test_html_tags_and_page_furniture_are_stripped(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>t</title><script>var x=1;</script></head><body>"
        "<div>扫一扫在手机打开当前页您当前所在位置:首页 &gt; 新闻</div>"
        "<div>字体大小: 大 中 小</div><h1>科技金融新政出台</h1>"
        "<p>某省发布《关于支持科技金融发展的若干措施》。</p><p>打印本页 关闭窗口</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert isinstance(doc, Document)
    for furniture in ("扫一扫", "当前所在位置", "字体大小", "打印本页", "关闭窗口", "var x", "<p>"):
        assert furniture not in doc.text
    assert doc.title == "科技金融新政出台"
    assert "《关于支持科技金融发展的若干措施》" in doc.text


def test_text_broken_one_character_per_line_is_rejoined(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    broken = "数据要素是集采集、流通、\n\n使\n\n用\n\n于\n\n一\n\n体\n\n的新型资源,正在改变产业。\n"
    path.write_text(broken, encoding="utf-8")
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert "流通、使用于一体的新型资源" in doc.text


def test_long_line_cut_mid_sentence_is_rejoined(tmp_path: Path) -> None:
    head = "耐心资本能够为需要长期研发和市场培育的高成长性科技项目提供持续的资金保障并引导其他资本流向高"
    path = tmp_path / "page_break.txt"
    path.write_text(f"{head}\n\n潜力产业。\n\n新的段落\n", encoding="utf-8")
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert head + "潜力产业。" in doc.text
    assert "\n\n新的段落" in doc.text


def test_a_long_headline_of_two_clauses_is_not_glued_to_the_next_line(tmp_path: Path) -> None:
    headline = "青禾科技旗下远山生物完成十亿元C轮融资 新一代储能电池产线预计下个月投产"
    path = tmp_path / "headline.txt"
    path.write_text(f"{headline}\n\n某某网讯 3月8日,青禾科技宣布新产线开工。\n", encoding="utf-8")
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert f"{headline}\n\n某某网讯" in doc.text


def test_hard_wrapped_text_is_rejoined_and_its_headline_kept_apart(tmp_path: Path) -> None:
    paragraph = (
        "青禾科技今日宣布完成5亿元B轮融资,本轮融资由远山资本领投,白桦创投、丙午基金跟投。"
        "青禾科技成立于2019年,专注于工业机器人核心零部件的研发,产品已进入多家整车厂的供应链。"
        "本轮资金将主要用于新产线建设和海外市场拓展。"
    )
    wrapped = "\n".join(paragraph[i : i + 24] for i in range(0, len(paragraph), 24))
    path = tmp_path / "wrapped.txt"
    path.write_text(f"青禾科技完成B轮融资\n{wrapped}\n第二段很短。\n", encoding="utf-8")
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert doc.text == f"青禾科技完成B轮融资\n\n{paragraph}\n\n第二段很短。"


def test_a_line_of_ordinary_length_is_not_taken_for_a_wrap(tmp_path: Path) -> None:
    lines = ["青禾科技完成B轮融资", "远山资本领投。", "白桦创投跟投,丙午基金参投", "编辑 张明"]
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert doc.text == "\n\n".join(lines)


def test_a_space_beside_a_clause_mark_is_dropped_and_a_byline_space_kept(tmp_path: Path) -> None:
    path = tmp_path / "spaces.txt"
    path.write_text("投资方包括: 远山资本、 白桦创投 、丙午基金, 以及张三。 本报记者 李四\n", encoding="utf-8")
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert doc.text == "投资方包括:远山资本、白桦创投、丙午基金,以及张三。本报记者 李四"


def test_collect_inputs_recurses_sorts_and_filters(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "sub" / "a.html").write_text("<p>甲</p>", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    found = collect_inputs([tmp_path])
    assert found == sorted([tmp_path / "b.txt", tmp_path / "sub" / "a.html"])


def test_collect_inputs_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        collect_inputs([tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError):
        collect_inputs([tmp_path / "empty"])
