// title: Actors in a place
// description: The entities located in a place (LOCATED_IN), or in a place inside it, by label.
// param: place: entity(Place) — the place, by id, name or any alias (e.g. 青岛)
// returns: label, name, located_in
MATCH (place:Place {id: $place})
MATCH (actor:Entity)-[:LOCATED_IN*1..3]->(place)
WITH DISTINCT actor, place
WHERE NOT actor:Place
OPTIONAL MATCH (actor)-[:LOCATED_IN]->(direct:Place)
WITH actor, collect(DISTINCT direct.name) AS located_in
RETURN [label IN labels(actor) WHERE label <> 'Entity'][0] AS label, actor.name AS name, located_in
ORDER BY label, name
