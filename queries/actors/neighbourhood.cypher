// title: Neighbourhood of an entity
// description: The entities 1 or 2 relationships from an entity (article MENTIONS not counted), each
// description: once, at its shortest distance, with a path to it. Capped, as a hub has thousands of
// description: neighbours: at most `limit` at distance 1, and at distance 2 at most `limit` reached
// description: through those; the cap is applied before ordering, so a capped list is a sample.
// param: entity: entity — the entity, by id, name or any alias
// param: hops: int = 1 — how far to look: 1 or 2 relationships
// param: limit: int = 100 — at most this many neighbours at each distance
// returns: neighbour, label, distance, path
MATCH (centre:Entity {id: $entity})
MATCH (centre)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(neighbour:Entity)
WHERE neighbour.id <> centre.id
WITH DISTINCT centre, neighbour LIMIT $limit
MATCH path = (centre)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(neighbour)
WITH neighbour, collect(path)[0] AS path
RETURN neighbour.name AS neighbour, [label IN labels(neighbour) WHERE label <> 'Entity'][0] AS label,
       1 AS distance, path
ORDER BY label, neighbour
UNION ALL
MATCH (centre:Entity {id: $entity})
WHERE $hops >= 2
MATCH (centre)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(near:Entity)
WHERE near.id <> centre.id
WITH DISTINCT centre, near LIMIT $limit
MATCH (near)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(neighbour:Entity)
WHERE neighbour.id <> centre.id AND NOT (centre)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(neighbour)
WITH DISTINCT centre, near, neighbour LIMIT $limit
MATCH path = (centre)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(near)-[:ISSUED|MANAGES|INVESTED_IN|ESTABLISHED|SUBSIDIARY_OF|AFFILIATED_WITH|PARTNERED_WITH|LOCATED_IN|FOCUSES_ON]-(neighbour)
WITH neighbour, collect(path)[0] AS path
RETURN neighbour.name AS neighbour, [label IN labels(neighbour) WHERE label <> 'Entity'][0] AS label,
       2 AS distance, path
ORDER BY label, neighbour
