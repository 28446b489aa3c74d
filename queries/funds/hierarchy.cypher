// title: Fund hierarchy
// description: The funds under a fund at any depth (national → regional → sub-funds), following
// description: ESTABLISHED and INVESTED_IN from fund to fund; one row per fund, by its shortest path.
// param: fund: entity(Fund) — the top fund, by id, name or any alias
// param: max_depth: int = 6 — follow at most this many fund-to-fund steps (1–6)
// returns: fund, depth, parent, amount_cny, path
MATCH (top:Fund {id: $fund})
MATCH path = (top)-[:ESTABLISHED|INVESTED_IN*1..6]->(sub:Fund)
WHERE length(path) <= $max_depth AND all(step IN nodes(path) WHERE step:Fund)
WITH sub, path ORDER BY length(path)
WITH sub, collect(path)[0] AS path
RETURN sub.name AS fund, length(path) AS depth, nodes(path)[-2].name AS parent, sub.amount_cny AS amount_cny, path
ORDER BY depth, fund
