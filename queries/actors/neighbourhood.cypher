// title: Neighbourhood of an entity
// description: The entities 1 or 2 relationships from an entity (article MENTIONS not counted), each
// description: once, at its shortest distance, with the path to it as names and relationship types
// description: (`-TYPE->` or `<-TYPE-` for its direction). Capped, as a hub has thousands of
// description: neighbours: at most `limit` at distance 1, and at distance 2 at most `limit` reached
// description: through those same ones; the cap is applied before ordering, so a capped list is a sample.
// param: entity: entity — the entity, by id, name or any alias
// param: hops: int = 1 — how far to look: 1 or 2 relationships
// param: limit: int = 100 — at most this many neighbours at each distance
// returns: neighbour, label, distance, path
MATCH (centre:Entity {id: $entity})
MATCH (centre)-[first:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(neighbour:Entity)
WHERE neighbour.id <> centre.id
WITH centre, neighbour, collect(first)[0] AS first
WITH centre, neighbour, first LIMIT $limit
RETURN neighbour.name AS neighbour, [label IN labels(neighbour) WHERE label <> 'Entity'][0] AS label, 1 AS distance,
       [centre.name,
        CASE WHEN startNode(first).id = centre.id THEN '-' + type(first) + '->' ELSE '<-' + type(first) + '-' END,
        neighbour.name] AS path
ORDER BY label, neighbour
UNION ALL
// Distance 2: every distance-1 neighbour (`ring`) is left out, however many; the walk goes on from the
// first `limit` of them (the ones shown at distance 1) and stops after `limit` steps found.
MATCH (centre:Entity {id: $entity})
WHERE $hops >= 2
MATCH (centre)-[first:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(near:Entity)
WHERE near.id <> centre.id
WITH centre, near, collect(first)[0] AS first
WITH centre, collect(near.id) AS ring, collect([near, first])[0..$limit] AS shown
UNWIND shown AS step
WITH centre, ring, step[0] AS near, step[1] AS first
MATCH (near)-[second:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(neighbour:Entity)
WHERE neighbour.id <> centre.id AND NOT neighbour.id IN ring
WITH centre, near, first, second, neighbour LIMIT $limit
WITH centre, neighbour, collect([near, first, second])[0] AS via
WITH centre, neighbour, via[0] AS near, via[1] AS first, via[2] AS second
RETURN neighbour.name AS neighbour, [label IN labels(neighbour) WHERE label <> 'Entity'][0] AS label, 2 AS distance,
       [centre.name,
        CASE WHEN startNode(first).id = centre.id THEN '-' + type(first) + '->' ELSE '<-' + type(first) + '-' END,
        near.name,
        CASE WHEN startNode(second).id = near.id THEN '-' + type(second) + '->' ELSE '<-' + type(second) + '-' END,
        neighbour.name] AS path
ORDER BY label, neighbour
