// title: Neighbourhood of an entity
// description: Every entity within 1–3 relationships of an entity (article MENTIONS not counted),
// description: each once, at its shortest distance, with the path to it.
// param: entity: entity — the entity, by id, name or any alias
// param: hops: int = 1 — how far to look: 1, 2 or 3 relationships
// returns: neighbour, label, distance, path
MATCH (centre:Entity {id: $entity})
MATCH path = (centre)-[*1..3]-(neighbour:Entity)
WHERE length(path) <= $hops AND neighbour.id <> centre.id
  AND all(step IN relationships(path) WHERE type(step) <> 'MENTIONS')
WITH neighbour, path ORDER BY length(path)
WITH neighbour, collect(path)[0] AS path
RETURN neighbour.name AS neighbour, [label IN labels(neighbour) WHERE label <> 'Entity'][0] AS label,
       length(path) AS distance, path
ORDER BY distance, label, neighbour
