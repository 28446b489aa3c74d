// title: Articles that mention an entity
// description: The articles that mention an entity (MENTIONS), with how many facts of each article
// description: involve it.
// param: entity: entity — the entity, by id, name or any alias
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: article, path, facts
MATCH (article:Article)-[:MENTIONS]->(e:Entity {id: $entity})
OPTIONAL MATCH (e)-[r]-(:Entity)
WHERE article.id IN coalesce(r.evidence_articles, [])
WITH article, count(DISTINCT r) AS facts
RETURN article.title AS article, article.path AS path, facts
ORDER BY facts DESC, article
LIMIT $limit
