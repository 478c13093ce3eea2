// The GraphQL-over-HTTP audit of graphql-http against a running server
// (WAPI_URL, e.g. http://127.0.0.1:18282). Every MUST and SHOULD must pass:
// an error or a warning fails the test, with the audit's own explanation;
// MAY-level notices are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditServer } from 'graphql-http';

const base = process.env.WAPI_URL ?? 'http://127.0.0.1:18282';

test('the /graphql endpoint passes every GraphQL-over-HTTP audit', async () => {
  const results = await auditServer({ url: `${base}/graphql` });
  const problems = [];
  for (const result of results) {
    if (result.status === 'notice') {
      console.log(`notice ${result.id} ${result.name}: ${result.reason}`);
    } else if (result.status !== 'ok') {
      let detail = result.reason;
      if (result.response) {
        const body = await result.response.text().catch(() => '');
        detail += ` (HTTP ${result.response.status}, content-type ${result.response.headers.get('content-type')}: ${body.slice(0, 200)})`;
      }
      problems.push(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${detail}`);
    }
  }
  console.log(`${results.length} audits, ${problems.length} errors or warnings`);
  assert.deepEqual(problems, [], problems.join('\n'));
});
