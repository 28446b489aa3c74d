// title: Follow the money
// description: The funds and companies an institution or fund reaches, directly or through funds,
// description: following INVESTED_IN and ESTABLISHED; every path up to max_depth steps, shortest first,
// description: capped at `limit` rows. The path is given as names and relationship types (`-TYPE->`).
// param: from: entity(Institution|Fund|Company) — where the money starts: an institution or fund, by id, name or any alias
// param: max_depth: int = 4 — follow at most this many steps (1–6)
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: reaches, label, depth, via, path
MATCH (source:Entity {id: $from})
MATCH path = (source)-[:INVESTED_IN|ESTABLISHED*1..6]->(target)
WHERE length(path) <= $max_depth AND (target:Fund OR target:Company)
// Only the rows kept are projected: the names along a path are read after the sort and the cap.
WITH source, path, target, target.name AS reaches, length(path) AS depth
ORDER BY depth, reaches
LIMIT $limit
RETURN reaches, [label IN labels(target) WHERE label <> 'Entity'][0] AS label, depth,
       [step IN nodes(path)[1..-1] | step.name] AS via,
       reduce(steps = [source.name], step IN relationships(path) | steps + ['-' + type(step) + '->', endNode(step).name]) AS path
ORDER BY depth, reaches
