// Lint Cypher with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
// stdin: JSON [{"name": "...", "query": "..."}]; stdout: JSON [{"name", "diagnostics": [...]}].
// Only "Parameter $x is not defined." is dropped: the statements are parameterised on purpose.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const items = JSON.parse(readFileSync(0, 'utf8'));
const results = items.map(({ name, query }) => {
  const { diagnostics } = lintCypherQuery(query, {});
  return {
    name,
    diagnostics: diagnostics.filter(isNotParamError).map((d) => ({
      severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
