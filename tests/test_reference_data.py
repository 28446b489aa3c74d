"""Reference data (places from China's administrative divisions, the actor gazetteer) and one node per
actor across articles. Every text here is written for this test; the company names are invented."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from capgraph.graph.falkor_store import FalkorStore
from capgraph.graph.ids import document_id
from capgraph.graph.model import Document, Extraction
from capgraph.ingest import ingest
from capgraph.loaders.gazetteer import (
    GAZETTEER_DIR,
    actor_entries,
    actor_files,
    canonical_place,
    divisions,
    is_place,
    known_actors,
    leading_place,
    place_aliases,
    place_automaton,
    places,
    strip_places,
)
from capgraph.loaders.pipeline import extract_document, to_contract_json
from capgraph.loaders.registered import known_actor_of, registered_key

# --- places --------------------------------------------------------------------------------------


def test_divisions_file_records_its_source_and_covers_every_level() -> None:
    header = [line for line in (GAZETTEER_DIR / "divisions.tsv").read_text(encoding="utf-8").splitlines()[:5]]
    assert any("cpca" in line for line in header)
    assert any("tools/gen_reference_data.py" in line for line in header)
    levels = Counter(d.level for d in divisions())
    assert levels["province"] == 34 and levels["prefecture"] > 300 and levels["county"] > 2500


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("深圳市", "深圳"),
        ("深圳", "深圳"),
        ("广东省", "广东"),
        ("广西壮族自治区", "广西"),
        ("延边朝鲜族自治州", "延边"),
        ("浦东新区", "浦东新区"),
        ("浦东", "浦东新区"),
        ("崂山", "崂山区"),
        ("昆山市", "昆山"),
        ("大湾区", "粤港澳大湾区"),
        ("长三角", "长三角"),
    ],
)
def test_places_have_their_short_forms(surface: str, canonical: str) -> None:
    assert is_place(surface)
    assert canonical_place(surface) == canonical


@pytest.mark.parametrize(
    "word", ["合作", "和平", "东方", "光明", "平安", "兴业", "灯塔", "新建", "商城", "太平", "长安"]
)
def test_district_short_forms_that_are_common_words_are_no_places(word: str) -> None:
    assert not is_place(word)
    assert word not in place_aliases()


def test_leading_place_keeps_brands_that_share_a_district_name() -> None:
    assert leading_place("兴业银行") == ""
    assert leading_place("平安银行") == ""
    assert leading_place("合作社联合会") == ""
    assert leading_place("深圳市星河微芯科技有限公司") == "深圳市"
    assert leading_place("青岛市级政府引导基金") == "青岛"
    assert strip_places("广东省深圳市南山区某某创新中心") == "某某创新中心"


def test_common_words_in_a_sentence_give_no_place_nodes() -> None:
    text = "各方加强合作，共同维护和平发展的环境。东方既白，光明在前。园区在浦东新区，另一家在崂山。"
    extraction = extract(text)
    found = {n.name for n in extraction.nodes if n.label == "Place"}
    assert not found & {"合作", "和平", "东方", "光明"}
    hits = {value for _, value in place_automaton().iter(text)}
    assert {"浦东新区", "崂山"} <= hits and not hits & {"合作", "和平", "东方", "光明"}
    assert "崂山" in places()


# --- the actor gazetteer -------------------------------------------------------------------------


def test_every_actor_file_says_where_its_list_comes_from() -> None:
    assert len(actor_files()) >= 6
    for path in actor_files():
        head = path.read_text(encoding="utf-8").splitlines()[:8]
        assert head[0].startswith("#"), path.name
        assert any("Source" in line for line in head if line.startswith("#")), path.name


def test_no_surface_form_names_two_actors_and_parents_are_actors() -> None:
    counts = Counter(alias for known in actor_entries() for alias in known.aliases)
    assert [alias for alias, n in counts.items() if n > 1] == []
    canonical = {known.canonical for known in actor_entries()}
    assert all(known.parent in canonical for known in actor_entries() if known.parent)
    keys = Counter((known.label, registered_key(known.canonical, known.label)) for known in actor_entries())
    assert [key for key, n in keys.items() if n > 1] == []


@pytest.mark.parametrize(
    ("surface", "canonical", "label", "kind"),
    [
        ("发改委", "国家发展和改革委员会", "Institution", "government"),
        ("工信部", "工业和信息化部", "Institution", "government"),
        ("金融监管总局", "国家金融监督管理总局", "Institution", "government"),
        ("国资委", "国务院国有资产监督管理委员会", "Institution", "government"),
        ("央行", "中国人民银行", "Institution", "government"),
        ("国家数据局", "国家数据局", "Institution", "government"),
        ("国开行", "国家开发银行", "Institution", "financial"),
        ("邮储银行", "中国邮政储蓄银行", "Institution", "financial"),
        ("恒丰银行", "恒丰银行", "Institution", "financial"),
        ("建信投资", "建信金融资产投资有限公司", "Institution", "financial"),
        ("北交所", "北京证券交易所", "Institution", "platform"),
        ("大基金二期", "国家集成电路产业投资基金二期", "Fund", None),
        ("大基金三期", "国家集成电路产业投资基金三期", "Fund", None),
        ("国家中小企业发展基金", "国家中小企业发展基金", "Fund", None),
        ("国家电网", "国家电网有限公司", "Company", None),
        ("中国诚通", "中国诚通控股集团有限公司", "Institution", "investor"),
        ("深创投集团", "深圳市创新投资集团有限公司", "Institution", "investor"),
        ("湖北长江产业投资集团有限公司", "湖北长江产业投资集团有限公司", "Institution", "investor"),
        ("五源资本", "五源资本", "Institution", "investor"),
        ("中科院", "中国科学院", "Institution", "research"),
        ("哈勃投资", "华为哈勃", "Institution", "investor"),
    ],
)
def test_the_field_s_well_known_actors_are_known(surface: str, canonical: str, label: str, kind: str | None) -> None:
    known = known_actors()[surface]
    assert (known.canonical, known.label, known.kind) == (canonical, label, kind)


def test_parents_serve_resolution_and_write_no_relation() -> None:
    assert known_actors()["工银投资"].parent == "中国工商银行"
    assert known_actors()["哈勃投资"].parent == "华为技术有限公司"
    extraction = extract("工银投资与中国工商银行的代表出席了论坛。哈勃投资和华为也派员参加。")
    assert {"工银金融资产投资有限公司", "中国工商银行"} <= {n.name for n in extraction.nodes}
    assert [e for e in extraction.edges if e.type == "SUBSIDIARY_OF"] == []


INVESTOR_ROUND = (
    "沐岚智能近日宣布完成数亿元B轮融资，本轮由君联、顺为和蓝驰联合领投，明势、峰瑞、元璟、松禾跟投，"
    "光大控股、中金浦成、广发信德与国寿股权亦参与投资。问鼎投资、美团龙珠、尚颀资本和英特尔资本此前已入股，TPG与殷拓也在洽谈。"
)


def test_investors_named_by_their_short_brand_are_known_investors() -> None:
    """A financing round that names its investors by brand (君联, 顺为, 广发信德 …): each is its gazetteer
    investor, under its canonical name."""
    nodes = extract(INVESTOR_ROUND).nodes
    investors = {n.name for n in nodes if (n.label, n.properties.get("kind")) == ("Institution", "investor")}
    assert {n.name for n in nodes if n.label == "Company"} == {"沐岚智能"}
    assert investors == {
        "君联资本", "顺为资本", "蓝驰创投", "明势资本", "峰瑞资本", "元璟资本", "松禾资本", "中国光大控股有限公司",
        "中金浦成投资有限公司", "广发信德投资管理有限公司", "国寿股权投资有限公司", "宁波梅山保税港区问鼎投资有限公司",
        "美团龙珠", "尚颀资本", "英特尔资本", "德太投资", "殷拓集团",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("surface", "canonical", "parent"),
    [
        ("广发信德", "广发信德投资管理有限公司", "广发证券股份有限公司"),
        ("国泰君安创投", "国泰君安创新投资有限公司", "国泰君安证券"),
        ("国寿股权", "国寿股权投资有限公司", "中国人寿保险(集团)公司"),
        ("美团龙珠", "美团龙珠", "美团"),
        ("问鼎投资", "宁波梅山保税港区问鼎投资有限公司", "宁德时代新能源科技股份有限公司"),
        ("CPE源峰", "中信产业投资基金管理有限公司", None),
        ("浙创投", "浙江省创业投资集团有限公司", None),
    ],
)
def test_investment_arms_are_investors_with_their_group(surface: str, canonical: str, parent: str | None) -> None:
    known = known_actors()[surface]
    assert (known.canonical, known.label, known.kind, known.parent) == (canonical, "Institution", "investor", parent)


def test_investor_brands_inside_other_words_and_districts_stay_apart() -> None:
    """险峰 in 风险峰值, 明势 in 说明势头, 源峰 in 资源峰会 are no investors; 福田, 浦东, 越秀 stay places (no
    investor alias starts with them)."""
    quiet = extract("市场风险峰值已过，这说明势头向好。本届资源峰会在杭州举行。")
    assert [n.name for n in quiet.nodes if n.label in ("Institution", "Company")] == []
    assert {canonical_place(p) for p in ("福田", "浦东", "越秀")} == {"福田区", "浦东新区", "越秀区"}


def test_boards_are_no_institutions() -> None:
    assert "科创板" not in known_actors() and "创业板" not in known_actors()


# --- one actor, one node -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "label"),
    [
        (["深圳市星河微芯科技有限公司", "星河微芯科技股份有限公司", "星河微芯科技", "星河微芯"], "Company"),
        (["沐光集成电路(上海)股份有限公司", "沐光集成电路"], "Company"),
        (["深圳市创新投资集团有限公司", "深创投", "深创投集团", "深圳创新投资集团"], "Institution"),
        (["青岛市崂山区某某科创集团", "青岛崂山某某科创集团"], "Institution"),
        (["苏州某某股权投资基金合伙企业(有限合伙)", "苏州某某股权投资基金"], "Fund"),
    ],
)
def test_forms_of_one_registered_name_share_a_key(names: list[str], label: str) -> None:
    assert len({registered_key(name, label) for name in names}) == 1


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("中国银行", "银行", "Institution"),
        ("国家集成电路产业投资基金二期", "国家集成电路产业投资基金三期", "Fund"),
        ("大基金一期", "大基金二期", "Fund"),
        ("星河微芯科技", "星河微芯控股", "Company"),
        ("星河微芯科技", "星河键科", "Company"),
        ("北京科技有限公司", "上海科技有限公司", "Company"),
        ("人工智能科技有限公司", "人工智能", "Company"),
        ("苏州创新投资集团有限公司", "深圳市创新投资集团有限公司", "Institution"),
        ("青岛银行", "苏州银行", "Institution"),
        ("青岛啤酒股份有限公司", "烟台啤酒股份有限公司", "Company"),
        ("上海国投", "国投", "Institution"),
    ],
)
def test_different_actors_keep_different_keys(a: str, b: str, label: str) -> None:
    assert registered_key(a, label) != registered_key(b, label)


ARTICLES = {
    "a.txt": "深圳市星河微芯科技有限公司完成新一轮融资，本轮由深圳市创新投资集团有限公司领投。",
    "b.txt": "星河微芯科技股份有限公司(以下简称“星河微芯”)宣布获得深创投战略投资。星河微芯表示，资金将用于研发。",
    "c.txt": "深创投集团近日披露，已投资星河微芯科技有限公司。国家集成电路产业投资基金二期另有安排，大基金三期未参与。",
}


def extract(text: str) -> Extraction:
    return extract_document(Document(document_id(text), "test.txt", "测试", text))


def test_one_actor_one_node_in_the_extraction_output() -> None:
    merged = to_contract_json(extract(text) for text in ARTICLES.values())
    companies = [n for n in merged["nodes"] if "星河微芯科技" in "".join(n["aliases"])]
    assert len(companies) == 1
    assert companies[0]["name"] == "深圳市星河微芯科技有限公司"
    assert len(companies[0]["documents"]) == 3


def test_one_actor_one_node_across_ingested_articles(store: FalkorStore, tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest([tmp_path], store)
    rows = store.query(
        "MATCH (n:Company) WHERE any(a IN n.aliases WHERE a CONTAINS '星河微芯') "
        "OPTIONAL MATCH (a:Article)-[:MENTIONS]->(n) RETURN n.name, n.aliases, count(a)"
    ).rows
    assert len(rows) == 1
    name, aliases, articles = rows[0]
    assert name == "深圳市星河微芯科技有限公司"
    assert {"深圳市星河微芯科技有限公司", "星河微芯科技股份有限公司", "星河微芯科技有限公司", "星河微芯"} <= set(
        aliases
    )
    assert articles == 3
    rows = store.query("MATCH (n:Institution) WHERE n.kind = 'investor' RETURN n.name, n.aliases").rows
    investors = [row for row in rows if "深创投" in row[1] or "深创投集团" in row[1]]
    assert len(investors) == 1
    assert investors[0][0] == "深圳市创新投资集团有限公司"
    assert {"深圳市创新投资集团有限公司", "深创投", "深创投集团"} <= set(investors[0][1])
    funds = store.query("MATCH (f:Fund) RETURN f.name ORDER BY f.name").column(0)
    assert {"国家集成电路产业投资基金二期", "国家集成电路产业投资基金三期"} <= set(funds)
    edges = store.query("MATCH (i:Institution)-[r:INVESTED_IN]->(c:Company) RETURN i.name, c.name").rows
    assert len(edges) == 1 and edges[0] == ["深圳市创新投资集团有限公司", "深圳市星河微芯科技有限公司"]


def test_the_generated_files_are_what_their_script_makes(tmp_path: Path) -> None:
    """Reproducible reference data: regenerating from cpca and jieba gives the committed files."""
    pytest.importorskip("jieba")
    try:
        importlib.metadata.distribution("cpca")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("cpca (the 'refdata' extra) is not installed")
    script = Path(__file__).resolve().parent.parent / "tools" / "gen_reference_data.py"
    try:
        importlib.metadata.distribution("opencc-python-reimplemented")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("opencc-python-reimplemented (the 'refdata' extra) is not installed")
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("divisions.tsv", "alias-boundaries.tsv", "traditional.tsv", "traditional-in-context.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (GAZETTEER_DIR / name).read_text(encoding="utf-8")


def test_a_short_alias_inside_other_words_is_no_actor() -> None:
    """国投 in 中国投资者, 中行 in 其中行业, 京东 in 北京东路 (boundaries generated from jieba's dictionary)."""
    quiet = extract("中国投资者对此反应积极，其中行业龙头表现突出。他住在北京东路。各地财政部门和科技部门要加强协同。")
    assert [n.name for n in quiet.nodes if n.label in ("Institution", "Company")] == []
    named = extract("国投与中行签署协议，京东参与。据央行消息，工行、建行和农行均已落实。财政部、科技部联合发文。")
    names = {n.name for n in named.nodes}
    assert {"国家开发投资集团有限公司", "中国银行", "京东集团", "中国人民银行", "中国工商银行", "中国建设银行"} <= names
    assert {"财政部", "科学技术部"} <= names


def test_a_registered_form_of_a_known_actor_is_that_actor() -> None:
    """招商银行股份有限公司 in one article and 招行 in another: one Institution, typed by the gazetteer."""
    first = extract("招商银行股份有限公司与某某科技有限公司签署合作协议。")
    second = extract("招行表示，将继续支持科技企业。")
    bank = next(n for n in first.nodes if "招商银行股份有限公司" in n.aliases)
    assert (bank.label, bank.name, bank.properties.get("kind")) == ("Institution", "招商银行", "financial")
    assert bank.id in {n.id for n in second.nodes}


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("省国资委近日召开专题会议。", "省国资委"),
        ("深圳市发改委与国家发展改革委联合发文。", "深圳市发改委"),
        ("广东省发展改革委印发通知。", "广东省发展改革委"),
    ],
)
def test_a_national_body_s_short_form_after_a_place_is_the_local_body(text: str, local: str) -> None:
    nodes = [n for n in extract(text).nodes if n.label == "Institution"]
    body = next(n for n in nodes if local in n.aliases)
    assert body.name == local and body.properties["kind"] == "government"
    assert all(n.name != "国家发展和改革委员会" or local not in n.aliases for n in nodes)


