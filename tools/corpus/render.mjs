#!/usr/bin/env node
// Renders corpus pages into issue dumps with known answers:
//   node tools/corpus/render.mjs --corpus FILE.jsonl.gz --out DIR [--styles archive,pdf,pdf-raw] [--limit PAGES] [--seed S]
// writes DIR/{style}/{name}.txt (the dump: pages joined by form feeds) and DIR/{style}/{name}.gold.json (the contract
// JSON a correct parse yields). The same seed gives the same dumps. --gold-only rewrites the gold of dumps rendered
// before, after a change to the gold rules that leaves the printed text as it was (the accuracy harness warns when a
// gold does not account for the text its dump prints).
import fs from 'node:fs';
import path from 'node:path';
import { goldIssue, readCorpus, units } from './corpus.mjs';
import { renderArchive } from './archive.mjs';

const STYLES = ['archive', 'pdf', 'pdf-raw'];

function parseArgs(argv) {
  const args = { styles: STYLES, limit: Infinity, seed: '1' };
  for (let i = 0; i < argv.length; i++) {
    const [key, value] = [argv[i], argv[i + 1]];
    switch (key) {
      case '--corpus': args.corpus = value; i++; break;
      case '--out': args.out = value; i++; break;
      case '--styles': args.styles = value.split(',').map(s => s.trim()).filter(Boolean); i++; break;
      case '--limit': args.limit = Number(value); i++; break;
      case '--seed': args.seed = value; i++; break;
      case '--keep-pdf': args.keepPdf = value; i++; break;
      case '--dates': args.dates = value.split(','); i++; break;
      case '--gold-only': args.goldOnly = true; break;
      case '--help': case '-h': args.help = true; break;
      default: throw new Error(`unknown argument ${key} (see --help)`);
    }
  }
  return args;
}

const USAGE = 'usage: render.mjs --corpus FILE.jsonl[.gz] --out DIR [--styles archive,pdf,pdf-raw] [--limit PAGES] [--seed S] [--dates D1,D2] [--keep-pdf DIR] [--gold-only]';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) { console.log(USAGE); return; }
  if (!args.corpus || !args.out) throw new Error(USAGE);
  if (!fs.existsSync(args.corpus)) throw new Error(`no corpus at ${args.corpus}`);
  for (const s of args.styles) if (!STYLES.includes(s)) throw new Error(`unknown style ${s} (${STYLES.join(', ')})`);
  if (!(args.limit > 0)) throw new Error('--limit takes a number of pages > 0');

  const issues = readCorpus(args.corpus).filter(i => !args.dates || args.dates.includes(i.date));
  const list = units(issues, args.seed, args.limit);
  if (args.goldOnly) return regold(args, list);
  const pdfStyles = args.styles.filter(s => s !== 'archive');
  const pdf = pdfStyles.length > 0 ? await (await import('./broadsheet.mjs')).openPrinter() : null;
  try {
    for (const style of args.styles) fs.mkdirSync(path.join(args.out, style), { recursive: true });
    if (args.keepPdf) fs.mkdirSync(args.keepPdf, { recursive: true });
    let pages = 0;
    for (const unit of list) {
      if (args.styles.includes('archive')) write(args.out, 'archive', unit, renderArchive(unit, args.seed));
      if (pdf) {
        const rendered = await pdf.render(unit, args.seed, pdfStyles, args.keepPdf);
        for (const style of pdfStyles) write(args.out, style, unit, rendered[style]);
      }
      pages += unit.pages.length;
      process.stderr.write(`\r${pages} pages`);
    }
    process.stderr.write(`\r${pages} pages in ${list.length} dumps, styles ${args.styles.join(', ')} → ${args.out}\n`);
  } finally {
    await pdf?.close();
  }
}

async function regold(args, list) {
  const { unitFurniture } = await import('./broadsheet.mjs');
  for (const style of args.styles) {
    for (const unit of list) {
      const base = path.join(args.out, style, unit.name);
      if (!fs.existsSync(`${base}.txt`)) throw new Error(`no dump ${base}.txt to write the gold of: render it first`);
      const furniture = style === 'archive' ? renderArchive(unit, args.seed).furniture : unitFurniture(unit, args.seed);
      fs.writeFileSync(`${base}.gold.json`, JSON.stringify(goldIssue(unit, furniture), null, 1) + '\n');
    }
  }
  process.stderr.write(`gold of ${list.length} dumps rewritten, styles ${args.styles.join(', ')} → ${args.out}\n`);
}

function write(out, style, unit, { text, furniture }) {
  const base = path.join(out, style, unit.name);
  fs.writeFileSync(`${base}.txt`, text);
  fs.writeFileSync(`${base}.gold.json`, JSON.stringify(goldIssue(unit, furniture), null, 1) + '\n');
}

main().catch(e => { console.error(`render: ${e.message}`); process.exit(1); });
