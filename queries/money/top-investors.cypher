// title: Top investors
// description: The actors with the most investees (distinct targets of INVESTED_IN), most first.
// param: limit: int = 20 — at most this many investors
// returns: investor, label, investees, names
MATCH (investor:Entity)-[:INVESTED_IN]->(investee:Entity)
WITH investor, collect(DISTINCT investee.name) AS names
RETURN investor.name AS investor, [label IN labels(investor) WHERE label <> 'Entity'][0] AS label,
       size(names) AS investees, names
ORDER BY investees DESC, investor
LIMIT $limit
