// title: Investors of a company
// description: Who put money into a company or fund: direct investors (depth 1) and those that
// description: reach it through funds (INVESTED_IN or ESTABLISHED, up to max_depth steps).
// param: company: entity(Company|Fund|Institution) — the company (or fund), by id, name or any alias
// param: max_depth: int = 3 — follow at most this many steps back (1–6)
// returns: investor, label, depth, via, path
MATCH (target:Entity {id: $company})
MATCH path = (investor:Entity)-[:INVESTED_IN|ESTABLISHED*1..6]->(target)
WHERE length(path) <= $max_depth
WITH investor, path ORDER BY length(path)
WITH investor, collect(path)[0] AS path
RETURN investor.name AS investor, [label IN labels(investor) WHERE label <> 'Entity'][0] AS label,
       length(path) AS depth, [step IN nodes(path)[1..-1] | step.name] AS via, path
ORDER BY depth, investor
