// title: Institutions by kind
// description: Institutions grouped by kind (government, financial, investor, research, platform,
// description: association, other), each with how many relationships it has; all kinds, or one.
// param: kind: string = null — only this kind
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: kind, institution, aliases, relationships
MATCH (institution:Institution)
WHERE $kind IS NULL OR institution.kind = $kind
OPTIONAL MATCH (institution)-[r]-(:Entity)
WITH institution, count(r) AS relationships
RETURN coalesce(institution.kind, 'other') AS kind, institution.name AS institution, institution.aliases AS aliases,
       relationships
ORDER BY kind, relationships DESC, institution
LIMIT $limit
