// title: Suspected duplicates
// description: Pairs of entities with the same label that may be one thing: one name contains the
// description: other (青岛银行 / 青岛银行股份有限公司), or they share an alias.
// param: min_length: int = 2 — ignore names shorter than this when looking for containment
// returns: label, name_a, name_b, reason, shared_aliases
MATCH (a:Entity)
MATCH (b:Entity)
WHERE a.id < b.id AND [label IN labels(a) WHERE label <> 'Entity'] = [label IN labels(b) WHERE label <> 'Entity']
WITH a, b, [alias IN coalesce(a.aliases, []) WHERE alias IN coalesce(b.aliases, [])] AS shared
WITH a, b, shared,
     (size(a.name) >= $min_length AND b.name CONTAINS a.name) OR (size(b.name) >= $min_length AND a.name CONTAINS b.name)
       AS contained
WHERE contained OR size(shared) > 0
RETURN [label IN labels(a) WHERE label <> 'Entity'][0] AS label, a.name AS name_a, b.name AS name_b,
       CASE WHEN contained THEN 'name contains name' ELSE 'shared alias' END AS reason, shared AS shared_aliases
ORDER BY label, name_a, name_b
