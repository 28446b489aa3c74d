// title: Edges without evidence
// description: Relationships (other than article MENTIONS) that carry no evidence: no article and sentence
// description: says them, so nothing backs them.
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: source, type, target, confidence
MATCH (s:Entity)-[r]->(t:Entity)
WHERE size(coalesce(r.evidence_keys, [])) = 0
RETURN s.name AS source, type(r) AS type, t.name AS target, r.confidence AS confidence
ORDER BY type, source, target
LIMIT $limit
