"""The entity stage's proposers, typer and selector, each on sentences written for these tests
(invented names; no gold or news text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from entity_support import mentions, named

from capgraph.loaders import ner
from capgraph.loaders.entities import PROPOSERS, parse_amount, propose, propose_typed
from capgraph.loaders.entities.typing import type_organisation
from capgraph.loaders.score import attribute

# --- persons: bylines, roles, titles -------------------------------------------------------------


def test_byline_roles_name_the_person_whatever_the_surname(mode: str) -> None:
    text = "某某新闻网(ID:abc),作者:若水,编辑:方舟。\n记者 / 范明远\n编辑 / 孙晓彤\n图片 / 陆一帆\n"
    assert {"若水", "方舟", "范明远", "孙晓彤", "陆一帆"} <= named(text, "Person")
    roles = {m.text: m.properties["role"] for m in mentions(text) if m.label == "Person"}
    assert roles["若水"] == "author" and roles["范明远"] == "reporter" and roles["孙晓彤"] == "editor"


def test_source_line_anywhere_in_the_line_names_the_reporter(mode: str) -> None:
    text = "5月02日 10:15   来源:华东金融报   刘明轩\n正文第一句。"
    assert "刘明轩" in named(text, "Person")


def test_title_then_name_then_a_verb_of_attending(mode: str) -> None:
    text = "市科技局副局长张海洋、某某银行南京分行副行长黄立新出席启动仪式,集团董事长周文博进行了座谈交流。"
    assert {"张海洋", "黄立新", "周文博"} <= named(text, "Person")


def test_a_byline_word_that_names_no_one_is_no_person(mode: str) -> None:
    assert "综合" not in named("编辑:综合\n正文。", "Person")


# --- funds ------------------------------------------------------------------------------------------


def test_counted_funds_are_descriptions_not_names(mode: str) -> None:
    text = "省里设立三只母基金和若干只母基金,并启动首只AIC股权投资基金,另有10亿创投基金。"
    assert not named(text, "Fund")


def test_a_verb_before_a_fund_is_not_part_of_its_name(mode: str) -> None:
    text = "此举标志着江淮科创产业基金正式落地,双方签署湖光创新股权投资基金合作协议。"
    funds = named(text, "Fund")
    assert "江淮科创产业基金" in funds and not any(f.startswith(("标志着", "签署")) for f in funds)


def test_registered_partnership_is_a_fund_with_its_full_name(mode: str) -> None:
    text = "出资方包括青川集成电路产业投资基金二期合伙企业(有限合伙)和青川浦江引领投资中心(有限合伙)。"
    funds = named(text, "Fund")
    assert "青川集成电路产业投资基金二期合伙企业(有限合伙)" in funds
    assert "青川浦江引领投资中心(有限合伙)" in funds


# --- organisations ----------------------------------------------------------------------------------


def test_counts_and_relation_nouns_do_not_make_names(mode: str) -> None:
    text = "公告称孙公司星河创新医疗参股公司获得投资,并非两家公司合并,集团孙公司也在其中。"
    companies = named(text, "Company")
    assert not any(c.endswith(("参股公司", "孙公司")) or "两家" in c for c in companies)


def test_verbs_stop_an_organisation_name(mode: str) -> None:
    text = "区委书记李云带队走访江南科创集团有限公司,临川市打造区域创新中心,园区诚邀东岳科创集团入驻。"
    institutions = named(text, "Institution") | named(text, "Company")
    assert "江南科创集团有限公司" in institutions
    assert not any("走访" in n or "诚邀" in n or "打造" in n for n in institutions)


def test_district_government_and_party_committee(mode: str) -> None:
    text = "临川市东湖区政府与东湖区委共同召开会议。"
    assert {"临川市东湖区政府", "东湖区委"} <= named(text, "Institution")


def test_brand_with_company_ending_in_an_investment_context(mode: str) -> None:
    text = "近日,星衡科技完成数亿元B轮融资,由鼎川资本领投;云峰医药参股公司亦跟投。"
    assert {"星衡科技", "云峰医药"} <= named(text, "Company")


def test_words_ending_like_a_brand_are_no_company(mode: str) -> None:
    text = "基金坚持投早投小投硬科技,企业具有高科技属性,推动转变政府科技管理职能。"
    assert not named(text, "Company")


# --- typer, selector, switches ----------------------------------------------------------------------


def test_typer_uses_gazetteer_then_suffix_then_words_inside() -> None:
    assert type_organisation("深创投") == ("Institution", "investor")
    assert type_organisation("临川农商银行") == ("Institution", "financial")
    assert type_organisation("星衡科技股份有限公司") == ("Company", None)
    assert type_organisation("鼎川创业投资有限公司") == ("Institution", "investor")


def test_each_proposer_can_be_switched_off_alone() -> None:
    text = "记者 / 范明远\n星衡科技完成融资,由鼎川资本领投。"
    everything = {c.proposer for c in propose(text, disabled=())}
    assert {"persons", "shortnames", "suffixes"} <= everything
    for name in ("persons", "shortnames"):
        assert name not in {c.proposer for c in propose(text, disabled=(name,))}
    assert set(PROPOSERS) >= everything
    assert "范明远" not in named(text, "Person", disabled=("persons",))


def test_eval_show_names_the_proposer_of_a_spurious_and_the_candidates_of_a_missed_name() -> None:
    text = "星衡科技完成融资,由鼎川资本领投。"
    result = {"spurious_entities": ["Company:星衡科技"], "missed_entities": ["Institution:鼎川资本集团"]}
    attribute(result, propose_typed(text, disabled=()))
    assert result["spurious_entities"][0].startswith("Company:星衡科技 ← shortnames")
    assert "suffixes→Institution:鼎川资本" in result["missed_entities"][0]


# --- the name model ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode_name", ["rjieba", "lac"])
def test_name_models_ship_in_their_wheels_and_tag_offsets(mode_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "董事长王建国表示,公司将继续投入研发。"
    monkeypatch.setenv("CAPGRAPH_NER", ner.DEFAULT_MODE)  # restored after the test, whatever set_mode writes
    ner.set_mode(mode_name)
    spans = ner.tagger().tag(text)
    assert any(text[s.start : s.end] == "王建国" and s.tag == "PER" for s in spans)


def test_lac_mode_proposes_names_no_rule_knows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "lac")
    text = "区委书记杲云带队调研,与企业负责人座谈。"
    assert "杲云" in named(text, "Person")


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown name model"):
        ner.set_mode("bert")


# --- amounts ----------------------------------------------------------------------------------------


def test_amounts_in_chinese_numerals() -> None:
    assert parse_amount("规模三千万元")["amount_cny"] == 3e7
    assert parse_amount("首期规模1.5亿元")["amount_cny"] == 1.5e8
    assert parse_amount("两百亿美元")["amount"] == 2e10


# --- listed companies, outlets, investors of a round ----------------------------------------------


def test_a_name_with_its_stock_code_is_a_listed_company(mode: str) -> None:
    text = "基金还与青禾医药(600321)、远拓数控(300456)等企业签订协议,另有华宸证券(601234)参与。"
    assert {"青禾医药", "远拓数控"} <= named(text, "Company")
    assert "华宸证券" in named(text, "Institution")


def test_news_outlets_from_source_line_title_and_outlet_words(mode: str) -> None:
    text = (
        "东江财经客户端 2025-03-01 10:00:00\n来源:南江日报  作者:王立\n"
        "负责人在接受《北岸经济报》记者采访时表示,据星河网讯,某某资本完成募资。本报记者 李明\n"
    )
    outlets = named(text, "Institution")
    assert {"东江财经客户端", "南江日报", "北岸经济报", "星河网"} <= outlets
    assert "本报" not in outlets


def test_investors_bound_to_a_round_role(mode: str) -> None:
    text = (
        "星衡微电子完成数亿元C轮融资,由远川资本领投,飞羽科技、启明星河跟投,"
        "澜亭、西岭创投等老股东亦持续加码。此前公司获得华晨、雅德、KIWI三大巨头战略投资。"
    )
    institutions, companies = named(text, "Institution"), named(text, "Company")
    assert {"启明星河", "澜亭", "西岭创投"} <= institutions
    assert "飞羽科技" in companies
    assert {"华晨", "雅德", "KIWI"} <= institutions | companies
    assert not any("等老股东" in n or "巨头" in n for n in institutions | companies)


def test_a_headline_phrase_before_a_role_is_no_investor(mode: str) -> None:
    assert not named("双雄加码!某某项目再获关注。", "Institution")


# --- levels, relation nouns, lists with known organisations -----------------------------------------


def test_a_level_before_a_known_government_body_is_that_levels_body(mode: str) -> None:
    text = "会议由省国资委主办,国资委有关负责人出席。"
    institutions = named(text, "Institution")
    assert "省国资委" in institutions and "国资委" in institutions


def test_a_verb_of_thanks_before_a_body_is_not_its_name(mode: str) -> None:
    assert "东湖区委" in named("企业负责人感谢东湖区委的支持。", "Institution")


def test_a_role_word_glued_to_a_verb_is_no_byline(mode: str) -> None:
    assert not named("记者注意到,多家机构已经布局。", "Person")


def test_shareholders_taking_part(mode: str) -> None:
    text = "本轮投资者包括多家机构,以及现有股东青峦创投都参与其中。"
    assert "青峦创投" in named(text, "Institution")


def test_names_after_relation_nouns(mode: str) -> None:
    text = "公告称,孙公司云岭创新医疗参股公司星衡开曼完成新一轮融资;其子公司按照功能定位开展业务。"
    companies = named(text, "Company")
    assert {"云岭创新医疗", "星衡开曼"} <= companies
    assert not any(c.startswith("按照") for c in companies)


def test_an_item_listed_with_known_organisations_is_one_of_them(mode: str) -> None:
    text = "市场先后被华为、小米、OPPO、vivo等品牌占据。"
    companies = named(text, "Company")
    assert {"华为", "小米", "vivo"} <= companies


def test_model_org_spans_need_an_actors_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "lac")
    text = "青峦储能与远川资本共同成立储能基金。会议强调核心竞争力。"
    orgs = named(text, "Company") | named(text, "Institution")
    assert "核心竞争力" not in orgs


def test_projects_counted_in_chinese_numerals(mode: str) -> None:
    text = "基金已对东岭科瑞新能源、西岭数智新能源两个储能电站项目累计投资2亿元。"
    assert {"东岭科瑞新能源", "西岭数智新能源"} <= named(text, "Company")


def test_a_fund_name_with_a_place_in_brackets(mode: str) -> None:
    text = "双方共同成立鼎川(苏州)先进储能创新产业私募股权投资基金,首期规模5亿元。"
    assert "鼎川(苏州)先进储能创新产业私募股权投资基金" in named(text, "Fund")


def test_an_item_named_as_an_organisation_elsewhere_counts_as_known(mode: str) -> None:
    text = "公司获得华为、小米、KIWI三大巨头战略投资。此后市场被华为、KIWI、LUMO等品牌占据。"
    orgs = named(text, "Company") | named(text, "Institution")
    assert "LUMO" in orgs
    assert not any("占据" in o for o in orgs)


def test_the_default_model_confirms_a_titled_name_whose_surname_no_list_knows(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "总经理钮承泽表示,公司将扩产。"
    monkeypatch.setenv("CAPGRAPH_NER", "off")
    assert "钮承泽" not in named(text, "Person")
    monkeypatch.setenv("CAPGRAPH_NER", "rjieba")
    assert "钮承泽" in named(text, "Person")


def test_list_items_that_read_as_descriptions_are_no_names(mode: str) -> None:
    text = "小微企业普遍面临信用不足、时间短和模式新等问题,青禾科技、远拓股份等企业已获得支持。"
    names = {m.text for m in mentions(text)}
    assert not names & {"信用不足", "时间短", "模式新"}
    assert {"青禾科技", "远拓股份"} <= named(text, "Company")


def test_an_associations_name_carries_its_member_words(mode: str) -> None:
    text = "会议由省科技企业孵化器协会承办。"
    assert "省科技企业孵化器协会" in named(text, "Institution")


def test_a_place_brand_of_capital_stands_alone_in_a_list(mode: str) -> None:
    text = "工商银行与临川资本、鲲羽资本分别签署合作协议,临川资本市场活跃度提升。"
    institutions = named(text, "Institution")
    assert {"临川资本", "鲲羽资本"} <= institutions
    assert "临川资本市场" not in institutions


def test_a_title_and_a_name_whose_rare_surname_the_model_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "rjieba")
    assert "杲云" in named("区委书记杲云走访多家企业。", "Person")


def test_a_funds_phase_is_part_of_its_name(mode: str) -> None:
    text = "江淮集成电路产业投资基金二期近日完成设立。"
    assert "江淮集成电路产业投资基金二期" in named(text, "Fund")


def test_more_titles_before_names(mode: str) -> None:
    text = "集团党委副书记王立新、公司首席财务官李思远出席会议。"
    assert {"王立新", "李思远"} <= named(text, "Person")


def test_round_lists_start_at_the_name(mode: str) -> None:
    text = (
        "星海智能宣布完成B轮融资。本轮融资由远川资本领投,鼎川创投、青峦资本跟投,老股东蓝湖投资持续加码,"
        "华辰证券担任独家财务顾问。公司此前曾获得北辰中国、南瓴创投等机构投资。"
    )
    institutions = named(text, "Institution")
    assert {"远川资本", "鼎川创投", "青峦资本", "蓝湖投资", "华辰证券", "北辰中国", "南瓴创投"} <= institutions
    assert not any(n.startswith(("本轮", "老股东")) or "等机构" in n for n in institutions)


def test_a_brand_bank_signing_an_agreement(mode: str) -> None:
    assert "临川农商银行" in named("临川农商银行与星海智能签署战略合作协议。", "Institution")


def test_a_party_body_stands_for_its_organisation(mode: str) -> None:
    text = "省国资委党委委员孙建国出席会议,东岭控股集团党委书记刘振华作报告。"
    institutions = named(text, "Institution")
    assert "省国资委" in institutions and not any(n.endswith("党委") for n in institutions)


def test_a_province_the_place_list_does_not_know_is_shaped_as_one(mode: str) -> None:
    text = "江岭省科学技术厅厅长冯德明介绍,要激活全省科创中心的作用。"
    institutions = named(text, "Institution")
    assert "江岭省科学技术厅" in institutions
    assert not any("激活" in n for n in institutions)


def test_a_clause_ending_in_a_fund_word_is_no_fund(mode: str) -> None:
    text = "子基金投资于本地企业的金额原则上不低于母基金出资额的1.5倍。"
    assert not named(text, "Fund")


def test_a_fund_in_partnership_form_keeps_its_bracket(mode: str) -> None:
    text = "拟设立青川北辰生物医药创业投资基金(有限合伙)。"
    assert "青川北辰生物医药创业投资基金(有限合伙)" in named(text, "Fund")


def test_standing_committee_member_is_a_title_and_the_committee_a_body(mode: str) -> None:
    text = "南京市委常委、副市长周文斌表示,将加大投入。苏州工业园区管委会主任出席。"
    institutions = named(text, "Institution")
    assert "南京市委" in institutions and not any(n.endswith("常委") for n in institutions)


def test_an_outlets_dateline(mode: str) -> None:
    text = "东方通讯社北京3月5日电 记者从有关部门获悉,本报南京3月6日讯 会议召开。"
    outlets = named(text, "Institution")
    assert "东方通讯社" in outlets and "本报" not in outlets


def test_a_bank_brand_before_its_head_office_or_a_title(mode: str) -> None:
    text = "江岭银行总行相关负责人介绍,北湖银行行长高远航出席。"
    assert {"江岭银行", "北湖银行"} <= named(text, "Institution")


def test_byline_marks_and_outlet_reporters(mode: str) -> None:
    text = "文 | 李明远\n□本报记者 陈冬梅\n东岭日报记者 刘晓东\n某某经济报道记者 周源 上海报道\n文章来源:某网\n"
    assert {"李明远", "陈冬梅", "刘晓东", "周源"} <= named(text, "Person")
    assert "章来源" not in named(text, "Person")


def test_a_speaker_with_no_title_when_the_model_starts_a_name_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "rjieba")
    text = "会上,周启航表示,公司将扩产。陈思源认为市场回暖。公司表示将继续投入。"
    persons = named(text, "Person")
    assert {"周启航", "陈思源"} <= persons and "公司" not in persons


def test_state_capital_platforms_by_their_short_forms_are_investors() -> None:
    for name in ("临川城投集团", "同安建投公司", "青川产投集团", "临川投控有限公司", "东岭科技产业化集团"):
        assert type_organisation(name) == ("Institution", "investor"), name
    assert type_organisation("东岭金控集团") == ("Institution", "financial")


def test_a_measure_word_after_a_number_opens_no_name(mode: str) -> None:
    text = "这3支母基金管理公司还与多家企业签约。"
    assert not named(text, "Institution") and not named(text, "Company")


def test_unbracketed_about_titles_after_a_verb_of_issuing(mode: str) -> None:
    text = (
        "市政府办公厅印发关于进一步支持科技型企业融资的若干措施。省财政厅发布关于做好2025年政府投资基金绩效评价工作的通知。"
        "星衡科技发布关于签订合伙协议的公告。"
    )
    policies = named(text, "Policy")
    assert "关于进一步支持科技型企业融资的若干措施" in policies
    assert "关于做好2025年政府投资基金绩效评价工作的通知" in policies
    assert not any(p.endswith("公告") for p in policies)
    assert not named(text, "Fund")


def test_the_editors_line_survives_reading_and_names_its_editor(tmp_path: Path) -> None:
    from capgraph.graph.model import Document
    from capgraph.loaders.pipeline import extract_document, read_document

    article = tmp_path / "a.txt"
    article.write_text("某某基金完成设立\n\n正文第一句。\n(责任编辑:魏小敏)\n", encoding="utf-8")
    doc = read_document(article)
    assert isinstance(doc, Document)
    assert "魏小敏" in {n.name for n in extract_document(doc).nodes if n.label == "Person"}


def test_founder_and_chair_then_a_verb_of_biography(mode: str) -> None:
    text = "公司创始人兼董事长林清河毕业于东岭大学。投资方看好公司的技术平台,老股东北岭资本超额跟投。"
    assert "林清河" in named(text, "Person")
    orgs = named(text, "Institution") | named(text, "Company")
    assert {"东岭大学", "北岭资本"} <= orgs
    assert not any(o.startswith(("林清河", "看好")) or o.endswith("超额") for o in orgs)


def test_a_city_before_a_known_body_and_a_visit_before_a_group(mode: str) -> None:
    text = (
        "国资委主任马晓光一行调研东岭城投集团。9月3日,东岭市国资委党委书记马晓光一行到"
        "东岭城市投资发展集团有限公司调研,总经理朱晓燕陪同。"
    )
    institutions = named(text, "Institution")
    assert "东岭市国资委" in institutions
    assert {"马晓光", "朱晓燕"} <= named(text, "Person")
    assert not any("调研" in n or "一行" in n for n in institutions | named(text, "Company"))


# --- descriptions are not names: counts, determiners, clause verbs, generic words, roles -------------


def test_a_count_or_a_clause_verb_before_a_fund_suffix_names_no_fund(mode: str) -> None:
    text = (
        "本周多支母基金完成备案,其中蓝湾科创母基金规模最大。该区平行新设两个母基金,并开始公开征集参股子基金。"
        "市里将设子基金,存量资金投向三支区域子基金和各子基金。"
    )
    assert named(text, "Fund") == {"蓝湾科创母基金"}


def test_a_fund_after_a_verb_of_selecting_starts_at_its_place(mode: str) -> None:
    text = "面向社会公开遴选青溪高新区产业投资引导基金管理人。"
    assert named(text, "Fund") == {"青溪高新区产业投资引导基金"}


def test_generic_words_with_an_organisation_suffix_name_nothing(mode: str) -> None:
    text = (
        "他称公司其实是一家很大的冷链物流公司,另外公司去年完成了融资。全市国有资本运营公司将增资。"
        "该行打造“区域特色支行”,并设立“科技金融特色支行”。致各高新区管委会,某某银行管辖各分支行:"
    )
    orgs = named(text, "Institution") | named(text, "Company")
    assert not orgs & {"冷链物流公司", "另外公司", "国有资本运营公司", "区域特色支行", "科技金融特色支行"}
    assert not any(name.endswith(("管委会", "分支行")) for name in orgs)


def test_role_words_are_not_investors(mode: str) -> None:
    text = "本轮由蓝湾资本领投,另有多家产业方及老股东跟投,包括星河科技、丙丁电气等。这是首次获得来自国企的投资。"
    orgs = named(text, "Institution") | named(text, "Company")
    assert {"蓝湾资本", "星河科技", "丙丁电气"} <= orgs
    assert not orgs & {"产业方", "老股东", "国企"}


def test_a_chain_of_subsidiaries_yields_each_registered_name(mode: str) -> None:
    text = "由集团所属青峰投资公司全资子公司江南省属企业改革发展基金管理有限公司担任管理人。"
    found = {m.text: m for m in mentions(text)}
    assert "青峰投资公司" in found and "江南省属企业改革发展基金管理有限公司" in found
    assert found["青峰投资公司"].label == "Institution" and found["青峰投资公司"].properties["kind"] == "investor"


def test_a_party_committee_and_government_written_together_are_two_bodies(mode: str) -> None:
    text = "董事长对东湖区委区政府给予的支持表示感谢。市委市政府将市投资集团改组为全市国有资本运营公司。"
    gov = named(text, "Institution")
    assert {"东湖区委", "东湖区政府"} <= gov
    assert not any(name.startswith("市委") for name in gov)


def test_a_body_does_not_run_on_past_its_name(mode: str) -> None:
    text = "江西省政府相关厅局负责同志出席,副总经理张立新代表集团公司签署协议。"
    assert "江西省政府" in named(text, "Institution")
    assert not any("代表" in n for n in named(text, "Company"))


def test_a_state_capital_group_is_an_investor(mode: str) -> None:
    text = "市里将国投改组为国有资本运营平台,更名为临川资本集团,与青峰资本运营有限公司合作。"
    kinds = {m.text: (m.label, m.properties.get("kind")) for m in mentions(text)}
    assert kinds["临川资本集团"] == ("Institution", "investor")
    assert kinds["青峰资本运营有限公司"] == ("Institution", "investor")


# --- bylines and outlets of every common form ---------------------------------------------------------


def test_outlets_in_bracketed_heads_accounts_pipes_and_dated_heads(mode: str) -> None:
    text = (
        "【江南财经网】(记者 赵一鸣)蓝湾科技今日宣布完成融资。\n文 | 创投圈CVdaily\n"
        "创投圈(ID:cvdaily2020)3月2日消息,蓝湾科技完成融资。\n临川日报 时间:2023-05-06 10:20\n正文。"
    )
    assert {"江南财经网", "创投圈CVdaily", "创投圈", "临川日报"} <= named(text, "Institution")
    assert "赵一鸣" in named(text, "Person")


# --- persons: where the name ends, stacked titles, a dash ---------------------------------------------


def test_a_preposition_after_a_titled_name_is_not_part_of_it(mode: str) -> None:
    text = "某某银行江南分行行长梅雪向记者介绍。董事长张向东在会上讲话,副总经理李和平对此表示支持。"
    assert named(text, "Person") == {"梅雪", "张向东", "李和平"}


def test_names_after_stacked_titles_and_after_a_dash(mode: str) -> None:
    text = "省国资委总会计师、党委委员吴立到会指导。另一位90后创始人——钱思远,也站上了舞台。"
    assert {"吴立", "钱思远"} <= named(text, "Person")


# --- policies: title lines, issuers inside titles, agreements -----------------------------------------


def test_a_notice_title_on_a_line_of_its_own_is_a_policy_and_its_issuers_entities(mode: str) -> None:
    text = (
        "江南省科学技术厅 某某银行江南省分行关于开展专项金融服务支持科技企业的通知\n各市科技局:\n现将有关事项通知如下。"
    )
    title = "江南省科学技术厅 某某银行江南省分行关于开展专项金融服务支持科技企业的通知"
    assert named(text, "Policy") == {title}
    assert {"江南省科学技术厅", "某某银行江南省分行"} <= named(text, "Institution")
    assert named("关于组织申报第二批“创新贷”业务合作银行的通知\n各有关银行:", "Policy") == {
        "关于组织申报第二批“创新贷”业务合作银行的通知"
    }


def test_the_issuer_at_the_start_of_a_bracketed_title_is_an_entity(mode: str) -> None:
    text = "全省落实《江南省人民政府关于促进经济平稳发展的意见》。"
    assert named(text, "Policy") == {"江南省人民政府关于促进经济平稳发展的意见"}
    assert "江南省人民政府" in named(text, "Institution")


def test_an_agreement_in_brackets_is_no_policy_and_its_parties_are_named(mode: str) -> None:
    text = "双方签署了《江南省人民政府 中国银行全面深化战略合作备忘录》和《战略合作协议》。"
    assert not named(text, "Policy")
    assert {"江南省人民政府", "中国银行"} <= named(text, "Institution")


# --- brands with no company ending --------------------------------------------------------------------


def test_a_brand_named_after_its_kind_of_company(mode: str) -> None:
    text = (
        "获得甲方1亿美元D轮投资的生鲜电商果果园今日宣布新获融资。创新药公司迈德生物拟前往科创板上市。"
        "一家上市公司董事会宣布回购股份,另一家科技公司今年完成了融资。这家新能源车企近期宣布降价。"
    )
    assert named(text, "Company") == {"果果园", "迈德生物"}


def test_a_latin_brand_before_a_company_verb(mode: str) -> None:
    text = "融资金额最高的一起事件:Nuvora 获得2亿美元B轮投资,CEO表示将扩大研发。"
    assert named(text, "Company") == {"Nuvora"}


def test_investors_listed_up_to_a_closing_kind_word(mode: str) -> None:
    text = "本次融资由拾玉资本领投,其他投资者包括东山富海、正青谷创新资本、北岸资本等机构。"
    assert {"东山富海", "正青谷创新资本", "北岸资本"} <= named(text, "Institution")


def test_an_account_name_without_the_words_around_it(mode: str) -> None:
    text = "关注岩川资本微信公众号(ID:YANCHUAN01)\n投资圈(ID:touzi2012)7月28日消息"
    kinds = {m.text: (m.label, m.properties.get("kind")) for m in mentions(text)}
    assert kinds["岩川资本"] == ("Institution", "investor")
    assert kinds["投资圈"] == ("Institution", "other")


def test_a_common_noun_before_bare_fund_is_no_fund_and_a_brand_fund_is_a_fund(mode: str) -> None:
    text = "引导基金由存量基金和新设的母子基金组成,并与华夏基金、青岚基金签约。"
    assert named(text, "Institution") == {"华夏基金", "青岚基金"}  # fund houses, not funds
    assert named("本轮由甲乙资本领投,其他投资者包括华夏基金、青岚基金等机构。", "Fund") == {"青岚基金"}


def test_a_list_with_and_inside_a_name_and_a_closing_kind_word(mode: str) -> None:
    text = "本轮由甲乙资本领投,其他投资者包括东川富海、方圆和生、华银投资、宁川高灵基金等机构。"
    found = {m.text: m.label for m in mentions(text)}
    assert {k: found.get(k) for k in ("东川富海", "方圆和生", "华银投资")} == dict.fromkeys(
        ("东川富海", "方圆和生", "华银投资"), "Institution"
    )
    assert found.get("宁川高灵基金") == "Fund"
    headline = "臻元和科技完成超10亿元E轮融资"
    assert named(headline, "Company") == {"臻元和科技"}


def test_a_notice_title_joined_to_the_next_line_at_the_start_of_the_text(mode: str) -> None:
    text = (
        "江南省科学技术厅 某某银行江南省分行关于开展专项金融服务的通知各市科技局,各高新区管委会:现将有关事项通知如下。"
    )
    assert named(text, "Policy") == {"江南省科学技术厅 某某银行江南省分行关于开展专项金融服务的通知"}


def test_a_quoted_word_and_a_bracketed_place_inside_a_name(mode: str) -> None:
    text = "近日,江南省“专精特新”(临川)母基金正式落地。某银行在高新区成立“硬科技”支行,重点支持新能源汽车。"
    assert named(text, "Fund") == {"江南省“专精特新”(临川)母基金"}
    assert "“硬科技”支行" in named(text, "Institution")


def test_a_sized_short_fund_name_and_the_fund_named_after_it(mode: str) -> None:
    text = "11月23日,规模15亿元的省混改基金首支子基金江西青峰壹号产业投资基金完成基协登记备案。"
    assert named(text, "Fund") == {"省混改基金", "江西青峰壹号产业投资基金"}
    assert "基协" in named(text, "Institution")


def test_an_app_quoted_as_a_source_of_data(mode: str) -> None:
    assert named("查企宝APP显示,该基金成立于2024年。", "Company") == {"查企宝APP"}


def test_overseas_exchanges_and_platform_short_forms_are_known(mode: str) -> None:
    text = "公司2013年从纳斯达克私有化,创始人曾是B站up主。"
    assert "纳斯达克" in named(text, "Institution") and "B站" in named(text, "Company")


def test_two_issuers_written_together_are_two_names(mode: str) -> None:
    text = "江西省科学技术厅中国银行江西省分行联合开展专项服务。"
    assert named(text, "Institution") == {"江西省科学技术厅", "中国银行江西省分行"}


def test_whoever_is_cited_as_reporting_is_an_outlet(mode: str) -> None:
    text = "据36氪报道,储能电池厂商蓝峰新能今日宣布获得融资。据媒体报道,该公司估值上升。据知情人士消息,会议召开。"
    assert named(text, "Institution") == {"36氪"}
    assert named(text, "Company") == {"蓝峰新能"}


def test_a_city_government_guidance_fund_is_named(mode: str) -> None:
    text = "据悉,该基金由临川市政府投资引导基金、东湖区政府共同出资设立;市级政府引导基金另行安排。"
    assert named(text, "Fund") == {"临川市政府投资引导基金"}


def test_a_shareholder_word_ends_before_the_name(mode: str) -> None:
    text = "星驰智能新增股东临川市人工智能产业投资基金(有限合伙)。"
    assert named(text, "Fund") == {"临川市人工智能产业投资基金(有限合伙)"}


def test_a_bracketed_group_word_counts_for_the_kind(mode: str) -> None:
    text = "江州国信发展(集团)有限责任公司党委书记、董事长邓友成主持会议。"
    found = {m.text: (m.label, m.properties.get("kind")) for m in mentions(text)}
    assert found["江州国信发展(集团)有限责任公司"] == ("Institution", "investor")


def test_a_list_of_fields_names_no_company_and_a_field_company_is_a_kind(mode: str) -> None:
    text = (
        "在芯片设计、制造、封测、设备/材料等环节企业均有布局。近日,芯片设计公司聚芯微电子完成一笔融资。"
        "基金已投资项目23个,包括寒武纪、地平线等明星企业。"
    )
    assert named(text, "Company") == {"聚芯微电子", "寒武纪", "地平线"}


def test_a_dispatch_line_names_its_outlet_and_a_verb_after_a_name_is_not_in_it(mode: str) -> None:
    text = "东岳经纬3月5日电 题:耐心资本如何赋能科技创新\n“我们坚持投早投小。”某创投董事长左丁说。"
    assert "东岳经纬" in named(text, "Institution")
    assert named(text, "Person") == {"左丁"}


def test_a_registered_name_before_a_verb_leaves_no_brand(mode: str) -> None:
    text = "苏州青芯半导体科技有限公司宣布完成B轮融资。通过深担集团的担保获得贷款,设立启航创投基金。"
    assert "宣布" not in named(text, "Company")
    assert "深担集团" in named(text, "Company") | named(text, "Institution")
    assert "启航创投基金" in named(text, "Fund")


def test_a_listed_company_and_a_verb_before_a_kind_name_nothing(mode: str) -> None:
    text = "深圳很多上市公司在跟踪港股生物科技公司,并设置基金公司。省委和省政府听取汇报。"
    orgs = named(text, "Company") | named(text, "Institution")
    assert not any(n.endswith(("上市公司", "科技公司", "基金公司")) for n in orgs)
    assert not any("和" in n for n in orgs)


def test_a_verb_before_a_placed_fund_is_not_in_its_name(mode: str) -> None:
    text = "要做好青溪高新区产业投资引导基金的管理。企业上市申请获受理。"
    assert named(text, "Fund") == {"青溪高新区产业投资引导基金"}
    assert not named(text, "Company")


def test_a_quantity_before_a_kind_of_company_names_none(mode: str) -> None:
    text = "一些科技公司已经宣布裁员。某些投资公司和几类基金公司也在观望。集团所属青峰投资公司担任管理人。"
    orgs = named(text, "Company") | named(text, "Institution")
    assert orgs == {"青峰投资公司"}


def test_the_real_name_after_a_nickname(mode: str) -> None:
    text = "坐拥270万粉丝的视频up主晓峰君彭立辉,他的搭档是某大学教授。"
    assert named(text, "Person") == {"彭立辉"}


def test_a_brand_after_its_kind_may_open_with_a_time_word_but_not_be_one(mode: str) -> None:
    text = "生鲜电商天天鲜果今日宣布新获融资。一家科技公司今年完成融资,该企业近日宣布上市,多家平台企业多家宣布。"
    assert named(text, "Company") == {"天天鲜果"}
