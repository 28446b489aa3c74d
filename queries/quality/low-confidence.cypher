// title: Low-confidence facts
// description: Relationships the extractor was least sure of (confidence below a threshold), least sure first.
// param: below: float = 0.7 — only relationships with a confidence below this
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: source, type, target, confidence, sentence
MATCH (s:Entity)-[r]->(t:Entity)
WHERE r.confidence IS NOT NULL AND r.confidence < $below
RETURN s.name AS source, type(r) AS type, t.name AS target, r.confidence AS confidence,
       r.evidence_sentences[0] AS sentence
ORDER BY confidence, type, source
LIMIT $limit
