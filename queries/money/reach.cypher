// title: Follow the money
// description: The funds and companies an institution or fund reaches, directly or through funds,
// description: following INVESTED_IN and ESTABLISHED; every path up to max_depth steps, shortest first.
// param: from: entity(Institution|Fund|Company) — where the money starts: an institution or fund, by id, name or any alias
// param: max_depth: int = 4 — follow at most this many steps (1–6)
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: reaches, label, depth, via, path
MATCH (source:Entity {id: $from})
MATCH path = (source)-[:INVESTED_IN|ESTABLISHED*1..6]->(target:Entity)
WHERE length(path) <= $max_depth AND (target:Fund OR target:Company)
RETURN target.name AS reaches, [label IN labels(target) WHERE label <> 'Entity'][0] AS label,
       length(path) AS depth, [step IN nodes(path)[1..-1] | step.name] AS via, path
ORDER BY depth, reaches
LIMIT $limit
