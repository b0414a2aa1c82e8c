import { api } from '../api';
import { articleLink, bylineText, h, headline, issueLink, KINDS, plural, zh } from '../dom';
import type { ArticleSummary, IssueRow } from '../types';
import { errorBox, isAbort, statusLine, type View } from './common';

const POLL_MS = 3000;

/** Every upload, newest first as the API gives them; failed ones with their reason. Refreshes while any is in progress. */
export class IssuesView implements View {
  readonly element = h('section', { class: 'view issues-view' });
  readonly focusTarget = h('h1', { tabindex: '-1' }, 'Issues');
  private readonly status = statusLine();
  private readonly list = h('ul', { class: 'issue-list' });
  private readonly more = h('button', { type: 'button', class: 'more secondary', hidden: true }, 'More issues');
  private readonly errors = h('div', {});
  private token: string | null = null;
  private signal: AbortSignal | null = null;

  constructor() {
    this.element.append(this.focusTarget, this.errors, this.status, this.list, this.more);
    this.more.addEventListener('click', () => void this.load(true));
  }

  update(_params: URLSearchParams, _path: string[], signal: AbortSignal): void {
    document.title = 'Issues — Broadsheet';
    this.signal = signal;
    this.list.replaceChildren();
    this.errors.replaceChildren();
    this.token = null;
    void this.load(false);
  }

  private async load(more: boolean, quiet = false): Promise<void> {
    const signal = this.signal!;
    const query = new URLSearchParams();
    if (more && this.token) query.set('continuationToken', this.token);
    if (!quiet) this.status.textContent = 'Loading issues…';
    try {
      const page = await api.issues(query, signal);
      if (signal.aborted) return;
      if (!more) this.list.replaceChildren();
      this.list.append(...page.items.map(issueItem));
      this.token = page.continuationToken ?? null;
      this.more.hidden = !this.token;
      const rows = [...this.list.children];
      const busy = rows.filter(r => r.classList.contains('status-queued') || r.classList.contains('status-running')).length;
      this.status.textContent = rows.length === 0
        ? 'No issues yet: upload a dump to the issues container (or run `broadsheet upload FILE`).'
        : `${rows.length} ${rows.length === 1 ? 'issue' : 'issues'}${busy ? `, ${busy} in progress — refreshing` : ''}.`;
      this.errors.replaceChildren();
      if (busy && !more) setTimeout(() => { if (!signal.aborted) void this.load(false, true); }, POLL_MS);
    } catch (e) {
      if (isAbort(e)) return;
      this.status.textContent = '';
      this.errors.replaceChildren(errorBox(e));
    }
  }
}

function issueItem(i: IssueRow): HTMLLIElement {
  const status = String(i.status ?? 'unknown');
  const name = [i.paper, i.date].filter(Boolean).join(' · ') || i.blob || '(unnamed upload)';
  const counts = status === 'complete'
    ? [plural(i.pages ?? 0, 'page', 'pages'), plural(i.articles ?? 0, 'story', 'stories'), i.unassigned ? plural(i.unassigned, 'unplaced fragment', 'unplaced fragments') : null]
    : [];
  return h('li', { class: `issue status-${status}` },
    h('div', { class: 'issue-head' },
      h('h2', {}, i.paper && i.date && status === 'complete' ? zh('a', { href: issueLink(i.paper, i.date) }, name) : zh('span', {}, name)),
      h('span', { class: `badge ${status}` }, status)),
    status === 'failed' ? h('p', { class: 'reason' }, h('strong', {}, 'Reason: '), i.error || 'no reason was recorded') : null,
    h('p', { class: 'meta' }, [...counts, i.blob ? `blob ${i.blob}` : null, i.updated ? `updated ${formatTime(i.updated)}` : null]
      .filter(Boolean).join(' · ')));
}

/** Local time as ISO dates are written everywhere else: 2022-08-08 14:03. */
function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** One issue: its stories page by page, each under every page it spans. */
export class IssueView implements View {
  readonly element = h('section', { class: 'view issue-view' });
  focusTarget: HTMLElement | null = null;

