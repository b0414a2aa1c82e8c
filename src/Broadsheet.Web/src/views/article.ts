import { api } from '../api';
import { h, headline, issueLink, KINDS, searchLink, zh } from '../dom';
import type { Article, Enrichment, JumpRef } from '../types';
import { errorBox, isAbort, statusLine, type View } from './common';

/** One story in full, with its enrichment as chips that search the archive. */
export class ArticleView implements View {
  readonly element = h('section', { class: 'view article-view' });
  focusTarget: HTMLElement | null = null;

  update(_params: URLSearchParams, path: string[], signal: AbortSignal): void {
    const id = path[0] ?? '';
    const status = statusLine();
    status.textContent = 'Loading the story…';
    this.element.replaceChildren(status);
    this.focusTarget = null;
    void this.load(id, signal, status);
  }

  private async load(id: string, signal: AbortSignal, status: HTMLElement): Promise<void> {
    try {
      const a = await api.article(id, signal);
      if (signal.aborted) return;
      const title = h('h1', { lang: 'zh', tabindex: '-1' }, headline(a));
      this.element.replaceChildren(crumbs(a), h('div', { class: 'story-layout' }, story(a, title), entities(a.enrichment)));
      document.title = `${headline(a)} — Broadsheet`;
      this.focusTarget = title;
      title.focus();
    } catch (e) {
      if (isAbort(e)) return;
      status.textContent = '';
      this.element.replaceChildren(errorBox(e));
    }
  }
}

function crumbs(a: Article): HTMLElement {
  const where = [a.paper, a.date].filter(Boolean).join(' · ');
  return h('nav', { class: 'crumbs', 'aria-label': 'Where this story is' },
    h('a', { href: '#/issues' }, 'Issues'), ' › ',
    a.paper && a.date ? zh('a', { href: issueLink(a.paper, a.date, a.page) }, where) : zh('span', {}, where || 'Unknown issue'),
    a.page ? ` › page ${a.page}` : '');
}

function story(a: Article, title: HTMLElement): HTMLElement {
  const pages = a.pages?.length ? a.pages : a.page ? [a.page] : [];
  return h('article', { class: 'story', lang: 'zh' },
    h('header', {},
      a.column ? h('p', { class: 'column' }, h('a', { href: searchLink({ column: a.column }) }, a.column)) : null,
      a.kicker && a.kicker !== a.title ? h('p', { class: 'kicker' }, a.kicker) : null,
      title,
      a.subtitle && a.subtitle !== a.title ? h('p', { class: 'deck' }, a.subtitle) : null,
      byline(a),
      a.dateline ? h('p', { class: 'dateline' },
        h('span', { class: 'label', lang: 'en' }, 'Dateline '), a.dateline.raw,
        a.dateline.place || a.dateline.date
          ? h('span', { class: 'note' }, ` (${[a.dateline.place, a.dateline.date].filter(Boolean).join(', ')})`)
          : null) : null,
      h('p', { class: 'pages', lang: 'en' },
        pages.length ? [pages.length > 1 ? 'Pages ' : 'Page ', ...pageLinks(a, pages)] : null,
        a.kind && a.kind !== 'article' ? ` · ${KINDS[a.kind] ?? a.kind}` : null,
        jump(a, pages, 'Continued from', a.continuedFrom),
        jump(a, pages, 'Continues on', a.continuesTo))),
    h('div', { class: 'body' }, (a.paragraphs ?? []).map(p => h('p', {}, p))));
}

function byline(a: Article): HTMLElement | null {
  if (a.byline?.length) {
    return h('p', { class: 'byline' },
      a.byline.map((b, i) => [
        i > 0 ? '  ' : '',
        b.role ? h('span', { class: 'role' }, `${b.role} `) : null,
        h('a', { href: searchLink({ author: b.name }), class: 'author' }, b.name),
      ]));
  }
  return a.bylineRaw ? h('p', { class: 'byline' }, a.bylineRaw) : null;
}

function pageLinks(a: Article, pages: number[]): (Node | string)[] {
  return pages.flatMap((p, i) => [
    i > 0 ? ', ' : '',
    a.paper && a.date ? h('a', { href: issueLink(a.paper, a.date, p) }, String(p)) : String(p),
  ]);
}

/**
 * Where a jump goes. Joined up (the story spans that page), it links the page; otherwise the other part was not
 * found in this upload (often its page was not uploaded), so it says so instead of linking a page without it.
 */
function jump(a: Article, pages: number[], label: string, ref: JumpRef | null | undefined): (Node | string)[] {
  if (!ref) return [];
  const where = `page ${ref.page}${ref.section ? ` (${ref.section})` : ''}`;
  const joined = pages.includes(ref.page);
  return [
    ` · ${label} `,
    joined && a.paper && a.date ? h('a', { href: issueLink(a.paper, a.date, ref.page), class: 'jump' }, where) : where,
    ' ', h('span', { class: 'note', lang: 'zh' }, ref.raw),
    ...(joined ? [] : [h('span', { class: 'note jump-missing' }, ' — not in this upload')]),
  ];
}

function entities(e: Enrichment | null | undefined): HTMLElement {
  const sections: HTMLElement[] = [];
  const section = (title: string, cls: string, ...content: (Node | null)[]) =>
    sections.push(h('section', { class: `entities-${cls}` }, h('h2', {}, title), ...content));
  const chips = (items: { label: string; note?: string | null; href: string }[]) =>
    h('ul', { class: 'chips', lang: 'zh' }, items.map(i => h('li', {},
      h('a', { class: 'chip', href: i.href }, i.label, i.note ? h('span', { class: 'chip-note' }, i.note) : null))));

  if (e?.summary) section('Summary', 'summary', zh('p', {}, e.summary));
  if (e?.people?.length)
    // Authors are indexed as authors, everyone else as people.
    section('People', 'people', chips(e.people.map(p => ({ label: p.name, note: p.title, href: searchLink(p.isAuthor ? { author: p.name } : { person: p.name }) }))));
  if (e?.places?.length)
    section('Places', 'places', chips(e.places.map(p => ({
      label: p.name, note: p.normalized && p.normalized !== p.name ? p.normalized : null, href: searchLink({ place: p.name }),
    }))));
  if (e?.organizations?.length)
    section('Organisations', 'orgs', chips(e.organizations.map(o => ({ label: o.name, note: o.shortForm, href: searchLink({ org: o.name }) }))));
  if (e?.quotes?.length)
    section('Quotes', 'quotes', h('ul', { class: 'quotes', lang: 'zh' }, e.quotes.map(q => h('li', {},
      h('blockquote', {}, q.text),
      q.speaker ? h('p', { class: 'speaker' }, '— ', h('a', { href: searchLink({ person: q.speaker }) }, q.speaker)) : null))));
  if (e?.figures?.length)
    section('Figures', 'figures', chips(e.figures.map(f => ({ label: f.text, note: f.measure, href: searchLink({ q: f.text }) }))));
  if (e?.dates?.length)
    section('Dates', 'dates', chips(e.dates.map(d => ({ label: d.text, note: d.date, href: searchLink({ q: d.text }) }))));
  if (e?.keywords?.length)
    section('Keywords', 'keywords', chips(e.keywords.map(k => ({ label: k.term, href: searchLink({ q: k.term }) }))));

  if (sections.length === 0) sections.push(h('p', { class: 'note' }, 'No people, places or organisations were found in this story.'));
  return h('aside', { class: 'entities', 'aria-label': 'In this story' }, ...sections);
}
