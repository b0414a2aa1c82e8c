import { ApiError } from '../api';
import { h } from '../dom';

/** One line saying what went wrong; a key prompt when the archive wants one. Never a stack trace. */
export function errorBox(e: unknown): HTMLElement {
  const message = e instanceof ApiError ? e.message : 'Something went wrong in the page — reload to try again.';
  if (!(e instanceof ApiError)) console.error(e);
  return h('div', { class: 'error', role: 'alert' },
    h('p', {}, message),
    e instanceof ApiError && e.needsKey
      ? h('button', { type: 'button', class: 'secondary', onclick: () => document.dispatchEvent(new CustomEvent('broadsheet:open-key')) }, 'Enter key')
      : null);
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** A polite live region: screen readers hear result counts and progress. */
export function statusLine(): HTMLParagraphElement {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

export interface View {
  /** Renders (or re-renders) for the route's parameters; `signal` aborts when the user navigates away. */
  update(params: URLSearchParams, path: string[], signal: AbortSignal): void;
  readonly element: HTMLElement;
  /** Where focus goes after navigating here (a heading, so screen readers announce the new page). */
  readonly focusTarget?: HTMLElement | null;
}
