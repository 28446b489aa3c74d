// title: Low-confidence facts
// description: Relationships the extractor was least sure of (confidence below a threshold), least sure first.
// description: One range lookup per relationship type (each has an index on confidence), not a scan; these
// description: types join entities only, so their ends need no label test (which would make it a scan).
// param: below: float = 0.7 — only relationships with a confidence below this
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: source, type, target, confidence, sentence
CALL {
  MATCH (s)-[r:ISSUED]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:MANAGES]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:INVESTED_IN]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:ESTABLISHED]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:SUBSIDIARY_OF]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:AFFILIATED_WITH]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:PARTNERED_WITH]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:LOCATED_IN]->(t) WHERE r.confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:FOCUSES_ON]->(t) WHERE r.confidence < $below RETURN s, r, t
}
WITH s, r, t
ORDER BY r.confidence, type(r), s.name
LIMIT $limit
RETURN s.name AS source, type(r) AS type, t.name AS target, r.confidence AS confidence,
       r.evidence_sentences[0] AS sentence
ORDER BY confidence, type, source
