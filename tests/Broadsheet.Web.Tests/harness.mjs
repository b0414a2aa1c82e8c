// Starts what the browser tests need — Azurite (in memory, free ports) and the dev host (`broadsheet serve`) —
// uploads issues with the CLI, waits for the pipeline, and stops every process it started, by its own handle.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
const CLI = path.join(ROOT, 'src/Broadsheet.Cli/bin/Release/net10.0/Broadsheet.Cli.dll');
const AZURITE = path.join(ROOT, 'node_modules/.bin/azurite');
// Azurite's published development account (not a secret).
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const started = new Set();
// Whatever happens to the test process, its children go with it.
const killAll = () => { for (const child of started) try { child.kill('SIGKILL'); } catch { /* gone */ } };
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { killAll(); process.exit(130); });

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startProcess(name, command, args, options = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, `${name}.log`);
  const log = fs.openSync(logFile, 'w');
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', log, log], env: { ...process.env, ...options.env } });
  fs.closeSync(log);
  started.add(child);
  const exited = new Promise(resolve => child.once('exit', (code, signal) => { started.delete(child); resolve({ code, signal }); }));
  return {
    child,
    logFile,
    exited,
    tail: (lines = 30) => fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function startAzurite() {
  if (!fs.existsSync(AZURITE)) throw new Error('Azurite is not installed: run npm ci');
  const [blob, queue, table] = [await freePort(), await freePort(), await freePort()];
  const proc = startProcess('azurite', AZURITE, ['--inMemoryPersistence', '--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent',
    '--blobHost', '127.0.0.1', '--blobPort', String(blob), '--queueHost', '127.0.0.1', '--queuePort', String(queue),
    '--tableHost', '127.0.0.1', '--tablePort', String(table)]);
  await waitFor('Azurite', proc, async () => (await portOpen(blob)) && (await portOpen(queue)) && (await portOpen(table)), 30_000);
  const endpoint = (port) => `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  const connection = `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};`
    + `BlobEndpoint=${endpoint(blob)};QueueEndpoint=${endpoint(queue)};TableEndpoint=${endpoint(table)};`;
  return { ...proc, connection };
}

export async function startDevHost(connection) {
  if (!fs.existsSync(CLI)) throw new Error(`no dev host at ${path.relative(ROOT, CLI)}: run dotnet build -c Release first`);
  const port = await freePort();
  const proc = startProcess('devhost', 'dotnet', [CLI, 'serve', '--storage', connection, '--port', String(port)]);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor('the dev host', proc, async () => {
    try { return (await fetch(`${origin}/api/issues`)).ok; } catch { return false; }
  }, 90_000);
  return { ...proc, origin, api: `${origin}/api` };
}

/** `broadsheet upload FILE --paper P --date D`, as a user would. */
export function upload(connection, file, paper, date) {
  const run = spawnSync('dotnet', [CLI, 'upload', file, '--paper', paper, '--date', date, '--storage', connection], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`upload of ${file} failed (${run.status}): ${run.stderr || run.stdout}`);
}

/** Polls GET /api/issues until every wanted issue has reached its expected status; returns their rows. */
export async function waitForIssues(api, host, wanted, timeoutMs = 240_000) {
  let rows = [];
  await waitFor('ingestion', host, async () => {
    const body = await (await fetch(`${api}/issues?top=200`)).json();
    rows = wanted.map(w => body.items.find(i => i.paper === w.paper && i.date === w.date));
    const unexpected = rows.find((r, i) => r && ['complete', 'failed'].includes(r.status) && r.status !== wanted[i].status);
    if (unexpected) throw new Error(`${unexpected.paper} ${unexpected.date} ended ${unexpected.status}: ${unexpected.error ?? ''}`);
    return rows.every((r, i) => r?.status === wanted[i].status);
  }, timeoutMs);
  return rows;
}

export async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}: ${await response.text()}`);
  return response.json();
}

async function waitFor(what, proc, ready, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited (${proc.child.exitCode}) while starting:\n${proc.tail()}`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s:\n${proc.tail()}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

function portOpen(port) {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
