// title: Low-confidence facts
// description: Relationships the extractor was least sure of (confidence below a threshold), least sure first.
// description: One range lookup per relationship type of the `low_confidence` mark kept at write time on
// description: facts below 0.7 (indexed), not a scan; these types join entities only, so their ends need
// description: no label test (which would make it a scan).
// param: below: float = 0.7 — only relationships with a confidence below this (0.7 at most: only those are marked)
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: source, type, target, confidence, sentence
CALL {
  MATCH (s)-[r:ISSUED]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:MANAGES]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:INVESTED_IN]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:ESTABLISHED]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:SUBSIDIARY_OF]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:AFFILIATED_WITH]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:PARTNERED_WITH]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:LOCATED_IN]->(t) WHERE r.low_confidence < $below RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:FOCUSES_ON]->(t) WHERE r.low_confidence < $below RETURN s, r, t
}
WITH s, r, t
ORDER BY r.confidence, type(r), s.name
LIMIT $limit
RETURN s.name AS source, type(r) AS type, t.name AS target, r.confidence AS confidence,
       r.evidence_sentences[0] AS sentence
ORDER BY confidence, type, source
