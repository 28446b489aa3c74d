// title: Top investors
// description: The actors with the most investees (distinct targets of INVESTED_IN), most first.
// description: Ranked by the count kept on each entity at write time (`invested_count`, indexed);
// description: investees' names are read for the top ones only.
// param: limit: int = 20 — at most this many investors
// returns: investor, label, investees, names
MATCH (investor:Entity)
WHERE investor.invested_count > 0
WITH investor, investor.invested_count AS investees
ORDER BY investees DESC, investor.name
LIMIT $limit
MATCH (investor)-[:INVESTED_IN]->(investee:Entity)
WITH investor, investees, collect(DISTINCT investee.name) AS names
RETURN investor.name AS investor, [label IN labels(investor) WHERE label <> 'Entity'][0] AS label,
       investees, names
ORDER BY investees DESC, investor
