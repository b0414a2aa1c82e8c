// What a correct parse of one corpus story yields by the contract (docs/contract.md §1 in ../shared): the
// corpus keeps datelines, credits and bylines inside its paragraphs; the contract lifts them into their fields.
// Only unambiguous patterns are lifted, so a gold field that is set is right; one that is empty may be incomplete
// (the accuracy harness checks bylines and datelines only where the gold has them).

const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const SP = '[\\s\\u00A0\\u3000]';
const ROLE = '(?:本报记者|新华社记者|人民日报记者|特约记者|实习记者|记者|本报通讯员|特约通讯员|通讯员|实习生)';

// 本报北京9月30日电 · 新华社北京9月30日电 · 据新华社电 · 本报安卡拉、大马士革10月22日电 · 本报电
const WIRE = `(?<raw>据?(?:本报|新华社)(?<place>[${HAN}、·]{0,12}?)(?<date>(?:\\d{1,2}月)?\\d{1,2}日)?电)`;
const OPENING = new RegExp(`^${WIRE}(?:${SP}*（(?<credit>[^（）]{1,60})）)?(?:${SP}+|(?<=）)|$)`, 'u');
// （本报加德满都10月14日电）, （新华社北京10月6日电  记者胡浩、施雨岑、王鹏）, （据新华社电  记者杨绍功）
const CLOSING_WIRE = new RegExp(`^（${WIRE}(?:${SP}+(?<credit>${ROLE}[^（）]{1,50}))?）$`, 'u');
// （本报记者张贺、刘阳、张烁）, （本报记者  徐  隽整理）, （记者 戈伟 实习生 刘晓雪）
const CLOSING_CREDIT = new RegExp(`^（(?<credit>${ROLE}[^（）]{1,80}?)(?:整理)?）$`, 'u');
// 本报记者  殷新宇摄 · 龚献明摄（影像中国） · 新华社记者  曹  灿摄 · 确·胡热摄（人民视觉）
const PHOTO_CREDIT = new RegExp(`^(?<credit>(?:${ROLE}${SP}*)?[${HAN}·${' \\u00A0\\u3000'}、]{2,30}?)摄(?:（[^（）]{2,10}）)?$`, 'u');
// Page-level staff lines the web edition appends to a story: furniture on the printed page.
const STAFF = new RegExp(`^(?:本版)?(?:版式设计|美术编辑|本版制图)${SP}*[：:]`, 'u');
const NAME = new RegExp(`^[${HAN}]{2,4}$|^[${HAN}]{1,6}(?:·[${HAN}]{1,8})+$`, 'u');
const ROLE_AT = new RegExp(`^${ROLE}`, 'u');

/** Whitespace as the corpus writes it (no-break and ideographic spaces) made plain, runs kept. */
export const plain = s => (s ?? '').replace(/[\u00A0\u3000]/g, ' ').trim();

/**
 * People in a credit (`记者朱竞若、贺勇`, `本报记者 徐  隽`, `记者 戈伟 实习生 刘晓雪`, `李龙伊、程欣然`), or null
 * when any part is not a role or a name. Two single characters split by spaces are one padded name (`贺  勇`).
 */
export function parseCredit(text) {
  let rest = plain(text);
  const people = [];
  let role = null;
  while (rest.length > 0) {
    const r = rest.match(ROLE_AT);
    if (r) { role = r[0]; rest = rest.slice(r[0].length).trim(); continue; }
    const cut = rest.search(new RegExp(`${ROLE}`, 'u'));
    const chunk = cut < 0 ? rest : rest.slice(0, cut);
    rest = cut < 0 ? '' : rest.slice(cut);
    const tokens = chunk.split(/[、，,\s]+/u).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      let name = tokens[i];
      if (name.length === 1 && i + 1 < tokens.length && tokens[i + 1].length === 1) name += tokens[++i];
      if (!NAME.test(name)) return null;
      people.push({ name, role });
    }
  }
  return people.length > 0 ? people : null;
}

/** Resolves `9月30日` / `30日` against the issue date (a dateline is on or before it). */
export function datelineDate(text, issueDate) {
  if (!text) return null;
  const m = text.match(/^(?:(\d{1,2})月)?(\d{1,2})日$/u);
  if (!m) return null;
  let [y, mo] = issueDate.split('-').map(Number);
  const issueMonth = mo;
  if (m[1]) {
    mo = Number(m[1]);
    if (mo > issueMonth) y -= 1;
  } else if (Number(m[2]) > Number(issueDate.slice(8, 10))) {
    mo -= 1;
    if (mo === 0) { mo = 12; y -= 1; }
  }
  return `${y}-${String(mo).padStart(2, '0')}-${String(Number(m[2])).padStart(2, '0')}`;
}

