// The PDF styles: each corpus page laid out as a multi-column broadsheet in HTML + CSS, printed to PDF by headless
// Chromium, and the text taken back out with poppler's pdftotext — in its default (reading) order for `pdf` and
// in content-stream order (`-raw`) for `pdf-raw`, as users' e-paper dumps are made.
//
// What varies, page by page (all from the seed): column count (5–8) and characters per column line (10–20); where
// the lead story sits and how many columns each story spans; whether headlines come before or after their bodies
// in the content order (so `-raw` meets both); running heads, staff lines and picture boxes with captions and credits.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { random } from './corpus.mjs';
import { runningHead, staffLines } from './furniture.mjs';
import { plain } from './gold.mjs';

export const CHROMIUM = process.env.BROADSHEET_CHROMIUM ?? '/usr/bin/chromium';
const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

/** What the PDF styles need and how to get it; null when everything is there. */
export function missingTools() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}; set BROADSHEET_CHROMIUM, or apt-get install chromium)`);
  try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); } catch { missing.push('pdftotext (apt-get install poppler-utils)'); }
  return missing.length === 0 ? null : missing;
}

const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph that prints as a crosshead: short, no sentence end, inside the story (not first or last). */
const isCrosshead = (p, i, all) => i > 0 && i < all.length - 1 && plain(p).length <= 24 && !/[。！？…；，：”’）)]$/u.test(plain(p));

/** The layout of one page: geometry, the stories as modules (head, picture, body), furniture, content order. */
export function layoutPage(date, page, seed) {
  const rng = random(seed, 'pdf', date, page.number);
  const cols = rng.int(5, 8);
  const perLine = rng.int(10, 20);
  const font = rng.pick([10.5, 11, 11.5, 12]);
  const colW = Math.round(perLine * font + 2); // a column line holds `perLine` CJK characters
  const gap = rng.int(9, 14);
  const lineHeight = rng.pick([1.3, 1.35, 1.4]); // tight: above ~1.45 pdftotext reads lines across columns
  const leadFirst = rng.chance(0.6);

  const modules = page.stories.map(({ item, gold }, i) => {
    const chars = gold.paragraphs.reduce((n, p) => n + p.length, 0);
    const photo = gold.kind === 'photo';
    let span = chars < 250 ? 1 : chars < 900 ? rng.int(1, 2) : chars < 2500 ? rng.int(2, 3) : rng.int(3, 4);
    if (photo) span = rng.int(1, 3);
    if (i === 0 && leadFirst) span = Math.max(span, cols - rng.int(0, 2));
    span = Math.min(span, cols);
    return { i, item, gold, photo, span, picture: photo ? rng.int(70, 180) : 0 };
  });

  // The order stories are placed on the page (the lead first, then roughly in corpus order)…
  const visual = leadFirst ? modules : [...modules.slice(1, 3), modules[0], ...modules.slice(3)];
  // …and the order their parts are written in the PDF: headlines before bodies, after them, or all at the end.
  const mode = rng.pick(['head-first', 'head-after', 'heads-last', 'mixed']);
  const parts = [];
  const late = [];
  for (const m of rng.chance(0.3) ? rng.shuffle(modules) : modules) {
    const headFirst = mode === 'head-first' || (mode === 'mixed' && rng.chance(0.5));
    const head = `h${m.i}`;
    const rest = m.photo ? [`p${m.i}`, `b${m.i}`] : [`b${m.i}`];
    if (mode === 'heads-last') { parts.push(...rest); late.push(head); } else if (headFirst) parts.push(head, ...rest); else parts.push(...rest, head);
  }
  parts.push(...late);

  const headAtTop = rng.chance(0.75);
  const headSpread = rng.chance(0.5); // running head spread across the page, or set close together
  const head = runningHead(date, page.number, rng);
  const staff = [...page.staff, ...staffLines(rng, page.staff.length > 0)];
  return { date, page, cols, perLine, font, colW, gap, lineHeight, modules, visual, parts, head, headAtTop, headSpread, staff };
}

function headHtml(m, L) {
  const { item } = m;
  const width = m.span * L.colW + (m.span - 1) * L.gap;
  const title = plain(item.title);
  const lead = m.i === 0 && m.span >= L.cols - 2;
  // Title size from the space it has: a lead headline is big, a one-column one small; two lines at most mostly.
  const size = Math.max(16, Math.min(lead ? 40 : 30, Math.floor((width * 1.6) / Math.max(4, title.length))));
  const lines = [];
  if (item.kicker?.trim()) lines.push(`<div class="k" style="font-size:${Math.max(12, Math.round(size * 0.5))}px">${esc(plain(item.kicker))}</div>`);
  if (title) lines.push(`<div class="t" style="font-size:${size}px">${esc(title)}</div>`);
  if (item.subtitle?.trim()) lines.push(`<div class="s" style="font-size:${Math.max(13, Math.round(size * 0.6))}px">${esc(plain(item.subtitle))}</div>`);
  return `<div id="h${m.i}" class="head${m.photo ? ' photo-head' : ''}">${lines.join('')}</div>`;
}

function bodyHtml(m, L) {
  const ps = m.item.paragraphs.map(p => p.trim()).filter(p => p !== '' && !L.page.staff.includes(plain(p)));
  const html = ps.map((p, i, all) => {
    const text = esc(p);
    if (m.photo) return /摄(（[^）]*）)?$/u.test(plain(p)) && plain(p).length <= 30 ? `<p class="credit">${text}</p>` : `<p class="cap">${text}</p>`;
    return isCrosshead(p, i, all) ? `<p class="x">${text}</p>` : `<p>${text}</p>`;
  }).join('');
  const style = m.photo ? '' : ` style="column-count:${m.span};column-gap:${L.gap}px"`;
  return `<div id="b${m.i}" class="body"${style}>${html}</div>`;
}

/** The furniture lines a laid-out page prints: its running head and staff lines. */
export const pageFurniture = L => [L.head, ...L.staff];

/** The furniture of every page of a unit in the PDF styles, without printing anything (for `--gold-only`). */
export function unitFurniture(unit, seed) {
  return new Map(unit.pages.map(page => [page.number, pageFurniture(layoutPage(unit.date, page, seed))]));
}

/** The page as HTML, with the packing data the in-page script uses. */
export function pageHtml(L) {
  const els = new Map();
  for (const m of L.modules) {
    els.set(`h${m.i}`, headHtml(m, L));
    els.set(`b${m.i}`, bodyHtml(m, L));
    if (m.photo) els.set(`p${m.i}`, `<div id="p${m.i}" class="pic" style="height:${m.picture}px"></div>`);
  }
  const headParts = L.head.split(/ {2}/);
  const runHead = `<div id="rh" class="rh${L.headSpread ? '' : ' compact'}">${headParts.map(p => `<span>${esc(p)}</span>`).join('')}</div>`;
  const staff = L.staff.map(s => `<div class="staff">${esc(s)}</div>`).join('');
  const foot = `<div id="ft" class="ft">${staff}</div>`;
  const order = L.visual.map(m => ({ span: m.span, parts: m.photo ? [`h${m.i}`, `p${m.i}`, `b${m.i}`] : [`h${m.i}`, `b${m.i}`] }));
  const content = [L.headAtTop ? runHead : '', ...L.parts.map(id => els.get(id)), L.headAtTop ? '' : runHead, foot].join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  @page { margin: 0 }
  html, body { margin: 0; padding: 0; background: #fff; }
  body { font-family: ${FONT}; color: #000; position: relative; }
  #page { position: relative; }
  #page > div { position: absolute; box-sizing: border-box; }
  .rh { display: flex; justify-content: space-between; font-size: 12px; line-height: 1.2; border-bottom: 2px solid #000; }
  .rh.compact { justify-content: flex-start; gap: 2em; }
  .ft { font-size: 10px; line-height: 1.3; }
  .head { line-height: 1.15; }
  .head .k { margin-bottom: 3px; }
  .head .t { font-weight: bold; }
  .head .s { margin-top: 3px; }
  .body { font-size: ${L.font}px; line-height: ${L.lineHeight}; column-fill: balance; text-align: justify; }
  .body p { margin: 0; text-indent: 2em; }
  .body p.x { text-indent: 0; text-align: center; font-weight: bold; }
  .body p.cap { text-indent: 0; }
  .body p.credit { text-indent: 0; text-align: right; }
  .pic { background: #bbb; }
  </style></head><body><div id="page">
${content}
</div><script>window.LAYOUT = ${JSON.stringify({ cols: L.cols, colW: L.colW, gap: L.gap, order })};</script></body></html>`;
}

