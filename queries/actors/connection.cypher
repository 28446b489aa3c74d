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
MATCH path = allShortestPaths((a)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON*..5]-(b))
WITH path, nodes(path) AS stops, relationships(path) AS links
LIMIT $limit
RETURN length(path) AS steps, [stop IN stops | stop.name] AS names,
       reduce(shown = [stops[0].name], i IN range(0, size(links) - 1) |
              shown + [CASE WHEN startNode(links[i]).id = stops[i].id THEN '-' + type(links[i]) + '->'
                       ELSE '<-' + type(links[i]) + '-' END, stops[i + 1].name]) AS path
