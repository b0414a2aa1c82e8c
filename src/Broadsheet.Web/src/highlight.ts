// The matching passage of a search result: the window of body text around the best hit, with hits marked.
// The API matches Chinese by segments (bigrams), so a query need not appear verbatim: we look for the
// whole term first, then for its two-character pieces.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CLOSERS = '”’」』）)';

/** The strings worth marking for a query: each whitespace-separated term, and for Chinese terms their bigrams. */
export function needles(q: string): string[] {
  const out = new Set<string>();
  for (const term of q.split(/\s+/).filter(Boolean)) {
    out.add(term);
    if (CJK.test(term) && term.length > 2)
      for (let i = 0; i + 2 <= term.length; i++) out.add(term.slice(i, i + 2));
  }
  // Longest first, so a whole term wins over its pieces.
  return [...out].sort((a, b) => b.length - a.length);
}

export interface Passage { text: string; start: number; end: number }

/** The passage around the first hit of the longest needle found, at most `width` characters, cut at sentence ends where possible. */
export function findPassage(texts: string[], q: string, width = 120): Passage | null {
  const all = needles(q);
  for (const needle of all) {
    const lower = needle.toLowerCase();
    for (const text of texts) {
      const at = text.toLowerCase().indexOf(lower);
      if (at < 0) continue;
      let start = Math.max(0, at - Math.floor((width - needle.length) / 2));
      const sentence = text.lastIndexOf('。', at);
      if (sentence >= start && sentence < at) start = sentence + 1;
      while (start < at && CLOSERS.includes(text[start]!)) start++; // 。” ends a quoted sentence: start after the quote mark
      const end = Math.min(text.length, start + width);
      return { text, start, end };
    }
  }
  return null;
}

/** Splits text into plain and marked runs (case-insensitive, longest needle first, no overlaps). */
export function markRuns(text: string, q: string): { text: string; hit: boolean }[] {
  const all = needles(q).map(n => n.toLowerCase());
  const lower = text.toLowerCase();
  const runs: { text: string; hit: boolean }[] = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    const needle = all.find(n => lower.startsWith(n, i));
    if (needle) {
      if (plain) runs.push({ text: plain, hit: false });
      plain = '';
      runs.push({ text: text.slice(i, i + needle.length), hit: true });
      i += needle.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) runs.push({ text: plain, hit: false });
  return runs;
}

export function marked(text: string, q: string): (Node | string)[] {
  if (!q.trim()) return [text];
  return markRuns(text, q).map(r => {
    if (!r.hit) return r.text;
    const mark = document.createElement('mark');
    mark.textContent = r.text;
    return mark;
  });
}
