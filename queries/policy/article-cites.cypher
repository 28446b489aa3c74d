// title: What an article cites
// description: The policies and institutions an article mentions, with each policy's issuer.
// description: The article is found by its id, its title, or its file name (the end of its path).
// param: article: string — the article's id, title (or part of it) or file name
// returns: article, label, name, issued_by
MATCH (a:Article)
WHERE a.id = $article OR a.title CONTAINS $article OR a.path ENDS WITH $article
MATCH (a)-[:MENTIONS]->(cited:Entity)
WHERE cited:Policy OR cited:Institution
OPTIONAL MATCH (issuer:Institution)-[:ISSUED]->(cited)
WITH a, cited, collect(DISTINCT issuer.name) AS issued_by
RETURN a.title AS article, [label IN labels(cited) WHERE label <> 'Entity'][0] AS label, cited.name AS name, issued_by
ORDER BY article, label DESC, name
