// title: Facts seen in only one article
// description: Relationships whose evidence all comes from a single article: the ones to check first.
// param: type: string = null — only relationships of this type (e.g. INVESTED_IN)
// param: limit: int = 200 — at most this many facts
// returns: source, type, target, article, sentence
MATCH (s:Entity)-[r]->(t:Entity)
WHERE ($type IS NULL OR type(r) = $type) AND size(coalesce(r.evidence_articles, [])) > 0
  AND all(doc IN r.evidence_articles WHERE doc = r.evidence_articles[0])
OPTIONAL MATCH (article:Article {id: r.evidence_articles[0]})
RETURN s.name AS source, type(r) AS type, t.name AS target, article.title AS article, r.evidence_sentences[0] AS sentence
ORDER BY type, source, target
LIMIT $limit