def test_a_seat_place_does_not_hide_a_known_company() -> None:
    company = next(n for n in extract("北京字节跳动科技有限公司宣布完成投资。").nodes if n.label == "Company")
    assert company.name == "字节跳动"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("深圳市创新投资集团", "深圳市创新投资集团有限公司"),
        ("中国建筑集团", "中国建筑集团有限公司"),
        ("中国建筑", "中国建筑股份有限公司"),
        ("北京字节跳动科技有限公司", "字节跳动"),
        ("中国工商银行股份有限公司", "中国工商银行"),
    ],
)
def test_registered_forms_find_their_gazetteer_actor(name: str, canonical: str) -> None:
    known = known_actor_of(name)
    assert known is not None and known.canonical == canonical


def test_a_subsidiary_named_after_its_parent_is_not_the_parent() -> None:
    """歌尔微电子 is another company than 歌尔股份 (only descriptive trade words are dropped)."""
    assert known_actor_of("歌尔微电子") is None
    assert known_actor_of("深圳市发改委") is None


# --- companies by their short brand -------------------------------------------------------------


def test_corporate_investors_named_by_their_short_brand_are_their_companies() -> None:
    """An invented round: automakers, a battery maker, a robot maker and industrial groups by short brand."""
    extraction = extract(
        "星河芯创完成5亿元B轮融资，本轮由蔚来、一汽、上汽和宁德时代联合领投，广汽、奇瑞、宇树、徐工和潍柴跟投。"
    )
    companies = {n.name for n in extraction.nodes if n.label == "Company"}
    assert {
        "蔚来",
        "中国第一汽车集团有限公司",
        "上汽集团",
        "宁德时代新能源科技股份有限公司",
        "广汽集团",
        "奇瑞汽车",
        "宇树科技",
        "徐工集团",
        "潍柴控股集团有限公司",
        "星河芯创",
    } <= companies
    investors = {e.source for e in extraction.edges if e.type == "INVESTED_IN"}
    assert len(investors) >= 9


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("小鹏", "小鹏汽车"),
        ("零跑", "零跑汽车"),
        ("北汽", "北汽集团"),
        ("极氪", "极氪智能科技"),
        ("澜起科技", "澜起科技"),
        ("沪硅产业", "上海硅产业集团股份有限公司"),
        ("豪威集团", "韦尔股份"),
        ("亿华通", "亿华通"),
        ("智元机器人", "智元机器人"),
        ("联影", "上海联影医疗科技股份有限公司"),
        ("工业富联", "富士康工业互联网股份有限公司"),
        ("三一", "三一集团有限公司"),
        ("国家管网", "国家石油天然气管网集团有限公司"),
        ("中国通号", "中国铁路通信信号集团有限公司"),
        ("国航", "中国国际航空股份有限公司"),
    ],
)
def test_companies_are_known_by_the_names_articles_use(surface: str, canonical: str) -> None:
    known = known_actors()[surface]
    assert (known.canonical, known.label, known.kind) == (canonical, "Company", None)


