// Lints Cypher statements with Neo4j's own parser (@neo4j-cypher/language-support).
//
// stdin:  {"statements": [{"name": "...", "cypher": "...", "parameters": {"p": value, ...}}],
//          "schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]}}   (schema optional)
// stdout: [{"name": "...", "errors": [diagnostic...], "warnings": [diagnostic...]}]
//         diagnostic = {"message": "...", "line": 1-based, "column": 1-based, "offset": 0-based}
// Errors are what Neo4j would refuse: syntax errors and semantic errors (an undefined variable,
// a parameter the statement uses but is not given). Warnings (an unknown label, a deprecation)
// are reported but are not failures. Exit code: 0 when no statement has an error, 1 otherwise,
// 2 when the input is not valid.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// The package's ESM build has extensionless imports that Node cannot resolve: load its CommonJS build.
const require = createRequire(import.meta.url);
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

const SEVERITY_ERROR = 1; // vscode-languageserver DiagnosticSeverity.Error

function plain(diagnostic) {
  return {
    message: diagnostic.message,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    offset: diagnostic.offsets?.start ?? null,
  };
}

let input;
try {
  input = JSON.parse(readFileSync(0, 'utf8'));
} catch (error) {
  process.stderr.write(`cypher-lint: stdin is not JSON: ${error.message}\n`);
  process.exit(2);
}
const statements = Array.isArray(input) ? input : input.statements;
if (!Array.isArray(statements)) {
  process.stderr.write('cypher-lint: expected {"statements": [...]} on stdin\n');
  process.exit(2);
}
const schema = Array.isArray(input) ? {} : input.schema ?? {};

const report = statements.map((statement, index) => {
  const dbSchema = { ...schema, parameters: statement.parameters ?? {} };
  const diagnostics = lintCypherQuery(String(statement.cypher ?? ''), dbSchema);
  return {
    name: statement.name ?? `statement ${index}`,
    errors: diagnostics.filter((d) => d.severity === SEVERITY_ERROR).map(plain),
    warnings: diagnostics.filter((d) => d.severity !== SEVERITY_ERROR).map(plain),
  };
});
process.stdout.write(JSON.stringify(report, null, 1) + '\n');
process.exit(report.some((item) => item.errors.length > 0) ? 1 : 0);
