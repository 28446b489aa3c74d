// title: Suspected duplicates
// description: Pairs of entities with the same label that may be one thing: the same name once its
// description: legal-form ending is dropped (青岛银行 / 青岛银行股份有限公司), or a shared alias. Found
// description: through the normalised-name keys stored at write time (name_key, alias_keys): the writer
// description: marks every entity that shares a key with another (`dup`, indexed), and only those are
// description: grouped by key — no comparison of every pair, no pass over every entity.
// param: min_length: int = 2 — ignore keys shorter than this many characters
// param: limit: int = 100 — at most this many pairs (the first ones in the order shown)
// returns: label, name_a, name_b, reason, shared_aliases
MATCH (e:Entity)
WHERE e.dup = 1
UNWIND coalesce(e.alias_keys, [e.name_key]) AS key
WITH [label IN labels(e) WHERE label <> 'Entity'][0] AS label, key, collect(DISTINCT e) AS members
WHERE size(key) >= $min_length AND size(members) > 1
UNWIND members AS a
UNWIND members AS b
WITH DISTINCT label, a, b
WHERE a.id < b.id
WITH label, a, b, [alias IN coalesce(a.aliases, []) WHERE alias IN coalesce(b.aliases, [])] AS shared
RETURN label, a.name AS name_a, b.name AS name_b,
       CASE WHEN a.name CONTAINS b.name OR b.name CONTAINS a.name THEN 'name contains name'
            WHEN a.name_key = b.name_key THEN 'same name without its legal form'
            ELSE 'shared alias' END AS reason,
       shared AS shared_aliases
ORDER BY label, name_a, name_b
LIMIT $limit
