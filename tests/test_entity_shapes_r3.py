"""Entity shapes of round 3 (issue 8): general constructions, each on sentences written for these tests
(invented names; no gold or news text). The default name model (hybrid LAC) unless a test says otherwise."""

from __future__ import annotations

import pytest
from entity_support import mentions, named


@pytest.fixture(autouse=True)
def hybrid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPGRAPH_NER", "hybrid")


# --- persons in lists -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("区领导陈一鸣、赵小川、周文博参加调研。", {"陈一鸣", "赵小川", "周文博"}),
        ("本轮出资方包括甲乙科技、 孙立伟、 钱晓东、韦荡等8名投资人。", {"孙立伟", "钱晓东", "韦荡"}),
        ("嘉宾刘海涛、郑雨晴和黄志坚分别作主题发言。", {"刘海涛", "郑雨晴"}),
    ],
)
def test_names_in_a_list_with_no_titles_are_persons(text: str, persons: set[str]) -> None:
    assert persons <= named(text, "Person")


def test_a_list_of_brands_gives_no_persons() -> None:
    text = "华为、腾讯、张江集团等企业参与了本轮投资。"
    assert not named(text, "Person")


# --- organisations listed with organisations --------------------------------------------------------


def test_companies_and_investors_listed_together_type_each_item_by_its_shape() -> None:
    text = "本轮其他参投方包括腾讯、红杉中国、北汽投资、深创投、君联资本等。"
    found = {m.text: m.label for m in mentions(text)}
    assert found["北汽投资"] == "Institution"  # a group's investment arm
    assert found["腾讯"] == "Company"


def test_a_list_mostly_of_known_investors_overrules_the_suffix_rules() -> None:
    text = "其他投资人还包括甲乙资本、启明创投、Z资本、丙丁资本、深创投、大有可为创投等。"
    assert {"Z资本", "大有可为创投"} <= named(text, "Institution")


def test_generic_items_in_a_list_stay_out() -> None:
    text = "华为、腾讯、某些资本、产业资本等参与。"
    found = {m.text for m in mentions(text)}
    assert not found & {"某些资本", "产业资本"}


# --- the company of a round -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("3月5日,星河智驾(Galaxy Drive)宣布完成5亿元B轮融资。", "星河智驾"),
        ("去年年底,云杉数智A+轮融资超8亿元,创下行业纪录。", "云杉数智"),
        ("“回顾三年前蓝鲸芯能完成天使轮融资,团队只有五个人。", "蓝鲸芯能"),
        ("公告称,北辰量子本次B2轮融资主要用于研发。", "北辰量子"),
    ],
)
def test_the_subject_of_a_round_is_a_company(text: str, company: str) -> None:
    assert company in named(text, "Company")


def test_a_verb_before_a_round_label_names_no_company() -> None:
    text = "该笔交易刷新A轮融资纪录。"
    assert not named(text, "Company")


# --- registered names ---------------------------------------------------------------------------------


def test_a_fund_manager_registered_as_a_partnership_is_an_investor_institution() -> None:
    text = (
        "本轮投资方包括:星火集团、宁波江北众乐投资管理合伙企业、嘉兴远山一号股权投资合伙企业(有限合伙)等。"
        "苏州青石东方投资管理企业(有限合伙)担任普通合伙人。"
    )
    found = {m.text: m for m in mentions(text)}
    for name in ("宁波江北众乐投资管理合伙企业", "苏州青石东方投资管理企业(有限合伙)"):
        assert found[name].label == "Institution"
        assert found[name].properties["kind"] == "investor"
    assert found["嘉兴远山一号股权投资合伙企业(有限合伙)"].label == "Fund"


# --- descriptions and clause words are no names -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今年有些创业公司可能撑不过寒冬。",
        "对于区域性银行而言,定位最重要。",
        "引导某某银行分支行与园区对接。",
        "发起单位是两地国有创投公司——甲乙风险投资有限公司。",
        "经市政府同意,现印发本办法。",
        "公司创始人、董事长兼CEO郑远航曾在甲乙、丙丁等龙头企业任职。",
        "某集团与河北定州、张家口及天津武清等地方政府达成协议。",
    ],
)
def test_descriptions_and_clause_words_name_no_organisation(text: str) -> None:
    found = {m.text for m in mentions(text) if m.label in ("Institution", "Company", "Fund")}
    assert not found & {
        "有些创业公司",
        "区域性银行",
        "某某银行分支行",
        "两地国有创投公司",
        "经市政府",
        "公司创始人",
        "河北定州",
        "张家口及天津武清",
    }


