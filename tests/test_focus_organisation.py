"""The organisation an article is about (loaders/focus.py) and the officers its own news leaves it unnamed for,
on whole short articles written for these tests (invented names and events, no evaluation text)."""

from __future__ import annotations

from test_constructions import facts

from capgraph.graph.ids import document_id
from capgraph.graph.model import Document
from capgraph.loaders.pipeline import extract_document


def affiliations(text: str) -> set[tuple[str, str]]:
    """(person, organisation) of every AFFILIATED_WITH the pipeline finds in `text` (names as the nodes')."""
    extraction = extract_document(Document(document_id(text), "test.txt", text.split("\n")[0], text))
    names = {node.id: node.name for node in extraction.nodes}
    return {(names[e.source], names[e.target]) for e in extraction.edges if e.type == "AFFILIATED_WITH"}


def test_a_visiting_groups_own_news_says_only_group_and_its_host_is_named() -> None:
    # the lead opens with 集团董事长…赴<host>: 集团 is the other group the article names, not the host
    found = affiliations(
        "9月3日,集团董事长、党委书记方志远带队赴青川控股集团有限公司考察交流。在青川控股集团总部,该公司总经理钱立"
        "介绍了改革情况。方董事长介绍了东泰集团转型发展情况。陪同考察的集团副总经理韩松、总会计师卢平等公司领导参加交流。"
    )
    assert {("方志远", "东泰集团"), ("韩松", "东泰集团"), ("卢平", "东泰集团")} <= found
    assert ("钱立", "青川控股集团有限公司") in found
    assert not {pair for pair in found if pair[0] in {"方志远", "韩松", "卢平"} and pair[1] != "东泰集团"}


def test_a_group_visited_by_an_official_is_the_groups_news() -> None:
    # an official's body opens the lead; the group visited is the focus: its officers by title alone are its own
    found = affiliations(
        "4月8日,某市副市长张明远一行到金石产业投资集团调研,集团党委书记、董事长李嘉陪同。"
        "座谈会上,总经理王晓峰汇报了集团经营情况。"
    )
    assert {("李嘉", "金石产业投资集团"), ("王晓峰", "金石产业投资集团")} <= found


def test_the_named_visitor_keeps_its_group_the_host_named_more_often() -> None:
    found = affiliations(
        "南岭产业集团党委书记、董事长周明带队到北辰资本、东湖控股等企业交流学习。集团公司党委委员、副总经理吴刚参加交流。"
        "在北辰资本,周明一行了解了北辰资本的发展历程。北辰资本是省属投资平台,北辰资本董事长孙强表示,愿加强合作。"
        "在北辰资本,总经理刘一介绍了基金业务。"
    )
    assert {("周明", "南岭产业集团"), ("吴刚", "南岭产业集团"), ("孙强", "北辰资本")} <= found
    # a title alone in a sentence about the host is the host's, never the visitor's
    assert ("刘一", "南岭产业集团") not in found


def test_a_companys_notice_says_its_own_officers_with_ben_gongsi() -> None:
    found = affiliations(
        "近日,青禾半导体股份有限公司发布公告,拟设立全资子公司。本公司董事会秘书林涛介绍,新公司将专注车规芯片。"
    )
    assert ("林涛", "青禾半导体股份有限公司") in found


def test_officers_by_title_alone_after_a_meeting_word_and_in_a_list() -> None:
    found = affiliations(
        "区长助理周青到汇川城投集团走访调研。\n会上,董事长宋一鸣汇报了集团年度工作;党委副书记、总经理蒋澄补充发言。"
    )
    assert {("宋一鸣", "汇川城投集团"), ("蒋澄", "汇川城投集团")} <= found


def test_no_focus_no_officer_guessed() -> None:
    # two parties signing, neither a lead subject alone: a title with no organisation written is left unlinked
    found = affiliations("市科技局与市财政局联合召开会议。会上,总经理冯远介绍了有关情况。")
    assert not {pair for pair in found if pair[0] == "冯远"}


# --- constructions of AFFILIATED_WITH (names marked for the relation stage alone) ----------------------


def test_a_person_written_as_an_organisations() -> None:
    found = facts("对此,[Institution:青山资本]的[Person:王大川]表示,硬科技赛道仍有机会。")
    assert ("AFFILIATED_WITH", "王大川", "青山资本") in found
    found = facts("来自[Company:远帆智能科技有限公司]的[Person:钱多多]介绍了产品。")
    assert ("AFFILIATED_WITH", "钱多多", "远帆智能科技有限公司") in found
    found = facts("据[Institution:北岸创投]的[Person:孙晓]透露,新基金将于年内关账。")
    assert ("AFFILIATED_WITH", "孙晓", "北岸创投") in found
    # a stake bought from a person is no post: 收购X的A持有的股份
    found = facts("[Company:甲科技]拟收购[Company:乙电子]的[Person:周一]持有的股份。")
    assert ("AFFILIATED_WITH", "周一", "乙电子") not in found


