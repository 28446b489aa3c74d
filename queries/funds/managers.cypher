// title: Who manages a fund
// description: The institutions that manage a fund (管理团队, 管理人, 受托管理), the group each belongs to,
// description: and the sentence that says so.
// param: fund: entity(Fund) — the fund, by id, name or any alias
// returns: manager, kind, parent, evidence
MATCH (manager:Institution)-[r:MANAGES]->(fund:Fund {id: $fund})
OPTIONAL MATCH (manager)-[:SUBSIDIARY_OF]->(parent)
WITH manager, r, collect(DISTINCT parent.name) AS parents
RETURN manager.name AS manager, manager.kind AS kind, parents[0] AS parent, r.evidence_sentences[0] AS evidence
ORDER BY manager
