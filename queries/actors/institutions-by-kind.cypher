// title: Institutions by kind
// description: Institutions grouped by kind (government, financial, investor, research, platform,
// description: association, other), each with how many relationships it has (counted at write time,
// description: `degree`); all kinds, or one.
// param: kind: string = null — only this kind
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: kind, institution, aliases, relationships
MATCH (institution:Institution)
WHERE $kind IS NULL OR institution.kind = $kind
RETURN coalesce(institution.kind, 'other') AS kind, institution.name AS institution, institution.aliases AS aliases,
       coalesce(institution.degree, 0) AS relationships
ORDER BY kind, relationships DESC, institution
LIMIT $limit
