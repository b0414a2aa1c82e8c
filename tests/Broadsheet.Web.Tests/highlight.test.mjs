// The matching-passage logic of search results, on text alone (highlight.ts, stripped of types by Vite).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { transformWithEsbuild } from 'vite';
import { ROOT } from './harness.mjs';

const source = path.join(ROOT, 'src/Broadsheet.Web/src/highlight.ts');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-highlight-')), 'highlight.mjs');
fs.writeFileSync(out, (await transformWithEsbuild(fs.readFileSync(source, 'utf8'), source, { format: 'esm' })).code);
const { needles, findPassage, markRuns } = await import(pathToFileURL(out).href);

test('a Chinese term is looked for whole, then by its bigrams, longest first', () => {
  assert.deepEqual(needles('技能人才'), ['技能人才', '技能', '能人', '人才']);
  assert.deepEqual(needles('  碳材料   嘉祥 '), ['碳材料', '碳材', '材料', '嘉祥']);
  assert.deepEqual(needles('Jining'), ['Jining']);
  assert.deepEqual(needles(''), []);
});

test('the passage starts at the sentence holding the hit and is at most the width asked', () => {
  const text = '第一句话很长很长很长很长很长。第二句提到碳材料产业发展。第三句。';
  const p = findPassage(['无关段落。', text], '碳材料', 40);
  assert.equal(p.text, text);
  assert.equal(text.slice(p.start, p.end).startsWith('第二句提到碳材料'), true);
  assert.ok(p.end - p.start <= 40);
});

test('a passage after a quoted sentence does not start with the closing quote mark', () => {
  const text = '“我们要抓好四个提升。”日前，局长屈耀武在接受采访时说。';
  const p = findPassage([text], '屈耀武', 60);
  assert.equal(text.slice(p.start, p.end).startsWith('日前'), true);
});

test('a term that appears only in pieces still finds a passage; no hit finds none', () => {
  const p = findPassage(['企业人才引育成效明显。'], '技能人才', 20);
  assert.ok(p && p.text.slice(p.start, p.end).includes('人才'));
  assert.equal(findPassage(['毫不相干。'], '碳材料'), null);
});

test('runs mark every hit once, case-insensitively, and lose no character', () => {
  const text = '先进碳材料与碳基材料，Carbon and carbon.';
  const runs = markRuns(text, '碳材料 carbon');
  assert.equal(runs.map(r => r.text).join(''), text);
  assert.deepEqual(runs.filter(r => r.hit).map(r => r.text), ['碳材料', '材料', 'Carbon', 'carbon']);
});
