// title: Facts an article states
// description: Every relationship with evidence from one article, with the sentence that states it.
// description: The article is found by its id, its title (or part of it), or its file name.
// param: article: string — the article's id, title (or part of it) or file name
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: source, type, target, sentence, start
MATCH (a:Article)
WHERE a.id = $article OR a.title CONTAINS $article OR a.path ENDS WITH $article
MATCH (a)-[:MENTIONS]->(s:Entity)
MATCH (s)-[r]->(t:Entity)
WHERE a.id IN coalesce(r.evidence_articles, [])
UNWIND [i IN range(0, size(r.evidence_articles) - 1) WHERE r.evidence_articles[i] = a.id] AS i
RETURN s.name AS source, type(r) AS type, t.name AS target, r.evidence_sentences[i] AS sentence,
       r.evidence_starts[i] AS start
ORDER BY start, type, source
LIMIT $limit
