// title: People and their organisations
// description: Persons and the institutions or companies they are affiliated with (作者单位, titles such
// description: as 董事长, 副行长), with the title when known; everyone, or the people of one organisation.
// param: organisation: entity(Institution|Company) = null — only people of this organisation (by id, name or any alias)
// param: limit: int = 100 — at most this many rows (the first ones in the order shown)
// returns: person, organisation, title, evidence
MATCH (person:Person)-[r:AFFILIATED_WITH]->(organisation:Entity)
WHERE $organisation IS NULL OR organisation.id = $organisation
RETURN person.name AS person, organisation.name AS organisation, r.title AS title, r.evidence_sentences[0] AS evidence
ORDER BY organisation, person
LIMIT $limit
