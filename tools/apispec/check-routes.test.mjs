// The server's routes (`$CANDOR_BIN routes`) must be exactly the operations in docs/api/openapi.yaml.
// Run: node --test tools/apispec/   (from the repository root; CANDOR_BIN defaults to build/candor)
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import test from 'node:test';
import {
  candorBinary,
  checkRoutes,
  compareRoutes,
  formatDifferences,
  parseServerRoutes,
  specPath,
  specRoutes,
} from './check-routes.mjs';

test('server routes match openapi.yaml', async (t) => {
  const bin = candorBinary();
  if (!existsSync(bin.path)) {
    // A missing default build is not a spec failure; an explicitly named binary that is missing is.
    assert.ok(!bin.chosen, `CANDOR_BIN=${process.env.CANDOR_BIN} does not exist`);
    t.skip(`no binary at ${bin.path}; build it or set CANDOR_BIN`);
    return;
  }
  const report = await checkRoutes(bin.path);
  if (report) assert.fail(`routes differ between ${bin.path} and ${specPath}:\n${report}`);
});

test('the spec lists the health, metrics and API operations', () => {
  const routes = specRoutes(readFileSync(specPath, 'utf8'));
  for (const route of ['GET /healthz', 'GET /readyz', 'GET /metrics', 'POST /api/v1/auth/login', 'PATCH /api/v1/users/{id}']) {
    assert.ok(routes.includes(route), `${route} missing from the spec`);
  }
});

test('differences are reported both ways', () => {
  const diff = compareRoutes(
    ['GET /healthz', 'GET /api/v1/extra', 'GET /api/v1/extra'],
    ['GET /healthz', 'DELETE /api/v1/api-keys/{id}'],
  );
  assert.deepEqual(diff.missingFromSpec, ['GET /api/v1/extra']);
  assert.deepEqual(diff.missingFromServer, ['DELETE /api/v1/api-keys/{id}']);
  assert.deepEqual(diff.duplicatedInServer, ['GET /api/v1/extra']);
  const report = formatDifferences(diff);
  assert.match(report, /In the server but not in openapi\.yaml:\n {2}GET \/api\/v1\/extra/);
  assert.match(report, /In openapi\.yaml but not in the server:\n {2}DELETE \/api\/v1\/api-keys\/\{id\}/);
});

test('matching route sets give an empty report', () => {
  assert.equal(formatDifferences(compareRoutes(['GET /a', 'POST /a'], ['POST /a', 'GET /a'])), '');
});

test('route output: blank lines and comments skipped, odd lines rejected', () => {
  assert.deepEqual(parseServerRoutes('# routes\nGET  /healthz\r\n\nPOST /api/v1/auth/login\n'), [
    'GET /healthz',
    'POST /api/v1/auth/login',
  ]);
  assert.throws(() => parseServerRoutes('GET /healthz\nlistening on 127.0.0.1:8080\n'), /line 2/);
  assert.throws(() => parseServerRoutes('get /healthz\n'), /line 1/);
});
