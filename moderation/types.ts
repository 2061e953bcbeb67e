/**
 * The shapes every stage and every caller of the safeguarding filter share.
 * Severity (how worried a safeguarding lead should be) is kept apart from the
 * publish action (who else may see the text): a disclosure can stay visible to
 * its author and still escalate.
 */

export const SEVERITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ACTIONS = ['allow', 'hold', 'block'] as const;
/** allow: publish; hold: hide from others until a person decides; block: refuse. */
export type Action = (typeof ACTIONS)[number];

/** Categories a safeguarding lead must be told about (they escalate by default). */
export const SAFEGUARDING_CATEGORIES = [
  'self-harm',
  'abuse',
  'sexual-exploitation',
  'criminal-exploitation',
  'missing',
  'weapons',
  'violence',
  'bullying',
  'drugs',
  'eating',
  'domestic-abuse',
  'radicalisation',
] as const;
export type SafeguardingCategory = (typeof SAFEGUARDING_CATEGORIES)[number];

/** Categories that keep group spaces safe but do not, alone, need a safeguarding lead. */
export const CONTENT_CATEGORIES = [
  'contact-details',
  'abusive-language',
  'hate',
  'toxicity',
  'blocked-term',
  'suspect-term',
] as const;
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

export const CATEGORIES = [...SAFEGUARDING_CATEGORIES, ...CONTENT_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];

/** Marks a verdict whose remote classifier failed or timed out: never a silent pass. */
export const REMOTE_UNAVAILABLE = 'remote-unavailable' as const;
/** Marks a verdict where the filter itself failed (a bug): the text is held, never passed. */
export const FILTER_ERROR = 'filter-error' as const;
export type ReasonCategory = Category | typeof REMOTE_UNAVAILABLE | typeof FILTER_ERROR;

export type Stage =
  | 'input'
  | 'safeguarding'
  | 'contact-details'
  | 'abusive-language'
  | 'policy-terms'
  | 'model'
  | 'remote';

export interface Reason {
  readonly stage: Stage;
  /** Stable rule id, e.g. `sh-intent-verb-self` or `perspective:THREAT`. */
  readonly rule: string;
  readonly category: ReasonCategory;
  readonly severity: Severity;
  /** [start, end) in UTF-16 offsets of the ORIGINAL text (not the normalised form). */
  readonly span: readonly [number, number];
}

export interface SupportContact {
  readonly name: string;
  readonly phone?: string | undefined;
  readonly text?: string | undefined;
  readonly url?: string | undefined;
  readonly note?: string | undefined;
}

export interface SupportMessage {
  readonly message: string;
  readonly contacts: readonly SupportContact[];
}

export interface RemoteStatus {
  /** ok: all configured classifiers answered; failed: at least one did not; skipped: not asked. */
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly classifiers: readonly string[];
}

export interface Verdict {
  readonly action: Action;
  readonly escalate: boolean;
  readonly severity: Severity;
  /** Concern categories, most severe first. `remote-unavailable` and `filter-error` are never listed here. */
  readonly categories: readonly Category[];
  readonly reasons: readonly Reason[];
  /** A kind, plain-words message for the author, present for disclosures and other serious verdicts. */
  readonly support?: SupportMessage;
  /** Present on verdicts from `check()` when remote classifiers are configured. */
  readonly remote?: RemoteStatus;
}

/** Where the text will be shown. Display names are public everywhere, so they are stricter. */
export type Surface = 'chat' | 'open-text' | 'word-cloud' | 'name-suggestion' | 'survey-comment' | 'display-name';

export interface CheckContext {
  readonly surface?: Surface;
  /** Lets the caller cancel remote classification (the local verdict still stands). */
  readonly signal?: AbortSignal;
}

/** A stage's internal finding: a Reason plus the stage's suggested action and escalation. */
export interface Finding extends Reason {
  readonly action?: Action;
  readonly escalate?: boolean;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function actionRank(a: Action): number {
  return ACTIONS.indexOf(a);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

export function maxAction(a: Action, b: Action): Action {
  return actionRank(a) >= actionRank(b) ? a : b;
}

export function isSafeguardingCategory(c: ReasonCategory): c is SafeguardingCategory {
  return (SAFEGUARDING_CATEGORIES as readonly string[]).includes(c);
}

export function isCategory(c: ReasonCategory): c is Category {
  return (CATEGORIES as readonly string[]).includes(c);
}
