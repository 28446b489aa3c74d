"""A deterministic corpus of N articles for the scale benchmark (bench/scale.py).

    .venv/bin/python bench/generate.py --articles 1000 --out /tmp/corpus [--seed 7]

Each article is a title and a dozen sentences drawn from templates written for this bench, in the
style of the sample corpus (financing rounds, funds set up and managed, policies issued, people and
their companies, subsidiaries, locations, sectors) with generated Chinese names of companies, funds,
institutions and persons. Names are drawn with a Zipf-like frequency (weight 1/rank), so a few
actors recur in many articles, as the field's hubs do; most companies appear once or twice.
The same seed and N give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
from collections.abc import Callable, Sequence
from pathlib import Path

PLACES = [
    "北京", "上海", "深圳", "广州", "杭州", "苏州", "南京",
    "合肥", "武汉", "成都", "西安", "青岛", "厦门", "天津",
]  # fmt: skip
SYLLABLES = (
    "瀚宇辰星锐智恒远启明华睿云帆泰和嘉禾博远鼎盛凯旋澜海拓维思源晨光沃土弘毅聚能芯航微光"
    "磐石致远领航金桥同创盈科中科信达天成卓越新源汇通融创永清远望德润昊天明阳正泰安邦"
)
INDUSTRY_ENDINGS = ["科技", "智能", "生物", "医药", "电子", "新材", "光电", "半导体", "机器人", "数据"]
INVESTOR_FORMS = ["{p}{w}创业投资有限公司", "{w}资本", "{p}{w}投资管理有限公司", "{p}{w}股权投资有限公司"]
FUND_FORMS = ["{p}{w}产业投资基金", "{p}{w}创业投资基金", "{w}{s}产业基金", "{p}{w}天使投资基金"]
GOVERNMENT_FORMS = ["{p}市财政局", "{p}市科学技术局", "{p}市发展和改革委员会", "{p}市工业和信息化局", "{p}市人民政府"]
BANK_FORMS = ["{w}银行{p}分行", "{p}{w}农村商业银行", "{w}证券股份有限公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰建国志红文斌宁浩然子轩雨欣"
SECTORS = [
    "人工智能", "集成电路", "生物医药", "新能源", "新材料",
    "低空经济", "商业航天", "量子信息", "高端装备", "数字经济",
]  # fmt: skip
ROUNDS = ["天使轮", "Pre-A轮", "A轮", "A+轮", "B轮", "C轮"]
TITLES = ["{p}{s}产业发展观察", "耐心资本如何投向{s}", "{p}加快培育{s}产业集群", "{s}领域投融资动态"]
POLICY_FORMS = ["{p}市关于支持{s}高质量发展的若干措施", "{p}市加快培育{s}产业行动方案", "{p}市促进{s}创新发展实施意见"]
FILLER = [
    "耐心资本更强调长期陪伴,对早期项目的风险有较高承受能力。",
    "业内人士认为,科技金融的关键在于让资金投早、投小、投长期、投硬科技。",
    "从资金来源看,政府投资基金和保险资金正在成为长期资本的重要力量。",
    "当前,不少地区正在探索以基金招商带动产业落地的新路径。",
    "受访专家表示,退出渠道的畅通程度直接影响社会资本的参与意愿。",
    "多地提出完善尽职免责机制,提高对早期投资失败的容忍度。",
]


class ZipfPool:
    """Names made on demand, drawn with weight 1/rank: the first few are drawn very often."""

    def __init__(self, size: int, make: Callable[[random.Random], str], rng: random.Random, exponent: float = 1.0):
        self.rng = rng
        names: dict[str, None] = {}
        while len(names) < size:
            names[make(rng)] = None
        self.names = list(names)
        self.cumulative = list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, size + 1)))

    def draw(self) -> str:
        index = bisect.bisect_left(self.cumulative, self.rng.random() * self.cumulative[-1])
        return self.names[min(index, len(self.names) - 1)]

    def distinct(self, count: int) -> list[str]:
        chosen: dict[str, None] = {}
        while len(chosen) < count:
            chosen[self.draw()] = None
        return list(chosen)


def _word(rng: random.Random) -> str:
    return rng.choice(SYLLABLES) + rng.choice(SYLLABLES)


def _former(forms: Sequence[str]) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        return rng.choice(forms).format(p=rng.choice(PLACES), w=_word(rng), s=rng.choice(SECTORS))

    return make


def _company(rng: random.Random) -> str:
    short = _word(rng) + rng.choice(INDUSTRY_ENDINGS)
    return f"{rng.choice(PLACES)}{short}有限公司" if rng.random() < 0.5 else short


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


class Generator:
    def __init__(self, seed: int, articles: int) -> None:
        rng = random.Random(seed)
        self.rng = rng
        scale = max(1, articles // 1000)
        self.companies = ZipfPool(6000 * scale, _company, rng, exponent=0.8)
        self.investors = ZipfPool(600 * scale, _former(INVESTOR_FORMS), rng)
        self.funds = ZipfPool(500 * scale, _former(FUND_FORMS), rng)
        self.governments = ZipfPool(60, _former(GOVERNMENT_FORMS), rng)
        self.banks = ZipfPool(80, _former(BANK_FORMS), rng)
        self.persons = ZipfPool(3000 * scale, _person, rng, exponent=0.8)
        self.policies = ZipfPool(300, _former(POLICY_FORMS), rng)

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.randrange(10)
        if kind == 0:
            lead, follow = self.investors.distinct(2)
            return f"{self.companies.draw()}近日完成{rng.choice(ROUNDS)}融资,由{lead}领投,{follow}跟投。"
        if kind == 1:
            amount = rng.choice((5, 10, 20, 30, 50, 100))
            first, second = rng.sample(SECTORS, 2)
            fund = self.funds.draw()
            return (
                f"{self.investors.draw()}发起设立{fund},基金总规模{amount}亿元。{fund}重点投资{first}、{second}等领域。"
            )
        if kind == 2:
            return f"{self.investors.draw()}受托管理{self.funds.draw()}。"
        if kind == 3:
            sector = rng.choice(SECTORS)
            return f"{self.governments.draw()}印发《{self.policies.draw()}》,提出加大对{sector}的支持力度。"
        if kind == 4:
            title = rng.choice(("董事长", "总经理", "首席执行官"))
            return f"{self.companies.draw()}{title}{self.persons.draw()}表示,公司将继续加大研发投入。"
        if kind == 5:
            return f"{self.investors.draw()}是{self.banks.draw()}的全资子公司。"
        if kind == 6:
            return f"{self.funds.draw()}投资了{self.companies.draw()}。"
        if kind == 7:
            sector = rng.choice(SECTORS)
            return f"{self.investors.draw()}与{self.banks.draw()}签署战略合作协议,共同支持{sector}企业发展。"
        if kind == 8:
            return f"{self.funds.draw()}向{self.companies.draw()}注资{rng.choice((3000, 5000, 8000))}万元。"
        return rng.choice(FILLER)

    def article(self) -> str:
        rng = self.rng
        title = rng.choice(TITLES).format(p=rng.choice(PLACES), s=rng.choice(SECTORS))
        paragraphs = ["".join(self.sentence() for _ in range(rng.randint(3, 5))) for _ in range(rng.randint(3, 4))]
        return "\n\n".join([title, *paragraphs]) + "\n"


def generate(out: Path, articles: int, seed: int = 7) -> list[Path]:
    """Write `articles` files into `out` (created); returns their paths, in order."""
    out.mkdir(parents=True, exist_ok=True)
    generator = Generator(seed, articles)
    paths = []
    for number in range(articles):
        path = out / f"{number:05d}.txt"
        path.write_text(generator.article(), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.articles, args.seed)
    print(f"{len(paths)} articles in {args.out}")


if __name__ == "__main__":
    main()
