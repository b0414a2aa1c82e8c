// The corpus (../shared/corpus/people-daily/*.jsonl.gz: one story a line, in page order) as issues and pages,
// cut into the dumps the renderer writes: whole issues, runs of pages and single pages, chosen by a seed.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { goldArticle } from './gold.mjs';

/** A small seeded generator (mulberry32) and the helpers the layouts draw from. */
export function random(...keys) {
  let h = 2166136261;
  for (const c of keys.join('|')) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: p => next() < p,
    pick: list => list[Math.floor(next() * list.length)],
    shuffle: list => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/** Reads a corpus file (.jsonl or .jsonl.gz) into issues: [{ date, pages: [{ number, items: [story…] }] }]. */
export function readCorpus(file) {
  let bytes = fs.readFileSync(file);
  if (file.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
  const issues = new Map();
  for (const line of bytes.toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const item = JSON.parse(line);
    if (!issues.has(item.date)) issues.set(item.date, new Map());
    const pages = issues.get(item.date);
    if (!pages.has(item.page)) pages.set(item.page, []);
    pages.get(item.page).push(item);
  }
  return [...issues.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, pages]) => ({
    date,
    pages: [...pages.entries()].sort(([a], [b]) => a - b)
      .map(([number, items]) => ({ number, items: items.sort((x, y) => x.seq - y.seq) })),
  }));
}

/**
 * A page as the renderer lays it out: its printable stories (items without text — advertisements, bare
 * pictures — are left out) each with its gold, and the staff lines the page prints as furniture.
 */
export function printablePage(date, page) {
  const stories = [];
  const staff = [];
  for (const item of page.items) {
    if (!(item.paragraphs ?? []).some(p => p.trim() !== '')) continue;
    const { article, furniture } = goldArticle(item, date);
    if (article.paragraphs.length === 0 && !article.bylineRaw && !article.dateline) continue; // a heading with nothing under it
    stories.push({ item, gold: article });
    staff.push(...furniture);
  }
  return { date, number: page.number, stories, staff };
}

/**
 * The dumps to write, in a seeded order: each issue's pages cut into runs of 1–4 (a single page, a few pages,
 * or — for an 8-page issue now and then — the whole issue), so both single pages and form-feed-joined issues
 * are covered. `limit` caps the number of pages; a unit's content never depends on it.
 */
export function units(issues, seed, limit = Infinity) {
  const all = [];
  for (const issue of issues) {
    const rng = random(seed, 'units', issue.date);
    const pages = issue.pages.map(p => printablePage(issue.date, p)).filter(p => p.stories.length > 0);
    if (pages.length <= 8 && rng.chance(0.3)) { all.push({ date: issue.date, pages }); continue; }
    for (let i = 0; i < pages.length;) {
      const n = rng.pick([1, 1, 1, 2, 3, 4]);
      all.push({ date: issue.date, pages: pages.slice(i, i + n) });
      i += n;
    }
  }
  const out = [];
  let count = 0;
  for (const unit of random(seed, 'order').shuffle(all)) {
    if (count >= limit) break;
    if (count + unit.pages.length > limit) unit.pages = unit.pages.slice(0, limit - count);
    count += unit.pages.length;
    out.push(unit);
  }
  return out.map(u => ({ ...u, name: unitName(u) })).sort((a, b) => a.name.localeCompare(b.name));
}

function unitName({ date, pages }) {
  const nn = n => String(n).padStart(2, '0');
  const first = pages[0].number;
  const last = pages.at(-1).number;
  return first === last ? `${date}-p${nn(first)}` : `${date}-p${nn(first)}-${nn(last)}`;
}

/** The contract JSON every style shares for a unit: paper, date, pages with their furniture, articles. */
export function goldIssue(unit, furnitureByPage) {
  const articles = [];
  for (const page of unit.pages) {
    for (const { gold } of page.stories) {
      articles.push({ id: `p${page.number}-${String(articles.filter(a => a.page === page.number).length + 1).padStart(2, '0')}`,
        page: page.number, pages: [page.number], ...gold, column: null, continuesTo: null, continuedFrom: null });
    }
  }
  return {
    issue: {
      paper: '人民日报',
      date: unit.date,
      pages: unit.pages.map(p => ({ number: p.number, banner: null, furniture: furnitureByPage.get(p.number) ?? [] })),
    },
    articles,
    unassigned: [],
  };
}
