// The renderer (tools/corpus) on two corpus pages committed here (人民日报 2019-10-01, pages 3 and 4): every style
// prints exactly the text its gold accounts for, deterministically for a seed. The PDF styles run when Chromium and
// pdftotext are installed and are skipped (not failed) otherwise.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderArchive } from '../../tools/corpus/archive.mjs';
import { missingTools, openPrinter } from '../../tools/corpus/broadsheet.mjs';
import { goldIssue, readCorpus, units } from '../../tools/corpus/corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const issues = readCorpus(path.join(here, 'fixtures/people-daily-2019-10-01-p03-04.jsonl'));

/**
 * Every letter and digit of a text (Han included), counted: what a gold must account for, whatever the layout did
 * to lines. Punctuation is left out: a lifted credit drops its brackets (`（本报加德满都10月9日电）` → its dateline).
 */
function counts(texts) {
  const m = new Map();
  for (const t of texts) for (const c of (t ?? '').replace(/[\s\p{P}\p{S}]/gu, '')) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

function goldTexts(gold) {
  const out = gold.issue.pages.flatMap(p => p.furniture);
  for (const a of gold.articles) out.push(a.kicker, a.title, a.subtitle, a.dateline?.raw, a.bylineRaw, ...a.paragraphs);
  return out;
}

function assertAccountedFor(text, gold, style) {
  const printed = counts([text]);
  const answered = counts(goldTexts(gold));
  const diff = [...new Set([...printed.keys(), ...answered.keys()])]
    .filter(c => printed.get(c) !== answered.get(c))
    .map(c => `${c}: printed ${printed.get(c) ?? 0}, gold ${answered.get(c) ?? 0}`);
  assert.deepEqual(diff, [], `${style}: the gold does not account for what the page prints`);
}

test('units cover every page with text once, in dumps named by date and pages', () => {
  const list = units(issues, '1');
  assert.deepEqual(list.flatMap(u => u.pages.map(p => p.number)).sort(), [3, 4]);
  for (const u of list) assert.match(u.name, /^2019-10-01-p0[34](-0[34])?$/);
  // The advertisement on page 4 has no text and is no story.
  assert.ok(!list.flatMap(u => u.pages).flatMap(p => p.stories).some(s => s.item.title === '广告'));
});

test('the archive style prints each story\'s heading lines, then one paragraph a line, pages split by form feeds', () => {
  const unit = { date: '2019-10-01', name: 'both', pages: units(issues, '1').flatMap(u => u.pages) };
  const { text, furniture } = renderArchive(unit, '1');
  const gold = goldIssue(unit, furniture);
  assert.equal(text.split('\f').length, 2);
  const lines = new Set(text.split(/[\n\f]/u));
  assert.ok(lines.has('在庆祝中华人民共和国成立70周年招待会上的讲话'));
  assert.ok(lines.has('（2019年9月30日）'));
  assert.ok(lines.has('本报记者\u00a0\u00a0殷新宇摄'));
  assert.equal(gold.articles.length, unit.pages.reduce((n, p) => n + p.stories.length, 0));
  assert.equal(gold.articles.find(a => a.title === '喜做国庆面').kind, 'photo');
  assertAccountedFor(text, gold, 'archive');
  assert.equal(renderArchive(unit, '1').text, text);
  assert.notEqual(renderArchive(unit, '2').text, text);
});

const missing = missingTools();
describe('the PDF styles', { skip: missing ? `needs ${missing.join(', ')}` : false }, () => {
  let printer;
  before(async () => { printer = await openPrinter(); });
  after(async () => { await printer?.close(); });

  test('a broadsheet page comes back from pdftotext as exactly the text its gold accounts for, in both orders', async () => {
    const unit = { date: '2019-10-01', name: 'p3', pages: units(issues, '1').flatMap(u => u.pages).filter(p => p.number === 3) };
    const out = await printer.render(unit, '1', ['pdf', 'pdf-raw']);
    for (const style of ['pdf', 'pdf-raw']) {
      const { text, furniture } = out[style];
      assert.ok(text.split('\n').filter(l => l.trim()).every(l => l.length < 60), `${style}: lines wrap at the column width`);
      assertAccountedFor(text, goldIssue(unit, furniture), style);
    }
    // Default order follows the layout, -raw the order the PDF was written in: the two differ.
    assert.notEqual(out.pdf.text, out['pdf-raw'].text);
    const again = await printer.render(unit, '1', ['pdf']);
    assert.equal(again.pdf.text, out.pdf.text);
  });
});