def test_a_verb_of_visiting_opens_the_organisation_name() -> None:
    text = "集团董事长周远航前往华岳国投基金公司调研。经市政府同意,特制定本意见。"
    found = {m.text for m in mentions(text) if m.label in ("Institution", "Company")}
    assert "华岳国投基金公司" in found
    assert "市政府" in found


def test_a_dispatch_of_a_known_agency_names_the_agency_not_its_city() -> None:
    text = "新华社广州3月2日电(记者 林一舟)某某集团2日在穗成立投资公司。"
    found = {m.text for m in mentions(text) if m.label == "Institution"}
    assert "新华社" in found
    assert "新华社广州" not in found


def test_a_rural_commercial_bank_is_known_by_its_short_forms() -> None:
    from capgraph.loaders.gazetteer import known_actors

    for name, known in known_actors().items():
        if name.endswith("农村商业银行"):
            short = name.replace("农村商业银行", "农商行")
            assert known_actors()[short] is known


def test_a_short_alias_inside_a_longer_word_is_no_mention() -> None:
    from capgraph.loaders.gazetteer import inside_another_word

    text = "人形机器人行业融资火热,仅次于韩国三星。"
    assert inside_another_word(text, text.index("人行"), "人行")
    assert not inside_another_word(text, text.index("三星"), "三星")


# --- funds ----------------------------------------------------------------------------------------------


def test_a_fund_after_a_dash_named_by_a_brand_and_its_field() -> None:
    text = "双方完成了母基金、子基金——比邻星医疗知识产权基金及首批项目的签约。"
    assert "比邻星医疗知识产权基金" in named(text, "Fund")


def test_a_registered_fund_name_written_without_its_brackets() -> None:
    text = "3月28日消息,湖北远帆长江产业基金合伙企业有限合伙新增对外投资。"
    assert "湖北远帆长江产业基金合伙企业有限合伙" in named(text, "Fund")


def test_a_known_fund_right_after_a_known_investor_is_that_investors_fund() -> None:
    from capgraph.loaders.gazetteer import known_actors

    investor = next(n for n, k in known_actors().items() if k.kind == "investor" and len(n) >= 4)
    fund = next(n for n, k in known_actors().items() if k.label == "Fund" and len(n) >= 6)
    text = f"规模百亿元的{investor}{fund}今日揭牌。"
    assert f"{investor}{fund}" in named(text, "Fund")


def test_a_foundation_name_runs_over_a_conjunction_inside_it() -> None:
    text = "活动由某某研究院主办,恒远电子、上海联和公益基金会、济华基金等协办。"
    found = {m.text for m in mentions(text)}
    assert "上海联和公益基金会" in found
    assert "公益基金会" not in found


def test_a_brand_after_the_description_of_its_kind() -> None:
    text = "该基金由甲乙集团所属的股权基金管理公司中岳创投负责管理。"
    assert "中岳创投" in named(text, "Institution")


# --- policies ---------------------------------------------------------------------------------------------


def test_a_notice_title_line_and_the_document_it_issues_are_both_policies() -> None:
    text = (
        "江州市人民政府办公室关于印发加快建设科技金融改革试验区的实施意见的通知\n\n"
        "各区人民政府,市政府各部门:\n现将有关事项通知如下。"
    )
    policies = named(text, "Policy")
    assert "江州市人民政府办公室关于印发加快建设科技金融改革试验区的实施意见的通知" in policies
    assert "加快建设科技金融改革试验区的实施意见" in policies


def test_a_notice_in_brackets_and_the_document_it_issues() -> None:
    text = "近日,《某省财政厅关于印发某省政府投资基金管理办法的通知》正式公布。"
    policies = named(text, "Policy")
    assert "某省政府投资基金管理办法" in policies


def test_an_unbracketed_plan_made_of_ordinary_words_is_no_policy() -> None:
    text = "他介绍了集团改革推进情况、功能定位及产业发展规划。双方开展支持园区高质量发展专项行动。"
    assert not named(text, "Policy")


def test_an_unbracketed_plan_named_by_its_place_is_a_policy() -> None:
    text = "会议审议了江州市数字经济发展规划。"
    assert "江州市数字经济发展规划" in named(text, "Policy")


def test_a_list_with_stock_codes_and_a_joined_last_item() -> None:
    text = (
        "入选的企业包括江州工控集团、远帆电器(603999)、青禾科技(600999)、江州高新区投资、"
        "江州地铁、明达运通(002999)、江州装备产业集团、城发基金以及华星机电。"
    )
    found = {m.text for m in mentions(text)}
    assert {"江州高新区投资", "江州地铁", "华星机电"} <= found


