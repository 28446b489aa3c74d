// title: Articles that mention an entity
// description: The articles that mention an entity (MENTIONS), with how many facts of each article
// description: involve it.
// param: entity: entity — the entity, by id, name or any alias
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: article, path, facts
MATCH (e:Entity {id: $entity})
OPTIONAL MATCH (mentioning:Article)-[:MENTIONS]->(e)
WITH e, collect(mentioning.id) AS mentioning
OPTIONAL MATCH (e)-[r]-(:Entity)
WITH mentioning, collect(coalesce(r.evidence_articles, [])) AS evidence
// One list per relationship, and the mentioning articles' list first: each article is counted
// once per list it is in, so its facts are that count less one (no pairwise article × fact test).
WITH [mentioning] + evidence AS lists
UNWIND range(0, size(lists) - 1) AS i
UNWIND lists[i] AS doc
WITH doc, count(DISTINCT i) - 1 AS facts
MATCH (article:Article {id: doc})
RETURN article.title AS article, article.path AS path, facts
ORDER BY facts DESC, article
LIMIT $limit
