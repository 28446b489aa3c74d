// title: Nodes without edges
// description: Entities that take part in no relationship (only articles mention them): often a
// description: missed relation, or a name that is not an entity. Read from the mark the writer keeps on
// description: an entity whose relationship count (`degree`) is 0 (`orphan`, indexed), not by walking
// description: the relationships.
// param: label: string = null — only entities with this label (e.g. Fund)
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: label, name, id, articles
MATCH (e:Entity)
WHERE e.orphan = 1 AND ($label IS NULL OR $label IN labels(e))
WITH e, [label IN labels(e) WHERE label <> 'Entity'][0] AS label
ORDER BY label, e.name
LIMIT $limit
RETURN label, e.name AS name, e.id AS id, size([(e)<-[:MENTIONS]-(a:Article) | a.id]) AS articles
ORDER BY label, name
