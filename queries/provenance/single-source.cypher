// title: Facts seen in only one article
// description: Relationships whose evidence all comes from a single article: the ones to check first.
// description: Reads the count of distinct source articles kept at write time (`source_count`); most facts
// description: have one, so each type's walk stops after `limit` facts: on a big graph the facts shown are
// description: some of them, not the first ones by name.
// param: type: string = null — only relationships of this type (e.g. INVESTED_IN)
// param: limit: int = 200 — at most this many facts
// returns: source, type, target, article, sentence
CALL {
  MATCH (s)-[r:ISSUED]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'ISSUED')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:MANAGES]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'MANAGES')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:INVESTED_IN]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'INVESTED_IN')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:ESTABLISHED]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'ESTABLISHED')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:SUBSIDIARY_OF]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'SUBSIDIARY_OF')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:AFFILIATED_WITH]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'AFFILIATED_WITH')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:PARTNERED_WITH]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'PARTNERED_WITH')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:LOCATED_IN]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'LOCATED_IN')
  RETURN s, r, t LIMIT $limit
  UNION ALL
  MATCH (s)-[r:FOCUSES_ON]->(t) WHERE r.source_count = 1 AND ($type IS NULL OR $type = 'FOCUSES_ON')
  RETURN s, r, t LIMIT $limit
}
WITH s, r, t
ORDER BY type(r), s.name, t.name
LIMIT $limit
OPTIONAL MATCH (article:Article {id: r.evidence_articles[0]})
RETURN s.name AS source, type(r) AS type, t.name AS target, article.title AS article, r.evidence_sentences[0] AS sentence
ORDER BY type, source, target
