import './styles.css';
import { functionKey } from './api';
import { ArticleView } from './views/article';
import type { View } from './views/common';
import { IssuesView, IssueView } from './views/issues';
import { SearchView } from './views/search';

// Hash routes keep the page one file under any prefix and make every search a shareable link:
//   #/search?q=…&person=…   #/article/{id}   #/issues   #/issue/{paper}/{date}?page=N

const main = document.getElementById('main')!;
const search = new SearchView(navigate);
const views: Record<string, () => View> = {
  search: () => search,
  article: () => new ArticleView(),
  issues: () => new IssuesView(),
  issue: () => new IssueView(),
};
let current: { name: string; view: View } | null = null;
let inFlight: AbortController | null = null;

function navigate(hash: string): void {
  if (location.hash === hash) render(false); // the same search again: run it again
  else location.hash = hash;
}

function parse(hash: string): { name: string; path: string[]; params: URLSearchParams } {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const [name = '', ...rest] = pathPart.split('/');
  const path = rest.map(s => { try { return decodeURIComponent(s); } catch { return s; } });
  return { name: name in views ? name : 'search', path, params: new URLSearchParams(query) };
}

function render(moveFocus: boolean): void {
  inFlight?.abort();
  inFlight = new AbortController();
  const { name, path, params } = parse(location.hash);
  const view = current?.name === name && name === 'search' ? current.view : views[name]!();
  if (current?.view !== view) main.replaceChildren(view.element);
  current = { name, view };
  view.update(params, path, inFlight.signal);
  if (view instanceof SearchView) view.run(inFlight.signal);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.site-nav a'))
    a.toggleAttribute('aria-current', a.dataset.view === (name === 'issue' ? 'issues' : name));
  // After following a link, announce the new page; a re-run search keeps focus where the user is typing.
  if (moveFocus && !main.contains(document.activeElement)) view.focusTarget?.focus({ preventScroll: true });
}

function keyPanel(): void {
  const toggle = document.getElementById('key-toggle') as HTMLButtonElement;
  const panel = document.getElementById('key-panel')!;
  const form = panel.querySelector('form')!;
  const input = panel.querySelector<HTMLInputElement>('#function-key')!;
  const status = panel.querySelector<HTMLElement>('.status')!;
  const show = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) input.focus();
  };
  const label = () => { toggle.textContent = functionKey.get() ? 'Key ✓' : 'Key'; };
  toggle.addEventListener('click', () => show(panel.hidden));
  document.addEventListener('broadsheet:open-key', () => show(true));
  panel.addEventListener('keydown', e => { if (e.key === 'Escape') { show(false); toggle.focus(); } });
  form.addEventListener('submit', e => {
    e.preventDefault();
    const key = input.value.trim();
    if (key) functionKey.set(key); else functionKey.clear();
    input.value = '';
    status.textContent = key ? 'Key saved for this tab.' : 'Key cleared.';
    label();
    show(false);
    toggle.focus();
    render(false);
  });
  panel.querySelector('.forget')!.addEventListener('click', () => {
    functionKey.clear();
    status.textContent = 'Key forgotten.';
    label();
  });
  label();
}

keyPanel();
window.addEventListener('hashchange', () => render(true));
render(false);