def test_company_brands_inside_ordinary_words_are_no_companies_and_districts_stay_places() -> None:
    """推广|汽车 (广汽), 东北|汽车 (北汽), 统一|汽车 (一汽), 加强|生产 (强生), 中国|航天 (国航) name no company;
    no company alias takes a district's short form from the places (福田汽车 is written 北汽福田)."""
    quiet = extract("各地推广汽车以旧换新，东北汽车产业加强生产协同，统一汽车标准，中国航天事业持续发展。")
    assert [n.name for n in quiet.nodes if n.label in ("Company", "Institution")] == []
    assert [canonical_place(p) for p in ("福田", "金山", "宝山", "秦淮")] == ["福田区", "金山区", "宝山区", "秦淮区"]


# --- banks, securities firms, insurers and national funds by the forms articles use ---------------


def test_financiers_named_by_short_form_in_one_sentence_are_all_known() -> None:
    """An invented syndicate sentence: each short form gives its financial institution or fund."""
    text = (
        "本轮融资由国风投、国创投引导基金和海河产业基金领投，中金财富、华泰联合、国联民生担任财务顾问，"
        "常熟银行、青农商行、百信银行和苏农银行提供贷款，泰康资产、人保资产、华润信托、兴全基金跟投，"
        "高盛与大摩担任境外承销商。"
    )
    nodes = {n.name: (n.label, n.properties.get("kind")) for n in extract(text).nodes}
    financial = ("Institution", "financial")
    fund = ("Fund", None)
    expected = {
        "中国国有资本风险投资基金": fund,
        "国家创业投资引导基金": fund,
        "天津市海河产业基金": fund,
        "中国中金财富证券有限公司": financial,
        "华泰联合证券有限责任公司": financial,
        "国联民生证券股份有限公司": financial,
        "江苏常熟农村商业银行": financial,
        "青岛农村商业银行": financial,
        "中信百信银行": financial,
        "江苏苏州农村商业银行": financial,
        "泰康资产管理有限责任公司": financial,
        "中国人保资产管理有限公司": financial,
        "华润深国投信托有限公司": financial,
        "兴证全球基金管理有限公司": financial,
        "高盛集团": financial,
        "摩根士丹利": financial,
    }
    assert {name: nodes.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    ("surface", "canonical", "parent"),
    [
        ("广州农商行", "广州农村商业银行", None),
        ("北部湾银行", "广西北部湾银行", None),
        ("招银理财", "招银理财有限责任公司", "招商银行"),
        ("人保财险", "中国人民财产保险股份有限公司", "中国人民保险集团"),
        ("上投摩根", "摩根基金管理(中国)有限公司", None),
        ("陕国投", "陕西省国际信托股份有限公司", None),
        ("申万宏源证券", "申万宏源证券有限公司", "申万宏源集团股份有限公司"),
    ],
)
def test_financial_institutions_by_their_usual_forms(surface: str, canonical: str, parent: str | None) -> None:
    known = known_actors()[surface]
    assert (known.canonical, known.label, known.kind, known.parent) == (canonical, "Institution", "financial", parent)


