// scripts/azurite-ports.sh, which scripts/demo.sh asks where its own Azurite listens: never on a port that answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = (script, env = {}) => {
  const r = spawnSync('bash', [path.join(root, 'scripts', script)], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
};

/** Listens on a port of 127.0.0.1 (0: any free one) until closed; null when the port is already taken. */
const listen = port => new Promise(resolve => {
  const server = net.createServer(socket => socket.destroy());
  server.once('error', () => resolve(null));
  server.listen(port, '127.0.0.1', () => resolve(server));
});
const close = server => new Promise(resolve => (server ? server.close(resolve) : resolve()));
const isFree = async port => { const s = await listen(port); await close(s); return s !== null; };

test('demo ports: another process on 10000 is left alone, and Azurite gets three other free ports, said so', async () => {
  const squatter = await listen(10000); // null: something already holds 10000, which is the case under test too
  try {
    const r = run('azurite-ports.sh');
    assert.equal(r.code, 0, r.err);
    const ports = r.out.split(' ').map(Number);
    assert.equal(ports.length, 3);
    assert.equal(new Set(ports).size, 3);
    assert.ok(!ports.includes(10000), r.out);
    for (const p of ports) assert.ok(await isFree(p), `port ${p} should be free`);
    assert.match(r.err, /10000.*already in use.*left alone.*free ports/);
  } finally {
    await close(squatter);
  }
});

test('demo ports: AZURITE_*_PORT settings are used as given, and a busy one is refused in one line', async () => {
  const taken = await listen(0);
  const busyPort = taken.address().port;
  const [a, b, c] = await Promise.all([0, 0, 0].map(async () => { const s = await listen(0); const p = s.address().port; await close(s); return p; }));
  try {
    const ok = run('azurite-ports.sh', { AZURITE_BLOB_PORT: String(a), AZURITE_QUEUE_PORT: String(b), AZURITE_TABLE_PORT: String(c) });
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.out, `${a} ${b} ${c}`);

    const refused = run('azurite-ports.sh', { AZURITE_BLOB_PORT: String(busyPort), AZURITE_QUEUE_PORT: String(b), AZURITE_TABLE_PORT: String(c) });
    assert.equal(refused.code, 1);
    assert.equal(refused.out, '');
    assert.equal(refused.err, `demo: port ${busyPort} (AZURITE_BLOB_PORT) is in use — pick another, or leave the AZURITE_*_PORT settings out for free ports`);
  } finally {
    await close(taken);
  }
});
