// title: How two actors are connected
// description: The shortest paths (up to 5 steps, in either direction) between two entities over the
// description: graph's relationships, article MENTIONS not counted. Written as a bounded variable-length
// description: match rather than shortestPath(), which FalkorDB supports only for directed paths.
// param: from: entity — one entity, by id, name or any alias
// param: to: entity — the other entity, by id, name or any alias
// param: limit: int = 10 — at most this many shortest paths
// returns: steps, names, path
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH path = (a)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON*1..5]-(b)
WITH path ORDER BY length(path)
WITH collect(path) AS paths
UNWIND [candidate IN paths WHERE length(candidate) = length(paths[0])][0..$limit] AS path
RETURN length(path) AS steps, [step IN nodes(path) | step.name] AS names, path