def test_a_place_s_banking_sector_is_no_bank() -> None:
    """湖北银行业金融机构 is Hubei's banking sector; 宁波银行业绩 is the bank's results."""
    sector = extract("湖北银行业金融机构和四川银行业保险业加大对科技企业的信贷支持。")
    assert [n.name for n in sector.nodes if n.label == "Institution"] == []
    bank = extract("宁波银行业绩增长，湖北银行表示将继续支持科技企业。")
    assert {"宁波银行", "湖北银行"} <= {n.name for n in bank.nodes if n.label == "Institution"}


# --- the broadened research, state-capital and government lists -----------------------------------


def test_universities_institutes_and_state_platforms_by_their_short_forms() -> None:
    text = (
        "星河微芯科技有限公司完成新一轮融资，湖北科投、山东国投、成都科创投、西安财金和三峡资本共同参与。"
        "公司由清华、北大、浙大和华科的校友创立，与中科院计算所、深圳先进院合作。"
        "国家统计局与知识产权局发布数据。"
    )
    found = {(n.name, n.label, n.properties.get("kind")) for n in extract(text).nodes}
    assert {
        ("湖北省科技投资集团有限公司", "Institution", "investor"),
        ("山东省国有资产投资控股有限公司", "Institution", "investor"),
        ("成都科技创新投资集团有限公司", "Institution", "investor"),
        ("西安财金投资管理有限公司", "Institution", "investor"),
        ("三峡资本控股有限责任公司", "Institution", "investor"),
        ("清华大学", "Institution", "research"),
        ("北京大学", "Institution", "research"),
        ("浙江大学", "Institution", "research"),
        ("华中科技大学", "Institution", "research"),
        ("中国科学院计算技术研究所", "Institution", "research"),
        ("中国科学院深圳先进技术研究院", "Institution", "research"),
        ("国家统计局", "Institution", "government"),
        ("国家知识产权局", "Institution", "government"),
    } <= found


def test_new_short_forms_inside_other_names_name_no_university() -> None:
    text = "西北大学、湖北大学和河北大学的学者出席。北大荒集团召开年会，复旦微电子发布新品。"
    names = {n.name for n in extract(text).nodes}
    assert {"西北大学", "湖北大学", "河北大学"} <= names
    assert not names & {"北京大学", "复旦大学"}


def test_provincial_finance_holdings_keep_apart() -> None:
    keys = {
        registered_key(n, "Institution")
        for n in ("江西省金融控股集团有限公司", "陕西金融控股集团有限公司", "广州金融控股集团有限公司")
    }
    assert len(keys) == 3
