// title: Co-founders of funds
// description: Pairs of actors that set up the same fund together (both ESTABLISHED it);
// description: all funds, or one fund.
// param: fund: entity(Fund) = null — only this fund (by id, name or any alias); all funds when left out
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: fund, founder_a, founder_b
MATCH (fund:Fund)
WHERE $fund IS NULL OR fund.id = $fund
MATCH (a:Entity)-[:ESTABLISHED]->(fund)
MATCH (b:Entity)-[:ESTABLISHED]->(fund)
WHERE a.id < b.id
RETURN fund.name AS fund, a.name AS founder_a, b.name AS founder_b
ORDER BY fund, founder_a, founder_b
LIMIT $limit
