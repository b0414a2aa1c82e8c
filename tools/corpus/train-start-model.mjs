#!/usr/bin/env node
// Fits StartModel's weights (src/Broadsheet.Core/Assembly/StartModel.cs): an L2-regularised logistic regression of
// "this heading block opens a story" on the cues the accuracy harness exports. Tuning month only:
//   dotnet run -c Release --project tools/Broadsheet.Accuracy -- DIR-2019-10 --style archive --features feat.tsv
//   node tools/corpus/train-start-model.mjs feat.tsv [--l2 1] [--days 1-15]
// prints the accuracy of leave-one-day-out cross-validation (days of the tuning month) and the weights, in
// StartModel's order, to paste into StartModel.Weights. --days fits on those days of the month only; the printed
// weights can then be scored on the other days without pasting them (the harness's --start-weights FILE reads the
// last `[…]` line), which is how a refit is checked before it is kept: fit on days 1–15, score days 16–31, and the
// reverse.
// The same fit serves DeckSplitModel (src/Broadsheet.Core/Recognisers/DeckSplitModel.cs), on the export of
//   dotnet run -c Release --project tools/Broadsheet.Accuracy -- DIR-2019-10 --style archive --deck-features deck.tsv
//   node tools/corpus/train-start-model.mjs deck.tsv --l2 1
import fs from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) { console.error('usage: train-start-model.mjs FEATURES.tsv [--l2 L]'); process.exit(2); }
const option = (name, fallback) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : fallback);
const l2 = Number(option('--l2', 1));
const [firstDay, lastDay] = option('--days', '1-31').split('-').map(Number);

const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
// Cues sit between the label and the heading text (the deck export has no columns after them).
const columns = header.split('\t');
const names = columns.slice(2, columns.includes('heading') ? columns.indexOf('heading') : -1);
const rows = lines.map(l => {
  const cells = l.split('\t');
  return { day: cells[0].slice(0, 10), y: Number(cells[1]), x: cells.slice(2, 2 + names.length).map(Number) };
}).filter(r => { const d = Number(r.day.slice(8, 10)); return d >= firstDay && d <= lastDay; });

// Newton's method on the penalised log-likelihood (the bias is not penalised); a few dozen features, so the
// Hessian is small.
function fit(data) {
  const d = names.length;
  let w = new Array(d).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const g = w.map((wi, i) => (i === 0 ? 0 : l2 * wi));
    const h = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? l2 : 0)));
    for (const { x, y } of data) {
      const p = 1 / (1 + Math.exp(-dot(w, x)));
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        g[i] += (p - y) * x[i];
        for (let j = 0; j < d; j++) h[i][j] += p * (1 - p) * x[i] * x[j];
      }
    }
    const step = solve(h, g);
    w = w.map((wi, i) => wi - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}

function dot(a, b) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }

function solve(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) { m[c][c] = 1e-12; }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

const days = [...new Set(rows.map(r => r.day))];
let right = 0;
for (const day of days) {
  const w = fit(rows.filter(r => r.day !== day));
  for (const r of rows.filter(r => r.day === day)) if ((dot(w, r.x) > 0) === (r.y === 1)) right++;
}
console.log(`${rows.length} heading blocks, ${rows.filter(r => r.y).length} open a story; leave-one-day-out accuracy ${(100 * right / rows.length).toFixed(1)} %`);
const w = fit(rows);
names.forEach((n, i) => console.log(`${n.padEnd(14)} ${w[i].toFixed(2)}`));
console.log(`[${w.map(x => x.toFixed(2)).join(', ')}]`);
