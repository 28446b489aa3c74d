// title: Edges without evidence
// description: Relationships (other than article MENTIONS) that carry no evidence: no article and sentence
// description: says them, so nothing backs them. One lookup per relationship type of the `no_evidence`
// description: mark kept at write time (indexed), not a walk over every relationship.
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: source, type, target, confidence
CALL {
  MATCH (s)-[r:ISSUED]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:MANAGES]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:INVESTED_IN]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:ESTABLISHED]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:SUBSIDIARY_OF]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:AFFILIATED_WITH]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:PARTNERED_WITH]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:LOCATED_IN]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
  UNION ALL
  MATCH (s)-[r:FOCUSES_ON]->(t) WHERE r.no_evidence = 1 RETURN s, r, t
}
RETURN s.name AS source, type(r) AS type, t.name AS target, r.confidence AS confidence
ORDER BY type, source, target
LIMIT $limit
