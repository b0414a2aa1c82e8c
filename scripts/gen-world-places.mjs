// Generates src/Broadsheet.Enrichment/Data/world-places.tsv from Unicode CLDR's Chinese display names (Unicode-3.0
// licence): every country, territory and world region (cldr-localenames-full, territories.json) and every city CLDR
// names for a time zone (cldr-dates-full, timeZoneNames.json exemplar cities: 开罗, 卡拉奇, 莫斯科).
//
//   tmp=$(mktemp -d) && (cd "$tmp" && npm init -y >/dev/null && npm install --no-save cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0)
//   node scripts/gen-world-places.mjs "$tmp/node_modules" > src/Broadsheet.Enrichment/Data/world-places.tsv
//
// Output, one name a line: name TAB kind (country, region or city). Variants in brackets are dropped (刚果（金） → 刚果).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const modules = process.argv[2];
if (!modules) { console.error('usage: node scripts/gen-world-places.mjs NODE_MODULES_DIR > world-places.tsv'); process.exit(2); }
const load = (path) => JSON.parse(readFileSync(join(modules, path), 'utf8'));

// Codes that are no place (the world, pseudo-locales, the unknown region) or a body rather than a place (欧盟, 联合国).
const skip = new Set(['001', 'EU', 'EZ', 'UN', 'XA', 'XB', 'ZZ', 'QO']);
const rows = new Map();
const add = (name, kind) => {
  name = name.replace(/（[^）]*）/g, '').trim();
  if (name.length >= 2 && /^\p{Script=Han}+$/u.test(name) && !rows.has(name)) rows.set(name, kind);
};

const territories = load('cldr-localenames-full/main/zh/territories.json').main.zh.localeDisplayNames.territories;
for (const [code, name] of Object.entries(territories)) {
  const base = code.split('-')[0];
  if (skip.has(base)) continue;
  add(name, /^\d+$/.test(base) ? 'region' : 'country');
}
const zones = load('cldr-dates-full/main/zh/timeZoneNames.json').main.zh.dates.timeZoneNames.zone;
(function walk(node) {
  for (const [key, value] of Object.entries(node)) {
    if (!value || typeof value !== 'object') continue;
    if (typeof value.exemplarCity === 'string' && key !== 'Unknown') add(value.exemplarCity, 'city');
    walk(value);
  }
})(zones);

process.stdout.write([...rows].map(([name, kind]) => `${name}\t${kind}`).join('\n') + '\n');
