// title: Funds an institution manages
// description: The funds an institution manages, with their size when known.
// param: manager: entity(Institution) — the institution, by id, name or any alias
// returns: fund, amount_cny, evidence
MATCH (:Institution {id: $manager})-[r:MANAGES]->(fund:Fund)
RETURN fund.name AS fund, fund.amount_cny AS amount_cny, r.evidence_sentences[0] AS evidence
ORDER BY fund
