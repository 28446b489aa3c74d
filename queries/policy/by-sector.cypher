// title: Policies about a sector
// description: Policies that focus on a sector (FOCUSES_ON) or name it in their title, with their issuers.
// param: sector: entity(Sector) — the sector, by id, name or any alias (e.g. 人工智能)
// returns: policy, issued_by, how
MATCH (sector:Sector {id: $sector})
MATCH (policy:Policy)
OPTIONAL MATCH (policy)-[focus:FOCUSES_ON]->(sector)
WITH sector, policy, focus
WHERE focus IS NOT NULL OR any(alias IN coalesce(sector.aliases, [sector.name]) WHERE policy.name CONTAINS alias)
OPTIONAL MATCH (issuer:Institution)-[:ISSUED]->(policy)
WITH policy, focus, collect(DISTINCT issuer.name) AS issued_by
RETURN policy.name AS policy, issued_by, CASE WHEN focus IS NULL THEN 'title' ELSE 'focus' END AS how
ORDER BY policy