/**
 * Runs in the page: places each story module (head, picture, body) in the lowest free spot of a skyline of
 * columns — the way a page is made up, story by story — and returns the page size.
 */
function pack() {
  const { cols, colW, gap, order } = window.LAYOUT;
  const margin = 24;
  const width = 2 * margin + cols * colW + (cols - 1) * gap;
  const rh = document.getElementById('rh');
  const ft = document.getElementById('ft');
  const full = width - 2 * margin;
  let top = margin;
  const atTop = rh.previousElementSibling === null;
  if (atTop) { rh.style.left = `${margin}px`; rh.style.top = `${margin}px`; rh.style.width = `${full}px`; top += rh.offsetHeight + 12; }
  const sky = Array(cols).fill(top);
  for (const m of order) {
    let best = 0;
    let bestY = Infinity;
    for (let s = 0; s + m.span <= cols; s++) {
      const y = Math.max(...sky.slice(s, s + m.span));
      if (y < bestY) { best = s; bestY = y; }
    }
    const w = m.span * colW + (m.span - 1) * gap;
    let y = bestY;
    for (const id of m.parts) {
      const el = document.getElementById(id);
      el.style.left = `${margin + best * (colW + gap)}px`;
      el.style.top = `${y}px`;
      el.style.width = `${w}px`;
      y += el.offsetHeight + 6;
    }
    for (let k = best; k < best + m.span; k++) sky[k] = y + 14;
  }
  let bottom = Math.max(...sky);
  if (!atTop) { rh.style.left = `${margin}px`; rh.style.top = `${bottom}px`; rh.style.width = `${full}px`; bottom += rh.offsetHeight + 8; }
  ft.style.left = `${margin}px`; ft.style.top = `${bottom}px`; ft.style.width = `${full}px`;
  bottom += ft.offsetHeight + margin;
  return { width, height: Math.ceil(bottom) };
}

