// title: Co-founders of funds
// description: Pairs of actors that set up the same fund together (both ESTABLISHED it), each pair
// description: once with the names in alphabetical order; all funds, or one fund.
// param: fund: entity(Fund) = null — only this fund (by id, name or any alias); all funds when left out
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: fund, founder_a, founder_b
MATCH (fund:Fund)
WHERE $fund IS NULL OR fund.id = $fund
MATCH (founder:Entity)-[:ESTABLISHED]->(fund)
WITH fund, founder.name AS founder
ORDER BY founder
WITH fund, collect(founder) AS founders
WHERE size(founders) > 1
WITH fund.name AS fund, founders
ORDER BY fund
LIMIT $limit
// A fund with hundreds of founders has tens of thousands of pairs: with its founders in order, pair
// (a, b) is the (before + b - a)-th of the fund, `before` being the pairs whose first founder comes
// before a's; only the first `limit` pairs of a fund are made.
UNWIND range(0, size(founders) - 2) AS a
WITH fund, founders, a, a * (size(founders) - 1) - a * (a - 1) / 2 AS before
WHERE before < $limit
UNWIND range(a + 1, CASE WHEN size(founders) - 1 < a + $limit - before THEN size(founders) - 1 ELSE a + $limit - before END) AS b
RETURN fund, founders[a] AS founder_a, founders[b] AS founder_b
ORDER BY fund, founder_a, founder_b
LIMIT $limit
