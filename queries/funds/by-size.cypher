// title: Funds by size
// description: Funds with a known size (amount_cny, in yuan), largest first, with who manages them.
// param: min_cny: float = 0 — only funds of at least this many yuan
// param: limit: int = 50 — at most this many funds
// returns: fund, amount_cny, amount_text, managers
MATCH (fund:Fund)
WHERE fund.amount_cny IS NOT NULL AND fund.amount_cny >= $min_cny
OPTIONAL MATCH (manager:Institution)-[:MANAGES]->(fund)
WITH fund, collect(DISTINCT manager.name) AS managers
RETURN fund.name AS fund, fund.amount_cny AS amount_cny, fund.amount_text AS amount_text, managers
ORDER BY amount_cny DESC, fund
LIMIT $limit
