// title: Evidence between two entities
// description: Every relationship between two entities, in either direction, with each piece of its
// description: evidence: the article, the sentence and its character offsets (one row per piece).
// param: a: entity — one entity, by id, name or any alias
// param: b: entity — the other entity, by id, name or any alias
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: source, type, target, article, sentence, start, end, confidence
MATCH (x:Entity {id: $a})
MATCH (y:Entity {id: $b})
MATCH (x)-[r]-(y)
WITH DISTINCT r, startNode(r) AS s, endNode(r) AS t
UNWIND range(0, size(coalesce(r.evidence_keys, [])) - 1) AS i
OPTIONAL MATCH (article:Article {id: r.evidence_articles[i]})
RETURN s.name AS source, type(r) AS type, t.name AS target, coalesce(article.title, r.evidence_articles[i]) AS article,
       r.evidence_sentences[i] AS sentence, r.evidence_starts[i] AS start, r.evidence_ends[i] AS end,
       r.confidence AS confidence
ORDER BY type, source, article, start
LIMIT $limit