  update(params: URLSearchParams, path: string[], signal: AbortSignal): void {
    const [paper = '', date = ''] = path;
    const status = statusLine();
    status.textContent = 'Loading the issue…';
    this.element.replaceChildren(status);
    this.focusTarget = null;
    void this.load(paper, date, Number(params.get('page')) || 0, signal, status);
  }

  private async load(paper: string, date: string, page: number, signal: AbortSignal, status: HTMLElement): Promise<void> {
    try {
      const issue = await api.issue(paper, date, signal);
      if (signal.aborted) return;
      const stories = issue.articleList ?? [];
      const byPage = new Map<number, ArticleSummary[]>();
      for (const a of stories)
        for (const p of a.pages?.length ? a.pages : [a.page ?? 0]) {
          if (!byPage.has(p)) byPage.set(p, []);
          byPage.get(p)!.push(a);
        }
      const pages = [...byPage.keys()].sort((x, y) => x - y);
      const title = zh('h1', { tabindex: '-1' }, `${issue.paper ?? paper} · ${issue.date ?? date}`);
      const sections = pages.map(p => h('section', { class: 'page', id: `page-${p}`, 'aria-labelledby': `page-${p}-title` },
        h('h2', { id: `page-${p}-title` }, p ? `Page ${p}` : 'Page unknown'),
        h('ol', { class: 'story-list' }, byPage.get(p)!.map(a => storyItem(a, p)))));
      this.element.replaceChildren(...[
        h('nav', { class: 'crumbs', 'aria-label': 'Where this issue is' }, h('a', { href: '#/issues' }, 'Issues')),
        title,
        h('p', { class: 'meta' }, [`status ${issue.status ?? 'unknown'}`, plural(issue.pages ?? pages.length, 'page', 'pages'), plural(stories.length, 'story', 'stories')].join(' · ')),
        issue.status === 'failed' ? h('p', { class: 'reason' }, h('strong', {}, 'Reason: '), issue.error ?? '') : null,
        pages.length > 1 ? h('nav', { class: 'page-index', 'aria-label': 'Pages' }, 'Go to page ',
          pages.map(p => h('a', { href: issueLink(issue.paper ?? paper, issue.date ?? date, p) }, String(p)))) : null,
        ...sections,
        stories.length === 0 ? h('p', { class: 'note' }, 'No stories in this issue yet.') : null,
      ].filter((n): n is HTMLElement => n !== null));
      document.title = `${issue.paper ?? paper} ${issue.date ?? date} — Broadsheet`;
      const target = page ? this.element.querySelector<HTMLElement>(`#page-${page}`) : null;
      if (page && !target) title.after(h('p', { class: 'note', role: 'status' }, `Page ${page} has no stories in this upload.`));
      this.focusTarget = title;
      if (target) target.scrollIntoView(); else title.focus();
    } catch (e) {
      if (isAbort(e)) return;
      status.textContent = '';
      this.element.replaceChildren(errorBox(e));
    }
  }
}

function storyItem(a: ArticleSummary, page: number): HTMLLIElement {
  const first = (a.pages?.[0] ?? a.page) === page;
  const notes = [
    a.kind && a.kind !== 'article' ? KINDS[a.kind] ?? a.kind : null,
    bylineText(a.byline) || null,
    a.column,
    !first ? `continued from page ${a.pages?.[0] ?? a.page}` : null,
    first && (a.pages?.length ?? 0) > 1 ? `continues on page ${a.pages!.slice(1).join(', ')}` : null,
  ].filter(Boolean);
  return h('li', {},
    a.kicker && a.kicker !== a.title ? zh('span', { class: 'kicker' }, a.kicker) : null,
    zh('a', { href: articleLink(a.id) }, headline(a)),
    a.subtitle && a.subtitle !== a.title ? zh('span', { class: 'deck' }, a.subtitle) : null,
    notes.length ? zh('span', { class: 'meta' }, notes.join(' · ')) : null);
}
