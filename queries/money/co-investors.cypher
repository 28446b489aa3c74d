// title: Co-investment pairs
// description: Pairs of investors that invested in the same company or fund, with how many
// description: investees they share and which.
// param: investor: entity = null — only the pairs this investor is in (by id, name or any alias); all pairs when left out
// param: min_shared: int = 1 — only pairs that share at least this many investees
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: investor_a, investor_b, shared, investees
MATCH (a:Entity)-[:INVESTED_IN]->(investee:Entity)
WHERE $investor IS NULL OR a.id = $investor
MATCH (b:Entity)-[:INVESTED_IN]->(investee)
WHERE a.id <> b.id AND ($investor IS NOT NULL OR a.id < b.id)
WITH a, b, collect(DISTINCT investee.name) AS investees
WHERE size(investees) >= $min_shared
RETURN a.name AS investor_a, b.name AS investor_b, size(investees) AS shared, investees
ORDER BY shared DESC, investor_a, investor_b
LIMIT $limit
