/**
 * Turns findings into one Verdict: the publish action (most restrictive
 * wins), whether a safeguarding lead is told, the severity, the categories,
 * and the support message for the author.
 */
import { CATEGORY_DEFAULTS, type ModerationPolicy } from './policy.js';
import {
  isCategory,
  isSafeguardingCategory,
  maxAction,
  maxSeverity,
  severityRank,
  type Action,
  type Category,
  type Finding,
  type Reason,
  type RemoteStatus,
  type Severity,
  type SupportMessage,
  type Surface,
  type Verdict,
} from './types.js';

interface Resolved {
  readonly finding: Finding;
  readonly action: Action;
  readonly escalate: boolean;
  readonly severity: Severity;
}

/** Display names are shown to everyone, everywhere: content findings there are blocked. */
const STRICT_ON_DISPLAY_NAME: ReadonlySet<string> = new Set(['contact-details', 'abusive-language', 'hate', 'toxicity', 'suspect-term']);

function resolve(f: Finding, policy: ModerationPolicy, surface: Surface | undefined): Resolved | undefined {
  if (!isCategory(f.category)) {
    return { finding: f, action: f.action ?? 'hold', escalate: false, severity: f.severity };
  }
  const override = policy.categories[f.category];
  if (override?.enabled === false) return undefined;
  const defaults = CATEGORY_DEFAULTS[f.category];
  let action = override?.action ?? f.action ?? defaults.action;
  if (surface === 'display-name' && STRICT_ON_DISPLAY_NAME.has(f.category)) action = 'block';
  const severity = override?.severity ?? f.severity;
  const escalate = (override?.escalate ?? f.escalate ?? defaults.escalate) && severity !== 'none';
  return { finding: f, action, escalate, severity };
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function supportFor(resolved: readonly Resolved[], severity: Severity, escalate: boolean, policy: ModerationPolicy): SupportMessage | undefined {
  const support = policy.support;
  const wanted = new Set<Category>(support.categories);
  const byConcern = [...resolved]
    .filter((r) => isCategory(r.finding.category))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const hit = byConcern.find((r) => wanted.has(r.finding.category as Category));
  const serious = escalate && severityRank(severity) >= severityRank(support.minSeverity);
  if (hit === undefined && !serious) return undefined;
  const lead = (hit ?? byConcern[0])?.finding.category as Category | undefined;
  const message = (lead !== undefined ? support.messages[lead] : undefined) ?? support.message;
  return { message, contacts: support.contacts.map((c) => ({ ...c })) };
}

export function buildVerdict(
  findings: readonly Finding[],
  policy: ModerationPolicy,
  surface: Surface | undefined,
  remote?: RemoteStatus,
): Verdict {
  if (findings.length === 0) {
    return { action: 'allow', escalate: false, severity: 'none', categories: [], reasons: [], ...(remote !== undefined ? { remote } : {}) };
  }
  // A swear word inside a disclosure ("i was raped", "he beat the shit out of me") is part of
  // the disclosure: it must not turn a held disclosure into a rejected message.
  const safeguardingSpans = findings.filter((f) => isSafeguardingCategory(f.category)).map((f) => f.span);
  const kept = findings.filter(
    (f) => !((f.category === 'abusive-language' || f.category === 'hate') && safeguardingSpans.some((s) => overlaps(s, f.span))),
  );
  const resolved = kept.map((f) => resolve(f, policy, surface)).filter((r): r is Resolved => r !== undefined);

  let action: Action = 'allow';
  let severity: Severity = 'none';
  let escalate = false;
  const categorySeverity = new Map<Category, Severity>();
  for (const r of resolved) {
    action = maxAction(action, r.action);
    severity = maxSeverity(severity, r.severity);
    escalate ||= r.escalate;
    const c = r.finding.category;
    if (isCategory(c)) categorySeverity.set(c, maxSeverity(categorySeverity.get(c) ?? 'none', r.severity));
  }
  const categories = [...categorySeverity.entries()]
    .sort((a, b) => severityRank(b[1]) - severityRank(a[1]))
    .map(([c]) => c);
  const reasons: Reason[] = resolved
    .map(({ finding: f, severity: s }) => ({ stage: f.stage, rule: f.rule, category: f.category, severity: s, span: [f.span[0], f.span[1]] as const }))
    .sort((a, b) => a.span[0] - b.span[0]);
  const support = supportFor(resolved, severity, escalate, policy);
  return {
    action,
    escalate,
    severity,
    categories,
    reasons,
    ...(support !== undefined ? { support } : {}),
    ...(remote !== undefined ? { remote } : {}),
  };
}
