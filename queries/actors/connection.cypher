// title: How two actors are connected
// description: A shortest path between two entities over the graph's relationships (article
// description: MENTIONS not counted), in either direction, up to 8 steps.
// param: from: entity — one entity, by id, name or any alias
// param: to: entity — the other entity, by id, name or any alias
// returns: steps, names, path
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
WITH a, b, shortestPath((a)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON*1..8]-(b)) AS path
WHERE path IS NOT NULL
RETURN length(path) AS steps, [step IN nodes(path) | step.name] AS names, path
