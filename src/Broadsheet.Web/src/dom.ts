// Building the page from data without innerHTML: every string from the archive becomes a text node.

type Child = Node | string | null | undefined | false;
type Children = Child | Children[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Children[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else if (typeof child === 'string') el.appendChild(document.createTextNode(child));
  }
}

/** The app's own links: hash routes, so they work under any prefix and can be shared. */
export function route(path: string, params?: Record<string, string | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) qs.set(k, v);
  const q = qs.toString();
  return `#/${path}${q ? `?${q}` : ''}`;
}

export function searchLink(params: Record<string, string | null | undefined>): string {
  return route('search', params);
}

export function articleLink(id: string): string {
  return route(`article/${encodeURIComponent(id)}`);
}

export function issueLink(paper: string, date: string, page?: number): string {
  return route(`issue/${encodeURIComponent(paper)}/${encodeURIComponent(date)}`, page ? { page: String(page) } : undefined);
}

/** Text in Chinese gets lang="zh" so the browser picks CJK fonts and line breaking. */
export function zh<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs, ...children: Children[]): HTMLElementTagNameMap[K] {
  return h(tag, { lang: 'zh', ...attrs }, ...children);
}

/** A story's name: its headline, else (photos, editor's notes) its column or the start of its text. */
export function headline(a: { kicker?: string | null; title?: string | null; subtitle?: string | null; column?: string | null; kind?: string; paragraphs?: string[] }): string {
  const named = a.title?.trim() || a.kicker?.trim() || a.subtitle?.trim();
  if (named) return named;
  const lead = a.paragraphs?.find(p => p.trim())?.trim();
  const kind = KINDS[a.kind ?? ''] ?? 'Story';
  if (a.column?.trim()) return `${a.column.trim()} (${kind.toLowerCase()})`;
  if (lead) return lead.length > 30 ? `${lead.slice(0, 30)}…` : lead;
  return `Untitled ${kind.toLowerCase()}`;
}

/** "本报记者 谷常浩、李超  通讯员 刘丁": names grouped under their role, as the paper prints them. */
export function bylineText(byline: { name: string; role?: string | null }[] | undefined): string {
  const groups: { role: string; names: string[] }[] = [];
  for (const b of byline ?? []) {
    const role = b.role ?? '';
    const last = groups.at(-1);
    if (last && last.role === role) last.names.push(b.name);
    else groups.push({ role, names: [b.name] });
  }
  return groups.map(g => `${g.role ? `${g.role} ` : ''}${g.names.join('、')}`).join('　');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function pagesText(pages: number[] | undefined, page: number | undefined): string {
  const list = pages && pages.length > 0 ? pages : page ? [page] : [];
  if (list.length === 0) return '';
  return list.length === 1 ? `page ${list[0]}` : `pages ${list.join(', ')}`;
}

export const KINDS: Record<string, string> = {
  article: 'Article',
  brief: 'Brief',
  commentary: 'Commentary',
  photo: 'Photo',
  editorsNote: 'Editor’s note',
};