function dateline(groups, issueDate) {
  return { raw: groups.raw, place: groups.place || null, date: datelineDate(groups.date, issueDate) };
}

const isPhotoCredit = p => PHOTO_CREDIT.test(plain(p)) && parseCredit(plain(p).match(PHOTO_CREDIT).groups.credit) !== null;

/**
 * A photo item: the web edition's `图片报道`, or a story that is nothing but captions with their credits
 * (`喜做国庆面`: one caption, `本报记者  范昊天摄`).
 */
export function isPhotoItem(item) {
  const ps = item.paragraphs ?? [];
  if (ps.length === 0) return false;
  if ((item.title ?? '').startsWith('图片报道')) return true;
  const captions = ps.filter(p => !isPhotoCredit(p));
  return isPhotoCredit(ps.at(-1)) && captions.length <= 3 && captions.every(c => plain(c).length <= 250);
}

/**
 * One corpus story → { article, furniture }: the article as the contract has it (kind, deck, byline, bylineRaw,
 * dateline, body paragraphs) and the staff lines (`版式设计：…`) that belong to the page, not the story.
 */
export function goldArticle(item, issueDate) {
  const furniture = [];
  let paragraphs = [];
  for (const p of item.paragraphs ?? []) {
    const t = plain(p);
    if (t.length === 0) continue;
    if (STAFF.test(t) && t.length <= 40) furniture.push(t);
    else paragraphs.push(t);
  }
  const photo = isPhotoItem(item);
  const byline = [];
  const raws = []; // in reading order: the opening credit, the photo items' credits, then the closing lines
  let closingAt = 0;
  let line = null;
  const credit = (text, raw, closing = false) => {
    const people = parseCredit(text);
    if (people) for (const person of people) if (!byline.some(b => b.name === person.name)) byline.push(person);
    if (closing) raws.splice(closingAt, 0, raw);
    else closingAt = raws.push(raw);
  };

  // Opening dateline with its credit: 本报北京9月30日电  （记者张烁）…
  const open = paragraphs.length > 0 ? paragraphs[0].match(OPENING) : null;
  if (open) {
    line = dateline(open.groups, issueDate);
    if (open.groups.credit !== undefined) credit(open.groups.credit, `（${plain(open.groups.credit)}）`);
    const body = paragraphs[0].slice(open[0].length).trim();
    paragraphs = body.length > 0 ? [body, ...paragraphs.slice(1)] : paragraphs.slice(1);
  }

  // A photo item's credits (one per picture) are its byline; its captions stay the body.
  if (photo) {
    paragraphs = paragraphs.filter(p => {
      if (!isPhotoCredit(p)) return true;
      credit(p.match(PHOTO_CREDIT).groups.credit, p);
      return false;
    });
  }

  // Closing lines, last first: （本报记者…）, （新华社…电）, XXX摄.
  for (;;) {
    const last = paragraphs.at(-1);
    if (last === undefined) break;
    const wire = last.match(CLOSING_WIRE);
    const closing = last.match(CLOSING_CREDIT);
    const shot = last.match(PHOTO_CREDIT);
    if (wire && !line) {
      // …电  记者梅世雄、樊永强，参与采写：… is not a plain credit: the line stays whole in the body.
      if (wire.groups.credit !== undefined && !parseCredit(wire.groups.credit)) break;
      line = dateline(wire.groups, issueDate);
      if (wire.groups.credit !== undefined) credit(wire.groups.credit, plain(wire.groups.credit), true);
    } else if (closing && parseCredit(closing.groups.credit)) {
      credit(closing.groups.credit, last, true);
    } else if (shot && parseCredit(shot.groups.credit) && (photo || paragraphs.filter(isPhotoCredit).length === 1)) {
      // a story's one picture credit; several (图①… 图⑦ under 图片说明) stay with their captions in the body
      credit(shot.groups.credit, last, true);
    } else break;
    paragraphs.pop();
  }

  return {
    article: {
      kind: photo ? 'photo' : 'article',
      kicker: plain(item.kicker) || null,
      title: plain(item.title) || null,
      subtitle: plain(item.subtitle) || null,
      byline,
      bylineRaw: raws.length > 0 ? raws.join(' ') : null,
      dateline: line,
      paragraphs,
    },
    furniture,
  };
}
