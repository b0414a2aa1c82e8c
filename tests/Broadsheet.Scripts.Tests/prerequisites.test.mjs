// scripts/prerequisites.sh, which scripts/test.sh runs first: what the tests need from the system, installed or named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = (script, env = {}) => {
  const r = spawnSync('bash', [path.join(root, 'scripts', script)], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
};

test('prerequisites: with Chromium missing and installing not allowed, one line names the exact command', () => {
  const r = run('prerequisites.sh', { BROADSHEET_CHROMIUM: '/nonexistent/chromium', BROADSHEET_INSTALL: 'no' });
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.equal(r.err.split('\n').length, 1, r.err);
  assert.match(r.err, /^tests: missing chromium\b.* — install with: sudo sh -c 'apt-get update && apt-get install -y chromium\b[^']*' \(then run this again\)$/);
});
