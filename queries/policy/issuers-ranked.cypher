// title: Issuers ranked
// description: The institutions that issued the most policies, most first, with the policies' names.
// param: limit: int = 20 — at most this many issuers
// returns: issuer, kind, policies, names
MATCH (issuer:Entity)-[:ISSUED]->(policy:Policy)
WITH issuer, collect(DISTINCT policy.name) AS names
RETURN issuer.name AS issuer, issuer.kind AS kind, size(names) AS policies, names
ORDER BY policies DESC, issuer
LIMIT $limit
