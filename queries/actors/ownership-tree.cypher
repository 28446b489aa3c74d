// title: Ownership tree
// description: The whole ownership tree an entity belongs to: its top parent(s) and every subsidiary
// description: under them (SUBSIDIARY_OF, any depth up to 6), each with its direct parent and depth.
// param: entity: entity — any member of the tree, by id, name or any alias
// returns: root, member, parent, depth, path
MATCH (start:Entity {id: $entity})
MATCH (start)-[:SUBSIDIARY_OF*0..6]->(root:Entity)
OPTIONAL MATCH (root)-[up:SUBSIDIARY_OF]->(:Entity)
WITH DISTINCT root, up
WHERE up IS NULL
MATCH path = (member:Entity)-[:SUBSIDIARY_OF*0..6]->(root)
RETURN root.name AS root, member.name AS member,
       CASE WHEN length(path) = 0 THEN null ELSE nodes(path)[1].name END AS parent,
       length(path) AS depth, path
ORDER BY root, depth, member
