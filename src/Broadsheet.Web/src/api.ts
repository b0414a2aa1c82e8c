import type { Article, IssueDetail, IssueRow, Page } from './types';

const KEY_STORAGE = 'broadsheet.functionKey';

/** The function key the user typed: kept for this tab only, sent as a header, never put in a URL. */
export const functionKey = {
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set: (key: string) => sessionStorage.setItem(KEY_STORAGE, key),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

/**
 * Where the API lives, from where this page was loaded: the page is served at {prefix}/ui/. In Azure the route
 * prefix is "api", so the page is /api/ui/ and the API /api/; the dev host serves the page at /ui/ and the API at /api/.
 */
export function apiBase(location: Location = window.location): URL {
  let dir = new URL('.', location.href).pathname;
  if (dir.endsWith('/ui/')) dir = dir.slice(0, -'ui/'.length);
  if (!dir.endsWith('/api/')) dir += 'api/';
  return new URL(dir, location.origin);
}

/** An API failure, with the one line the API gave (or one we wrote) and what the user can do about it. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) { super(message); }
  get needsKey(): boolean { return this.status === 401 || this.status === 403; }
}

async function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const url = new URL(path, apiBase());
  if (params) url.search = params.toString();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = functionKey.get();
  if (key) headers['x-functions-key'] = key;

  let response: Response;
  try {
    response = await fetch(url, { headers, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('The archive is not reachable — check your connection and that the service is running.', 0);
  }
  if (response.ok) return (await response.json()) as T;

  if (response.status === 401 || response.status === 403)
    throw new ApiError('The archive needs a function key: enter it under “Key”.', response.status);
  let message = `The archive answered ${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) message = body.error;
  } catch { /* not JSON: keep the status line */ }
  throw new ApiError(message, response.status);
}

export const api = {
  searchArticles: (params: URLSearchParams, signal?: AbortSignal) => get<Page<Article>>('articles', params, signal),
  article: (id: string, signal?: AbortSignal) => get<Article>(`articles/${encodeURIComponent(id)}`, undefined, signal),
  issues: (params: URLSearchParams, signal?: AbortSignal) => get<Page<IssueRow>>('issues', params, signal),
  /** The issue with its whole story list: the API pages the list (in issue order), so follow its tokens. */
  issue: async (paper: string, date: string, signal?: AbortSignal): Promise<IssueDetail> => {
    const path = `issues/${encodeURIComponent(paper)}/${encodeURIComponent(date)}`;
    const first = await get<IssueDetail>(path, new URLSearchParams({ top: '500' }), signal);
    const articleList = [...(first.articleList ?? [])];
    for (let token = first.continuationToken; token;) {
      const next = await get<IssueDetail>(path, new URLSearchParams({ top: '500', continuationToken: token }), signal);
      articleList.push(...(next.articleList ?? []));
      token = next.continuationToken;
    }
    return { ...first, articleList, continuationToken: null };
  },
};
