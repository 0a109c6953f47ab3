// Compares the server's route table (`candor routes`) with the operations in docs/api/openapi.yaml.
//
// As a command:  node tools/apispec/check-routes.mjs      (exit 0 when they match, 1 otherwise)
// As a test:     node --test tools/apispec/               (runs check-routes.test.mjs)
//
// CANDOR_BIN names the binary; a relative path is taken from the repository root. Default: build/candor.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specPath = join(repoRoot, 'docs', 'api', 'openapi.yaml');

const kMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const kRouteLine = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\s+(\/\S*)$/;

/// The binary to ask, and whether the caller chose it (an explicit choice must exist).
export function candorBinary(env = process.env) {
  const chosen = env.CANDOR_BIN !== undefined && env.CANDOR_BIN !== '';
  const raw = chosen ? env.CANDOR_BIN : join('build', 'candor');
  return { path: isAbsolute(raw) ? raw : resolve(repoRoot, raw), chosen };
}

/// "METHOD /path" for every operation of an OpenAPI document given as text.
export function specRoutes(yamlText) {
  const doc = parseYaml(yamlText);
  const routes = [];
  for (const [path, item] of Object.entries(doc?.paths ?? {})) {
    for (const method of kMethods) {
      if (item && typeof item === 'object' && method in item) routes.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return routes;
}

/// Routes printed by `candor routes`, one "METHOD /path" a line; blank lines and # comments are skipped.
/// Throws on a line of any other shape, so a changed output format is not mistaken for a match.
export function parseServerRoutes(text) {
  const routes = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = kRouteLine.exec(line.replace(/\s+/g, ' '));
    if (!match) throw new Error(`candor routes, line ${index + 1}: expected "METHOD /path", got ${JSON.stringify(raw)}`);
    routes.push(`${match[1]} ${match[2]}`);
  });
  return routes;
}

/// Differences both ways, plus routes the server lists twice.
export function compareRoutes(serverRoutes, specRoutesList) {
  const server = new Set(serverRoutes);
  const spec = new Set(specRoutesList);
  const sorted = (xs) => [...xs].sort();
  return {
    missingFromSpec: sorted([...server].filter((r) => !spec.has(r))),
    missingFromServer: sorted([...spec].filter((r) => !server.has(r))),
    duplicatedInServer: sorted(new Set(serverRoutes.filter((r, i) => serverRoutes.indexOf(r) !== i))),
  };
}

/// A readable report; empty when server and spec agree.
export function formatDifferences({ missingFromSpec, missingFromServer, duplicatedInServer }) {
  const parts = [];
  if (missingFromSpec.length) parts.push(`In the server but not in openapi.yaml:\n  ${missingFromSpec.join('\n  ')}`);
  if (missingFromServer.length) parts.push(`In openapi.yaml but not in the server:\n  ${missingFromServer.join('\n  ')}`);
  if (duplicatedInServer.length) parts.push(`Listed more than once by the server:\n  ${duplicatedInServer.join('\n  ')}`);
  return parts.join('\n');
}

/// Runs `<bin> routes` and returns its standard output.
export async function runCandorRoutes(binPath) {
  const { stdout } = await promisify(execFile)(binPath, ['routes'], {
    cwd: repoRoot,
    timeout: 30_000,
    maxBuffer: 1 << 20,
  });
  return stdout;
}

/// The whole check; resolves to the report (empty string when everything matches).
export async function checkRoutes(binPath) {
  const server = parseServerRoutes(await runCandorRoutes(binPath));
  const spec = specRoutes(readFileSync(specPath, 'utf8'));
  return formatDifferences(compareRoutes(server, spec));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bin = candorBinary();
  if (!existsSync(bin.path)) {
    console.error(`check-routes: no binary at ${bin.path} (build it or set CANDOR_BIN)`);
    process.exit(1);
  }
  const report = await checkRoutes(bin.path);
  if (report) {
    console.error(report);
    process.exit(1);
  }
  console.log(`check-routes: server and ${specPath} list the same routes`);
}
