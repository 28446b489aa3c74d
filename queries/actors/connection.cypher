// title: How two actors are connected
// description: The shortest paths (up to 5 steps, in either direction) between two entities over the
// description: graph's relationships, article MENTIONS not counted (allShortestPaths between the two),
// description: at most `limit` of them. Each path is given as names and relationship types, `-TYPE->`
// description: or `<-TYPE-` for the direction the relationship goes.
// param: from: entity — one entity, by id, name or any alias
// param: to: entity — the other entity, by id, name or any alias
// param: limit: int = 10 — at most this many shortest paths
// returns: steps, names, path
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
WITH a, b
WHERE a.id <> b.id
// The search starts from the end with fewer relationships (from a hub to an entity it cannot reach,
// it would otherwise walk five steps out from the hub); the paths are then turned to run from `from`.
WITH a, b,
     size([(a)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(x) | x]) <=
     size([(b)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(x) | x]) AS forward
WITH CASE WHEN forward THEN a ELSE b END AS start, CASE WHEN forward THEN b ELSE a END AS finish, forward
MATCH path = allShortestPaths((start)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON*..5]-(finish))
WITH path, forward
LIMIT $limit
WITH path, CASE WHEN forward THEN nodes(path) ELSE reverse(nodes(path)) END AS stops,
     CASE WHEN forward THEN relationships(path) ELSE reverse(relationships(path)) END AS links
RETURN length(path) AS steps, [stop IN stops | stop.name] AS names,
       reduce(shown = [stops[0].name], i IN range(0, size(links) - 1) |
              shown + [CASE WHEN startNode(links[i]).id = stops[i].id THEN '-' + type(links[i]) + '->'
                       ELSE '<-' + type(links[i]) + '-' END, stops[i + 1].name]) AS path