def test_the_subject_of_a_round_after_a_dash() -> None:
    text = "最近杀出一家机器人品牌——云雀ROBO完成超亿元天使轮融资,由某某创投领投。"
    assert "云雀ROBO" in named(text, "Company")


def test_the_last_item_of_a_list_ends_at_its_organisation_suffix() -> None:
    text = "近年来,江州先后组建市资源投资集团、市金财融资担保集团、青山科创城发展集团、人才发展集团,成效明显。"
    assert "人才发展集团" in {m.text for m in mentions(text)}


def test_the_organisers_listed_before_a_verb_of_hosting() -> None:
    text = "本次论坛由江州金融研究院、远帆信息、西湖金融论坛主办,青禾电子等协办。"
    found = {m.text for m in mentions(text)}
    assert {"远帆信息", "西湖金融论坛"} <= found


def test_a_conjunction_inside_a_known_name_does_not_split_the_last_item() -> None:
    text = "参会单位包括甲乙科技、丙丁资本、国家发展和改革委员会。"
    found = {m.text for m in mentions(text)}
    assert "国家发展和改革委员会" in found
    assert "改革委员会" not in found


def test_a_fund_set_up_named_by_a_word_and_its_type() -> None:
    text = "某某基金管理有限公司发起成立海湾基础设施基金,首期募集资金5亿元。另设立省级基础设施建设基金。"
    funds = named(text, "Fund")
    assert "海湾基础设施基金" in funds
    assert "省级基础设施建设基金" not in funds


def test_a_brand_of_digits_and_characters_before_an_actors_word() -> None:
    text = "9月1日,77同城宣布,旗下二手平台完成融资。2023年初宣布启动。"
    companies = named(text, "Company")
    assert "77同城" in companies
    assert not any(c.startswith("2023") for c in companies)


def test_a_unit_named_after_a_known_ministry_whose_name_holds_a_conjunction() -> None:
    text = "近日,工业和信息化部火炬高技术产业开发中心与某某银行签约。"
    found = {m.text for m in mentions(text) if m.label == "Institution"}
    assert "工业和信息化部火炬高技术产业开发中心" in found
    assert "工业和信息化部" not in found


# --- found by writing new articles of the four kinds (self-check) -------------------------------------


def test_a_place_and_its_level_before_a_title_is_no_person() -> None:
    text = "台州市副市长王立新出席仪式并致辞。"
    assert named(text, "Person") == {"王立新"}


def test_governments_of_every_level_name_no_body() -> None:
    text = "各区县人民政府,各市县政府,市政府各部门:"
    found = {m.text for m in mentions(text)}
    assert "县人民政府" not in found and "县政府" not in found
    assert "市政府" in found


def test_an_unnamed_number_of_sub_funds_is_no_fund() -> None:
    assert not named("母基金将联合社会资本设立若干子基金。", "Fund")


def test_a_place_before_a_short_state_capital_alias_is_the_places_own_group() -> None:
    text = "台州国有资本投资运营集团有限公司(以下简称“台州国投”)召开会议。台州国投旗下公司参会。"
    found = {m.properties.get("canonical") for m in mentions(text)}
    assert "国家开发投资集团有限公司" not in found


def test_investors_joined_by_yiji_keep_their_boundaries() -> None:
    text = "投资方包括甲乙资本、丙丁创投、湖州市产业基金以及老股东启明创投。"
    found = {m.text for m in mentions(text)}
    assert "湖州市产业基金" in found
    assert not any(t.endswith("以") or t.startswith("及") for t in found)


def test_gaoxin_in_a_fund_name_is_a_name_word_not_an_adverb() -> None:
    text = "三支子基金分别为安徽高新智造产业基金、芜湖新能源汽车产业基金。安徽省新兴产业引导基金近日出资。"
    funds = named(text, "Fund")
    assert {"安徽高新智造产业基金", "安徽省新兴产业引导基金"} <= funds


def test_the_round_label_after_the_last_investor_is_not_in_its_name() -> None:
    text = "此前,绿源生物曾获经纬创投、峰瑞资本天使轮投资。又获甲乙资本、丙丁创投B+轮投资。"
    found = {m.text for m in mentions(text)}
    assert {"峰瑞资本", "丙丁创投"} <= found
    assert not any(t.endswith("轮") for t in found)


def test_a_latin_word_then_a_brand_before_an_investor_suffix() -> None:
    text = "本轮由Lumina青岚资本领投,某某创投跟投。"
    assert "Lumina青岚资本" in named(text, "Institution")


