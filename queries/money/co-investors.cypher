// title: Co-investment pairs
// description: Pairs of investors that invested in the same company or fund, with how many
// description: investees they share and which.
// param: min_shared: int = 1 — only pairs that share at least this many investees
// returns: investor_a, investor_b, shared, investees
MATCH (a:Entity)-[:INVESTED_IN]->(investee:Entity)
MATCH (b:Entity)-[:INVESTED_IN]->(investee)
WHERE a.id < b.id
WITH a, b, collect(DISTINCT investee.name) AS investees
WHERE size(investees) >= $min_shared
RETURN a.name AS investor_a, b.name AS investor_b, size(investees) AS shared, investees
ORDER BY shared DESC, investor_a, investor_b