/** A headless Chromium (Debian's, through playwright-core) that prints pages, and pdftotext that reads them. */
export async function openPrinter() {
  const missing = missingTools();
  if (missing) throw new Error(`the PDF styles need ${missing.join(' and ')}`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const tab = await browser.newPage();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-render-'));
  return {
    /** One unit in the PDF styles asked for: { style: { text, furniture } }; pages joined by form feeds. */
    async render(unit, seed, styles, keep) {
      const texts = Object.fromEntries(styles.map(s => [s, []]));
      const furniture = new Map();
      for (const page of unit.pages) {
        const L = layoutPage(unit.date, page, seed);
        await tab.setContent(pageHtml(L), { waitUntil: 'load' });
        const size = await tab.evaluate(pack);
        const pdf = path.join(tmp, `${unit.name}-${page.number}.pdf`);
        await tab.pdf({ path: pdf, width: `${size.width}px`, height: `${size.height + 2}px`, printBackground: true, pageRanges: '1' });
        if (keep) fs.copyFileSync(pdf, path.join(keep, path.basename(pdf)));
        for (const style of styles) {
          const args = ['-enc', 'UTF-8', ...(style === 'pdf-raw' ? ['-raw'] : []), pdf, '-'];
          texts[style].push(execFileSync('pdftotext', args, { maxBuffer: 64 << 20 }).toString('utf8').replace(/\f+$/u, ''));
        }
        fs.rmSync(pdf);
        furniture.set(page.number, pageFurniture(L));
      }
      return Object.fromEntries(styles.map(s => [s, { text: texts[s].join('\f'), furniture }]));
    },
    async close() {
      await browser.close().catch(() => {});
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
