// title: Funds set up by an institution
// description: The funds an institution set up (设立, 发起设立, 组建), itself or through its subsidiaries
// description: (any depth of SUBSIDIARY_OF), with the one that set each up.
// param: institution: entity(Institution|Company|Fund) — the institution, by id, name or any alias
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: fund, established_by, via_subsidiary, evidence
MATCH (top:Entity {id: $institution})
MATCH (member:Entity)-[:SUBSIDIARY_OF*0..4]->(top)
MATCH (member)-[r:ESTABLISHED]->(fund:Fund)
RETURN DISTINCT fund.name AS fund, member.name AS established_by, member.id <> top.id AS via_subsidiary,
       r.evidence_sentences[0] AS evidence
ORDER BY fund, established_by
LIMIT $limit
