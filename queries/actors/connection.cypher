// title: How two actors are connected
// description: The shortest paths (up to 5 steps, in either direction) between two entities over the
// description: graph's relationships, article MENTIONS not counted (allShortestPaths between the two).
// param: from: entity — one entity, by id, name or any alias
// param: to: entity — the other entity, by id, name or any alias
// param: limit: int = 10 — at most this many shortest paths
// returns: steps, names, path
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
WITH a, b
WHERE a.id <> b.id
MATCH path = allShortestPaths((a)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON*..5]-(b))
WITH path LIMIT $limit
RETURN length(path) AS steps, [step IN nodes(path) | step.name] AS names, path
