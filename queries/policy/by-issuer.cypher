// title: Policies by issuer
// description: The policies each institution issued (印发, 发布, 出台); all issuers, or one.
// param: issuer: entity(Institution) = null — only this issuer (by id, name or any alias); all when left out
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: issuer, policy, articles
MATCH (issuer:Entity)-[r:ISSUED]->(policy:Policy)
WHERE $issuer IS NULL OR issuer.id = $issuer
RETURN issuer.name AS issuer, policy.name AS policy, size([(policy)<-[:MENTIONS]-(a:Article) | a.id]) AS articles
ORDER BY issuer, policy
LIMIT $limit