def test_a_single_existing_shareholder_before_a_verb_of_following_on() -> None:
    text = "本轮由甲乙资本领投,老股东远山创坛超额认购。"
    assert "远山创坛" in {m.text for m in mentions(text)}


def test_who_learnt_the_news_at_a_paragraphs_start_is_the_outlet() -> None:
    text = "创投界获悉,机器人公司灵犀动力近日完成数千万元融资。\n记者获悉,某某集团完成改制。\n公司获悉,对方已撤诉。"
    found = named(text, "Institution")
    assert "创投界" in found
    assert not found & {"记者", "公司"}


def test_a_title_of_engineers_and_a_doctor_after_the_name() -> None:
    text = "公司由前某某科技工程师刘一凡博士创立。"
    assert "刘一凡" in named(text, "Person")


def test_a_name_and_its_registered_form_in_one_text_are_one_actor() -> None:
    text = "江州城市建设投资集团召开大会。江州城市建设投资集团有限公司董事长周立出席。"
    found = {m.text: m for m in mentions(text)}
    assert found["江州城市建设投资集团"].properties["canonical"] == "江州城市建设投资集团有限公司"


def test_a_party_committee_before_its_title_is_the_organisations_own() -> None:
    text = "浙江国资运营党委书记、董事长桑立新出席。"
    found = {m.text for m in mentions(text) if m.label in ("Institution", "Company")}
    assert not any(t.endswith("党委") for t in found)


def test_a_description_with_a_fields_acronym_before_the_name() -> None:
    text = "2024年6月,AI芯片公司芯擎纪元宣布完成数亿元A轮融资。"
    found = {m.text for m in mentions(text)}
    assert "芯擎纪元" in found
    assert "AI芯片公司" not in found


def test_a_title_line_holding_the_issued_document_in_brackets() -> None:
    text = (
        "中国人民银行 科技部 关于印发《科技金融服务能力提升行动方案》的通知\n"
        "各省、自治区、直辖市人民政府:\n为贯彻落实有关部署,现印发给你们。"
    )
    found = {m.text: m.label for m in mentions(text)}
    assert found.get("中国人民银行 科技部 关于印发《科技金融服务能力提升行动方案》的通知") == "Policy"
    assert found.get("科技金融服务能力提升行动方案") == "Policy"
    assert not any(t.endswith("人民政府") for t in found)


def test_a_finance_group_is_a_financial_institution() -> None:
    text = "江州科技金融集团与某某银行签约。"
    found = {m.text: m for m in mentions(text)}
    assert found["江州科技金融集团"].label == "Institution"
    assert found["江州科技金融集团"].properties["kind"] == "financial"


def test_an_investor_sharing_a_places_name_keeps_the_rest_of_the_list() -> None:
    text = "本轮由星辰投资领投,岚山、青禾、远帆跟投。"
    assert {"青禾", "远帆"} <= {m.text for m in mentions(text)}


def test_a_list_of_things_with_known_brands_names_no_more_organisations() -> None:
    text = "华为、小米、手机、平板等产品线。腾讯、阿里、远帆、青禾等企业参与。"
    found = {m.text for m in mentions(text)}
    assert not found & {"手机", "平板"}
    assert {"远帆", "青禾"} <= found


def test_a_short_name_whose_registered_name_adds_only_business_words() -> None:
    text = "山东岳华投资控股集团有限公司与某某集团签约。山东岳华党委委员、副总经理牛一鸣出席。"
    found = {m.text: m for m in mentions(text)}
    assert found["山东岳华"].properties["canonical"] == "山东岳华投资控股集团有限公司"
    assert found["山东岳华"].label == found["山东岳华投资控股集团有限公司"].label


def test_a_brand_and_another_company_of_its_name_stay_apart() -> None:
    from capgraph.loaders.entities import _registered_form_of

    assert _registered_form_of("远帆科技", "远帆科技有限公司")
    assert not _registered_form_of("远帆", "远帆音乐娱乐集团有限公司")


def test_designations_of_enterprises_in_a_list_are_no_companies() -> None:
    text = "支持专精特新、小巨人、瞪羚等企业发展。培育独角兽、隐形冠军等企业。理想、蔚来、小鹏等车企加速布局。"
    companies = named(text, "Company")
    assert not companies & {"专精特新", "小巨人", "瞪羚", "独角兽", "隐形冠军"}
    assert {"理想", "蔚来", "小鹏"} <= companies


def test_a_bureau_then_a_verb_of_acting_together() -> None:
    text = "本办法由市财政局会同市科技局负责解释。"
    assert {"市财政局", "市科技局"} <= named(text, "Institution")
