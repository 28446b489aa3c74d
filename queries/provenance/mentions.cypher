// title: Articles that mention an entity
// description: The articles that mention an entity (MENTIONS), with how many facts of each article
// description: involve it (counted when the article is written and kept on its MENTIONS).
// param: entity: entity — the entity, by id, name or any alias
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: article, path, facts
MATCH (e:Entity {id: $entity})<-[m:MENTIONS]-(article:Article)
RETURN article.title AS article, article.path AS path, coalesce(m.facts, 0) AS facts
ORDER BY facts DESC, article
LIMIT $limit