def test_a_unit_inside_a_named_organisation_before_the_title() -> None:
    found = facts(
        "[Institution:丙丁研究院]科技成果转化处处长[Person:赵明]与[Institution:甲乙银行东城支行]行长[Person:钱进]签约。"
    )
    assert {("AFFILIATED_WITH", "赵明", "丙丁研究院"), ("AFFILIATED_WITH", "钱进", "甲乙银行东城支行")} <= found
    found = facts("[Institution:南江大学]技术转移办公室主任[Person:李方]出席。")
    assert ("AFFILIATED_WITH", "李方", "南江大学") in found
    found = facts("[Institution:东海实验室]综合管理处副处长[Person:吴桐]主持仪式。")
    assert ("AFFILIATED_WITH", "吴桐", "东海实验室") in found


def test_the_chief_executive_of_a_region_is_its_governments() -> None:
    text = (
        "[Institution:南洋银行]与[Institution:香港特别行政区政府]签署合作协议。"
        "香港特别行政区行政长官[Person:林嘉文]出席。"
    )
    assert ("AFFILIATED_WITH", "林嘉文", "香港特别行政区政府") in facts(text)
    text = (
        "[Institution:香港特别行政区政府]当日举行仪式,出席的有香港特别行政区行政长官[Person:林嘉文]、"
        "[Institution:甲银行]董事长[Person:高远]。"
    )
    assert ("AFFILIATED_WITH", "林嘉文", "香港特别行政区政府") in facts(text)
    assert ("AFFILIATED_WITH", "林嘉文", "甲银行") not in facts(text)


def test_a_proofreader_and_a_reporter_of_a_reposted_paper_are_the_outlets() -> None:
    found = facts("[Institution:某财经网]讯:[Fund:青禾创业投资基金]今日揭牌。\n审校:[Person:程小雨]")
    assert ("AFFILIATED_WITH", "程小雨", "某财经网") in found
    found = facts("转自:[Institution:华东证券报]\n\n本报讯 记者[Person:孙悦] 近日,[Fund:青禾创业投资基金]完成设立。")
    assert ("AFFILIATED_WITH", "孙悦", "华东证券报") in found


def test_an_outlet_opening_the_lead_is_not_the_focus() -> None:
    for text in (
        "投资界消息 近日,青禾半导体股份有限公司宣布完成B轮融资。\n会上,董事长李四介绍了新产品。",
        "据华东证券报报道,青禾半导体股份有限公司完成B轮融资。会上,董事长李四介绍了新产品。",
    ):
        found = affiliations(text)
        assert ("李四", "青禾半导体股份有限公司") in found
        assert not {pair for pair in found if pair[0] == "李四" and pair[1] != "青禾半导体股份有限公司"}


def test_title_lists_each_person_to_the_organisation_written_before_their_title() -> None:
    found = facts(
        "[Institution:甲银行东城分行]行长[Person:张三]、副行长[Person:李四],[Institution:丙研究所]所长[Person:王五]"
        "、科研处相关人员参加活动。"
    )
    assert {("AFFILIATED_WITH", p, "甲银行东城分行") for p in ("张三", "李四")} <= found
    assert ("AFFILIATED_WITH", "王五", "丙研究所") in found and (
        "AFFILIATED_WITH",
        "王五",
        "甲银行东城分行",
    ) not in found
    found = facts(
        "出席签约的有[Institution:丁证券]总裁[Person:何一]、首席经济学家[Person:吕二]和[Institution:戊大学]副校长[Person:施三]。"
    )
    assert {("AFFILIATED_WITH", "何一", "丁证券"), ("AFFILIATED_WITH", "吕二", "丁证券")} <= found
    assert ("AFFILIATED_WITH", "施三", "戊大学") in found and ("AFFILIATED_WITH", "施三", "丁证券") not in found
    found = facts(
        "[Institution:己资本]合伙人[Person:孔四],[Institution:庚基金]投资总监[Person:曹五]、投资经理[Person:严六]分别发言。"
    )
    assert {("AFFILIATED_WITH", "曹五", "庚基金"), ("AFFILIATED_WITH", "严六", "庚基金")} <= found
    assert ("AFFILIATED_WITH", "曹五", "己资本") not in found


def test_a_person_holding_posts_in_two_organisations_each_with_several_titles() -> None:
    found = facts("[Institution:南山市委]副书记、市长,[Institution:南山景区管委会]主任[Person:钱一]到访。")
    assert {("AFFILIATED_WITH", "钱一", "南山市委"), ("AFFILIATED_WITH", "钱一", "南山景区管委会")} <= found
    found = facts("[Company:甲科技]董事、总裁兼[Company:乙电子]董事长[Person:孙二]出席。")
    assert {("AFFILIATED_WITH", "孙二", "甲科技"), ("AFFILIATED_WITH", "孙二", "乙电子")} <= found
