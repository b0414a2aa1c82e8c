// The archive style: what a web edition or an archive export gives — running head, then each story's heading
// lines followed by its paragraphs, one paragraph a line, as the corpus holds them.
import { random } from './corpus.mjs';
import { runningHead, staffLines } from './furniture.mjs';
import { plain } from './gold.mjs';

/** One unit as an archive dump: { text, furniture: Map(page → lines) }. */
export function renderArchive(unit, seed) {
  const furniture = new Map();
  const pages = unit.pages.map(page => {
    const rng = random(seed, 'archive', unit.date, page.number);
    const lines = [];
    const furn = [];
    if (rng.chance(0.8)) { const head = runningHead(unit.date, page.number, rng); lines.push(head, ''); furn.push(head); }
    const gap = rng.chance(0.6); // a blank line between stories on some pages, none on others
    page.stories.forEach(({ item }, i) => {
      if (i > 0 && gap) lines.push('');
      for (const h of [item.kicker, item.title, item.subtitle]) if (h && h.trim()) lines.push(h.trim());
      for (const p of item.paragraphs) {
        if (p.trim() === '' || page.staff.includes(plain(p))) continue;
        lines.push(p.trim());
      }
    });
    const tail = [...page.staff, ...staffLines(rng, page.staff.length > 0)];
    if (tail.length > 0) lines.push('', ...tail);
    furn.push(...tail);
    furniture.set(page.number, furn);
    return lines.join('\n') + '\n';
  });
  return { text: pages.join('\f'), furniture };
}
