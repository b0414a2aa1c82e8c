import { api } from '../api';
import { articleLink, bylineText, h, headline, KINDS, pagesText, zh } from '../dom';
import { findPassage, marked } from '../highlight';
import type { Article } from '../types';
import { errorBox, isAbort, statusLine, type View } from './common';

/** The search parameters the page offers; all go to GET /api/articles as they are. */
const FILTERS: { name: string; label: string; type?: string; placeholder?: string }[] = [
  { name: 'paper', label: 'Paper', placeholder: 'e.g. 济宁日报' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
  { name: 'person', label: 'Person', placeholder: 'e.g. 刘东利' },
  { name: 'place', label: 'Place', placeholder: 'e.g. 嘉祥' },
  { name: 'org', label: 'Organisation' },
  { name: 'author', label: 'Author' },
  { name: 'column', label: 'Column' },
];
// `top` (page size) has no field but is kept when it comes in a link.
export const SEARCH_PARAMS = ['q', ...FILTERS.map(f => f.name), 'kind', 'top'];

export class SearchView implements View {
  readonly element: HTMLElement;
  readonly focusTarget: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly filters: HTMLDetailsElement;
  private readonly status = statusLine();
  private readonly results = h('ol', { class: 'results', 'aria-label': 'Search results' });
  private readonly more = h('button', { type: 'button', class: 'more secondary', hidden: true }, 'More results');
  private readonly errors = h('div', {});
  private token: string | null = null;
  private params = new URLSearchParams();
  private signal: AbortSignal | null = null;
  private shown = 0;

  constructor(private readonly navigate: (hash: string) => void) {
    const heading = h('h1', { class: 'visually-hidden', tabindex: '-1' }, 'Search the archive');
    this.focusTarget = heading;
    const papers = h('datalist', { id: 'papers' });
    this.filters = h('details', { class: 'filters' },
      h('summary', {}, 'Filters'),
      h('div', { class: 'filter-grid' },
        FILTERS.map(f => h('label', {},
          h('span', {}, f.label),
          h('input', { name: f.name, type: f.type ?? 'text', placeholder: f.placeholder, list: f.name === 'paper' ? 'papers' : null, autocomplete: 'off' }))),
        h('label', {},
          h('span', {}, 'Kind'),
          h('select', { name: 'kind' }, h('option', { value: '' }, 'Any'), Object.entries(KINDS).map(([v, t]) => h('option', { value: v }, t))))),
      h('button', { type: 'button', class: 'link', onclick: () => this.clearFilters() }, 'Clear filters'));
    this.form = h('form', { class: 'search', role: 'search', onsubmit: (e: Event) => this.submit(e) },
      h('div', { class: 'searchbar' },
        h('label', { for: 'q', class: 'visually-hidden' }, 'Keywords'),
        h('input', { id: 'q', name: 'q', type: 'search', placeholder: 'Search the archive — 关键词', autocomplete: 'off', enterkeyhint: 'search' }),
        h('button', { type: 'submit' }, 'Search')),
      this.filters, papers);
    this.more.addEventListener('click', () => void this.load(true));
    this.element = h('section', { class: 'view search-view' }, heading, this.form, this.errors, this.status, this.results, this.more);
    void this.loadPapers(papers);
  }

  update(params: URLSearchParams): void {
    this.params = new URLSearchParams();
    for (const name of SEARCH_PARAMS) {
      const v = params.get(name)?.trim();
      if (v) this.params.set(name, v);
    }
    for (const name of SEARCH_PARAMS) {
      const field = this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (field) field.value = this.params.get(name) ?? '';
    }
    if (FILTERS.some(f => this.params.has(f.name)) || this.params.has('kind')) this.filters.open = true;
    document.title = this.params.size ? `${[...this.params.values()].join(' ')} — Broadsheet` : 'Search — Broadsheet';
  }

  /** Runs the search for the current parameters; called by the router with a fresh signal per navigation. */
  run(signal: AbortSignal): void {
    this.signal = signal;
    this.results.replaceChildren();
    this.errors.replaceChildren();
    this.more.hidden = true;
    this.token = null;
    this.shown = 0;
    if (this.params.size === 0) {
      this.status.textContent = 'Type a keyword, or open Filters to search by person, place, organisation, author, column or date.';
      return;
    }
    void this.load(false);
  }

  private async load(more: boolean): Promise<void> {
    const signal = this.signal;
    const query = new URLSearchParams(this.params);
    if (more && this.token) query.set('continuationToken', this.token);
    this.status.textContent = more ? 'Loading more…' : 'Searching…';
    this.more.disabled = true;
    try {
      const page = await api.searchArticles(query, signal ?? undefined);
      if (signal?.aborted) return;
      // What to mark in the passage: the keywords, else the name searched for.
      const q = this.params.get('q') ?? this.params.get('person') ?? this.params.get('place') ?? this.params.get('org') ?? '';
      const start = this.shown;
      for (const article of page.items) this.results.append(resultItem(article, q));
      this.shown += page.items.length;
      this.token = page.continuationToken ?? null;
      this.more.hidden = !this.token;
      this.more.disabled = false;
      this.status.textContent = this.shown === 0
        ? 'No stories match.'
        : `${this.shown} ${this.shown === 1 ? 'story' : 'stories'}${this.token ? ', more available' : ''}.`;
      // Loading more moves focus to the first new result, so keyboard users carry on where they were.
      if (more) (this.results.children[start]?.querySelector('a') as HTMLElement | null)?.focus();
    } catch (e) {
      if (isAbort(e)) return;
      this.status.textContent = '';
      this.errors.replaceChildren(errorBox(e));
      this.more.disabled = false;
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    const data = new FormData(this.form);
    const params = new URLSearchParams();
    for (const name of SEARCH_PARAMS) {
      const v = String(data.get(name) ?? '').trim();
      if (v) params.set(name, v);
    }
    this.navigate(`#/search${params.size ? `?${params}` : ''}`);
  }

  private clearFilters(): void {
    for (const f of [...FILTERS.map(f => f.name), 'kind']) {
      const field = this.form.elements.namedItem(f) as HTMLInputElement | HTMLSelectElement | null;
      if (field) field.value = '';
    }
  }

  /** Paper names for the filter's suggestions; optional, so failures stay quiet. */
  private async loadPapers(list: HTMLDataListElement): Promise<void> {
    try {
      const page = await api.issues(new URLSearchParams({ top: '200' }));
      const names = new Set(page.items.map(i => i.paper).filter((p): p is string => !!p));
      list.replaceChildren(...[...names].sort().map(p => h('option', { value: p })));
    } catch { /* suggestions only */ }
  }
}

function resultItem(a: Article, q: string): HTMLLIElement {
  const paragraphs = a.paragraphs ?? [];
  const passage = q ? findPassage(paragraphs, q) : null;
  let snippet: (Node | string)[];
  if (passage) {
    const { text, start, end } = passage;
    snippet = [start > 0 ? '…' : '', ...marked(text.slice(start, end), q), end < text.length ? '…' : ''];
  } else {
    const lead = a.enrichment?.summary || paragraphs[0] || '';
    snippet = lead ? [lead.length > 120 ? `${lead.slice(0, 120)}…` : lead] : [];
  }
  const title = headline(a);
  const meta = [a.paper, a.date, pagesText(a.pages, a.page), bylineText(a.byline), a.column, a.kind && a.kind !== 'article' ? KINDS[a.kind] ?? a.kind : null]
    .filter((s): s is string => !!s);
  return h('li', { class: 'result' },
    h('article', {},
      a.kicker && a.kicker !== title ? zh('p', { class: 'kicker' }, a.kicker) : null,
      h('h2', {}, zh('a', { href: articleLink(a.id) }, ...marked(title, q))),
      a.subtitle && a.subtitle !== title ? zh('p', { class: 'deck' }, a.subtitle) : null,
      zh('p', { class: 'meta' }, meta.join(' · ')),
      snippet.length ? zh('p', { class: 'passage' }, ...snippet) : null));
}
