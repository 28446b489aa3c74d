"""Entity shapes of issue 8, round 5: persons in byline-like places the name model misses, on
sentences written for these tests (invented names; no gold or news text)."""

from __future__ import annotations

import pytest
from entity_support import named

from capgraph.loaders.entities import find_mentions
from capgraph.loaders.sentences import split_sentences

# --- a byline word closes the reporter's name -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("本报讯 记者卞雨萌报道 近日,青禾银行与某市政府签署合作协议。", "卞雨萌"),
        ("本报记者 臧晓发自杭州 青禾科技昨日宣布完成新一轮融资。", "臧晓"),
        ("(见习记者柏知远采写)青禾基金本月完成备案。", "柏知远"),
    ],
)
def test_a_byline_word_right_after_the_reporter_ends_the_name(mode: str, text: str, name: str) -> None:
    persons = named(text, "Person")
    assert name in persons
    assert not any(p.endswith(("报道", "发自", "采写")) for p in persons)


# --- a name alone in brackets closes a paragraph ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“这条赛道还远没到终局。”一位投资人这样说。(柏淼)\n青禾科技随后发布公告。", "柏淼"),
        ("多家机构表示将继续加码早期项目。（甄知行）\n", "甄知行"),
        ("记者梳理发现,今年以来已有十余只基金完成设立。 (卞晴)", "卞晴"),
    ],
)
def test_a_name_alone_in_brackets_at_a_paragraphs_end_is_its_writer(mode: str, text: str, name: str) -> None:
    assert name in named(text, "Person")


@pytest.mark.parametrize("text", ["青禾园区今年新增企业三十家。(高新区)\n", "有关情况详见附表。(上海)\n"])
def test_a_place_or_word_in_closing_brackets_is_no_person(mode: str, text: str) -> None:
    assert not named(text, "Person") & {"高新区", "上海"}


# --- a name right before 等人 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("十年前,卞珑等人创办了青禾智能。", "卞珑"),
        ("这家公司由甄知行、柏一舟等人共同发起。", "柏一舟"),
        ("在詹若溪等人带领下,团队完成了三轮融资。", "詹若溪"),
    ],
)
def test_a_name_before_dengren_is_a_person(mode: str, text: str, name: str) -> None:
    assert name in named(text, "Person")


def test_an_ordinary_word_before_dengren_is_no_person(mode: str) -> None:
    assert not named("。高管等人均已离职,公司等人员变动频繁。", "Person")


# --- coined names listed with companies, their last item closed by an adverb ---------------------------


@pytest.mark.parametrize(
    ("text", "coined"),
    [
        ("据悉,华为、云岫、澜舟、青禾均已提交上市申请。", {"云岫", "澜舟", "青禾"}),
        ("过去一年里,腾讯、澜舟、云岫都在招聘算法工程师。", {"澜舟", "云岫"}),
        ("受此影响,澜舟、小米、云岫、青禾也纷纷宣布降价。", {"澜舟", "云岫", "青禾"}),
    ],
)
def test_coined_names_listed_with_companies_are_companies(mode: str, text: str, coined: set[str]) -> None:
    companies = named(text, "Company")
    assert coined <= companies
    assert not any(c.endswith(("均", "都", "也", "已")) or "纷纷" in c for c in companies)


def test_ordinary_words_listed_with_a_company_are_no_companies(mode: str) -> None:
    companies = named("据悉,华为、研发、销售、手机均在深圳。", "Company")
    assert not companies & {"研发", "销售", "手机"}


# --- short state-platform names listed as shareholders or as state-owned enterprises -----------------


@pytest.mark.parametrize(
    ("text", "platforms"),
    [
        ("该基金管理人的股东包括青投、东岳金控及南湖投控等本地国企。", {"青投", "东岳金控", "南湖投控"}),
        ("其股东为青投、东岳金控和南湖城投,三家均由市国资委监管。", {"青投", "东岳金控", "南湖城投"}),
        ("这只基金背后站着东岳金控、南湖投控等省属国有企业。", {"东岳金控", "南湖投控"}),
    ],
)
def test_state_platforms_listed_as_shareholders_or_state_enterprises(mode: str, text: str, platforms: set[str]) -> None:
    assert platforms <= named(text, "Institution")


def test_a_verb_after_shareholders_opens_no_list(mode: str) -> None:
    assert not named("控股股东为公司及子公司提供担保。", "Institution")


# --- a predicate gives a list's items one class (A与B、C同为…企业) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "coined"),
    [
        ("云岫与华为、小米同为国内领先的科技企业。", {"云岫"}),
        ("澜舟与云岫均为本地孵化的人工智能公司。", {"澜舟", "云岫"}),
        ("青禾、澜舟和云岫都是成立不足五年的初创企业。", {"青禾", "澜舟", "云岫"}),
    ],
)
def test_a_predicate_of_class_types_the_items_before_it(mode: str, text: str, coined: set[str]) -> None:
    assert coined <= named(text, "Company")


@pytest.mark.parametrize("text", ["青禾和澜舟均为企业提供贷款。", "研发、生产和销售均为企业的核心环节。"])
def test_a_class_noun_inside_the_predicate_types_nothing(mode: str, text: str) -> None:
    assert not named(text, "Company") & {"青禾", "澜舟", "研发", "生产", "销售"}


# --- adverbs between an investor list and its verb ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "investors"),
    [
        ("过去一年里,腾讯、澜舟、云岫都在加码大模型。", {"澜舟", "云岫"}),
        ("云岫和青禾也纷纷加码。", {"云岫", "青禾"}),
        ("据了解,澜舟、青禾正在跟投。", {"澜舟", "青禾"}),
    ],
)
def test_adverbs_before_an_investors_verb_are_no_part_of_the_last_name(
    mode: str, text: str, investors: set[str]
) -> None:
    found = {m.text for m in find_mentions(text, split_sentences(text))}
    assert investors <= found
    assert not any(n.endswith(("在", "正", "纷纷", "纷")) for n in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("科技金融的新路径\n文 柏知远\n多家银行加大了科技贷款投放。", "柏知远"),
        ("◎文 卞晴 编辑 甄知行\n青禾基金完成备案。", "卞晴"),
        ("(文 詹若溪)\n多家机构加码早期项目。", "詹若溪"),
    ],
)
def test_a_one_character_role_and_a_space_before_a_surname(mode: str, text: str, name: str) -> None:
    assert name in named(text, "Person")


@pytest.mark.parametrize("text", ["全文 共三章\n内容如下。", "原文 中提到的机构\n"])
def test_a_one_character_role_and_a_space_before_a_word_name_no_one(mode: str, text: str) -> None:
    assert not named(text, "Person")
