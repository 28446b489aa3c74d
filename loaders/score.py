"""Scoring extracted graphs against gold annotations.

Vendored from ../shared/tools/kgscore.py (the project's scorer, standard library only) so that
`capgraph eval` ships with the package; the matching rules below are kept identical to it:
names compared after NFKC with whitespace, 《》“”"'「」 and edge punctuation removed; a predicted node
matches a gold entity when any of their names agree (greedy, one to one; typed needs the label too);
a predicted edge matches when its type agrees and both ends match.
"""

from __future__ import annotations

import re
import unicodedata

SCORED_LABELS = {"Institution", "Company", "Fund", "Policy", "Person"}
SCORED_TYPES = {"ISSUED", "MANAGES", "INVESTED_IN", "ESTABLISHED", "SUBSIDIARY_OF", "AFFILIATED_WITH"}
SYMMETRIC = {"PARTNERED_WITH"}
_STRIP = re.compile(r"[\s《》〈〉“”\"'‘’「」『』]+")
_EDGE_PUNCT = "，,。.;；:：、!！?？-—·"


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKC", str(name))
    s = _STRIP.sub("", s)
    return s.strip(_EDGE_PUNCT)


def names_of(item: dict) -> set[str]:
    out = {norm(item.get("name", ""))}
    out.update(norm(a) for a in item.get("aliases", []) or [])
    out.discard("")
    return out


def match_entities(gold: list[dict], pred: list[dict], typed: bool):
    """Greedy one-to-one matching; returns {gold_index: pred_index}."""
    pairs = {}
    used = set()
    for gi, g in enumerate(gold):
        gnames = names_of(g)
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            if typed and p.get("label") != g.get("type"):
                continue
            if gnames & names_of(p):
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
    }


def score_one(gold: dict, pred: dict) -> dict:
    g_ents = [e for e in gold.get("entities", []) if e.get("type") in SCORED_LABELS]
    p_nodes = [n for n in pred.get("nodes", []) if n.get("label") in SCORED_LABELS]
    res = {
        "entities_typed": None,
        "entities_untyped": None,
        "relations": None,
        "by_label": {},
        "by_type": {},
        "missed_entities": [],
        "spurious_entities": [],
        "missed_relations": [],
        "spurious_relations": [],
    }

    typed = match_entities(g_ents, p_nodes, typed=True)
    untyped = match_entities(g_ents, p_nodes, typed=False)
    res["entities_typed"] = prf(len(typed), len(p_nodes), len(g_ents))
    res["entities_untyped"] = prf(len(untyped), len(p_nodes), len(g_ents))
    for label in sorted(SCORED_LABELS):
        gl = [i for i, e in enumerate(g_ents) if e["type"] == label]
        pl = [i for i, n in enumerate(p_nodes) if n.get("label") == label]
        tp = sum(1 for gi in gl if gi in typed)
        res["by_label"][label] = prf(tp, len(pl), len(gl))
    matched_pred = set(untyped.values())
    res["missed_entities"] = [f"{e['type']}:{e['name']}" for i, e in enumerate(g_ents) if i not in untyped]
    res["spurious_entities"] = [
        f"{n.get('label')}:{n.get('name')}" for i, n in enumerate(p_nodes) if i not in matched_pred
    ]

    # relations: map both sides to gold entity indices through untyped matching
    gold_index = {}
    for gi, e in enumerate(gold.get("entities", [])):
        for nm in names_of(e):
            gold_index.setdefault(nm, gi)
    pred_to_gold = {}
    for gi, pi in untyped.items():
        pred_to_gold[p_nodes[pi].get("id")] = g_ents[gi]["name"]
    node_names = {n.get("id"): n for n in pred.get("nodes", [])}

    def gkey(rel):
        h, t = norm(rel["head"]), norm(rel["tail"])
        # resolve to the canonical gold name when the relation uses an alias
        for e in g_ents:
            ns = names_of(e)
            if h in ns:
                h = norm(e["name"])
            if t in ns:
                t = norm(e["name"])
        if rel["type"] in SYMMETRIC:
            h, t = sorted((h, t))
        return (rel["type"], h, t)

    g_rels = {gkey(r) for r in gold.get("relations", []) if r.get("type") in SCORED_TYPES}
    p_rels = set()
    for e in pred.get("edges", []):
        if e.get("type") not in SCORED_TYPES:
            continue
        s, t = e.get("source"), e.get("target")
        hs = pred_to_gold.get(s) or (node_names.get(s) or {}).get("name", str(s))
        ts = pred_to_gold.get(t) or (node_names.get(t) or {}).get("name", str(t))
        h, tt = norm(hs), norm(ts)
        if e["type"] in SYMMETRIC:
            h, tt = sorted((h, tt))
        p_rels.add((e["type"], h, tt))
    tp = len(g_rels & p_rels)
    res["relations"] = prf(tp, len(p_rels), len(g_rels))
    for rtype in sorted(SCORED_TYPES):
        gr = {r for r in g_rels if r[0] == rtype}
        pr = {r for r in p_rels if r[0] == rtype}
        res["by_type"][rtype] = prf(len(gr & pr), len(pr), len(gr))
    res["missed_relations"] = ["{}({} -> {})".format(*r) for r in sorted(g_rels - p_rels)]
    res["spurious_relations"] = ["{}({} -> {})".format(*r) for r in sorted(p_rels - g_rels)]
    return res


def aggregate(results: list[dict]) -> dict:
    def add(key, sub=None):
        tp = pr = gd = 0
        for r in results:
            x = r[key] if sub is None else r[key][sub]
            tp += x["tp"]
            pr += x["pred"]
            gd += x["gold"]
        return prf(tp, pr, gd)

    out = {
        "entities_typed": add("entities_typed"),
        "entities_untyped": add("entities_untyped"),
        "relations": add("relations"),
        "by_label": {},
        "by_type": {},
    }
    for label in sorted(SCORED_LABELS):
        out["by_label"][label] = add("by_label", label)
    for rtype in sorted(SCORED_TYPES):
        out["by_type"][rtype] = add("by_type", rtype)
    return out


def attribute(result: dict, candidates: list) -> None:
    """Say which proposer made each spurious name, and which candidates covered each missed one.

    `candidates` are loaders.entities.Candidate of the article; entries are rewritten in place:
    'Company:某某 ← suffixes' and 'Person:某某 (candidates: lists→Company:某某科技)' or '(no candidate)'."""
    from .script import simplified

    by_text: dict[str, list] = {}
    for candidate in candidates:
        by_text.setdefault(norm(candidate.mention.text), []).append(candidate)

    def proposers(name: str) -> str:
        # a traditional article's names come back in its own characters; candidates are simplified
        found = by_text.get(norm(name), []) or by_text.get(norm(simplified(name)), [])
        return ", ".join(sorted({c.proposer + (f" ({c.why})" if c.why else "") for c in found})) or "resolve"

    result["spurious_entities"] = [
        f"{entry} ← {proposers(entry.split(':', 1)[1])}" for entry in result["spurious_entities"]
    ]
    missed = []
    for entry in result["missed_entities"]:
        name = norm(simplified(entry.split(":", 1)[1]))
        near = sorted(
            {
                f"{c.proposer}→{c.mention.label}:{c.mention.text}"
                for text, group in by_text.items()
                if text and (text in name or name in text)
                for c in group
            }
        )
        missed.append(f"{entry} ({'candidates: ' + ', '.join(near[:4]) if near else 'no candidate'})")
    result["missed_entities"] = missed
