// The HTTP API's shapes (docs/contract.md §3, README "Contracts"). Every field may be missing on older data: render defensively.

export interface Byline { name: string; role?: string | null }
export interface Dateline { raw: string; place?: string | null; date?: string | null }
export interface JumpRef { page: number; section?: string | null; raw: string }

export interface Person { name: string; title?: string | null; mentions?: number; isAuthor?: boolean }
export interface Place { name: string; normalized?: string | null; code?: string | null }
export interface Organization { name: string; shortForm?: string | null }
export interface Quote { speaker?: string | null; text: string }
export interface Figure { text: string; value?: number; unit?: string | null; measure?: string | null }
export interface DateMention { text: string; date?: string | null; until?: string | null }
export interface Keyword { term: string; weight?: number }

export interface Enrichment {
  people?: Person[];
  places?: Place[];
  organizations?: Organization[];
  quotes?: Quote[];
  figures?: Figure[];
  dates?: DateMention[];
  keywords?: Keyword[];
  summary?: string | null;
}

export interface ArticleSummary {
  id: string;
  page?: number;
  pages?: number[];
  kind?: string;
  kicker?: string | null;
  title?: string | null;
  subtitle?: string | null;
  column?: string | null;
  byline?: Byline[];
}

export interface Article extends ArticleSummary {
  paper?: string | null;
  date?: string | null;
  localId?: string;
  bylineRaw?: string | null;
  dateline?: Dateline | null;
  continuesTo?: JumpRef | null;
  continuedFrom?: JumpRef | null;
  paragraphs?: string[];
  enrichment?: Enrichment | null;
}

export type IssueStatus = 'queued' | 'running' | 'complete' | 'failed';

export interface IssueRow {
  paper?: string | null;
  date?: string | null;
  pages?: number;
  articles?: number;
  unassigned?: number;
  status?: IssueStatus | string;
  error?: string | null;
  blob?: string | null;
  updated?: string | null;
}

export interface IssueDetail extends IssueRow { articleList?: ArticleSummary[]; continuationToken?: string | null }

export interface Page<T> { items: T[]; continuationToken?: string | null }
