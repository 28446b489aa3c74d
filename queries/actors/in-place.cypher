// title: Actors in a place
// description: The entities located in a place (LOCATED_IN), or in a place inside it, by label.
// param: place: entity(Place) — the place, by id, name or any alias (e.g. 青岛)
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: label, name, located_in
MATCH (place:Place {id: $place})
MATCH (actor:Entity)-[:LOCATED_IN*1..3]->(place)
WITH DISTINCT actor
WHERE NOT actor:Place
WITH actor, [label IN labels(actor) WHERE label <> 'Entity'][0] AS label
ORDER BY label, actor.name
LIMIT $limit
OPTIONAL MATCH (actor)-[:LOCATED_IN]->(direct:Place)
WITH label, actor, collect(DISTINCT direct.name) AS located_in
RETURN label, actor.name AS name, located_in
ORDER BY label, name
