/**
 * createModerator: composes normalise → local phases → (optional) remote
 * classifiers → verdict. One moderator per organisation policy; it holds no
 * per-message state, so one instance can serve every request.
 */
import { compilePolicy } from './compiled-policy.js';
import { ModerationInputError } from './errors.js';
import { normalise, type NormalisedText } from './normalise.js';
import { LOCAL_PHASES } from './phases/index.js';
import type { PhaseContext } from './phases/context.js';
import { parsePolicy, type ModerationPolicy, type ModerationPolicyInput } from './policy.js';
import { RemoteClassifierError, type RemoteClassifier, type RemoteErrorCode } from './remote/classifier.js';
import {
  FILTER_ERROR,
  REMOTE_UNAVAILABLE,
  type CheckContext,
  type Finding,
  type RemoteStatus,
  type Verdict,
} from './types.js';
import { buildVerdict } from './verdict.js';
import { VOCABULARY } from './vocabulary.js';

export const DEFAULT_MAX_LENGTH = 2000;
export const DEFAULT_REMOTE_TIMEOUT_MS = 2000;

export interface RemoteFailureEvent {
  readonly classifier: string;
  readonly code: RemoteErrorCode;
  readonly status?: number | undefined;
}

export interface ModeratorOptions {
  /** A parsed policy or raw input (validated here; throws PolicyError if invalid). */
  readonly policy?: ModerationPolicy | ModerationPolicyInput;
  /** Remote classifiers; none by default (local only). */
  readonly classifiers?: readonly RemoteClassifier[];
  /** Longest text accepted, in UTF-16 code units. Default 2000. */
  readonly maxLength?: number;
  /** Upper bound on each remote classifier call, whatever the classifier's own timeout. Default 2000 ms. */
  readonly remoteTimeoutMs?: number;
  /** Told about each remote failure (never the text), e.g. to log or count it. */
  readonly onRemoteFailure?: (event: RemoteFailureEvent) => void;
}

export interface ModeratorStats {
  readonly checks: number;
  readonly remoteCalls: number;
  readonly remoteFailures: number;
  readonly remoteTimeouts: number;
  readonly filterErrors: number;
}

export interface Moderator {
  readonly policy: ModerationPolicy;
  readonly maxLength: number;
  /** Local stages then remote classifiers. Rejects with ModerationInputError for bad input. */
  check(text: string, context?: CheckContext): Promise<Verdict>;
  /** Local stages only, synchronous. Throws ModerationInputError for bad input, nothing else. */
  checkLocal(text: string, context?: CheckContext): Verdict;
  stats(): ModeratorStats;
}

function validate(text: unknown, maxLength: number): asserts text is string {
  if (typeof text !== 'string') throw new ModerationInputError('NOT_A_STRING');
  if (text.length > maxLength) throw new ModerationInputError('TEXT_TOO_LONG', { length: text.length, maxLength });
}

export function createModerator(options: ModeratorOptions = {}): Moderator {
  const policy = parsePolicy(options.policy ?? {});
  const compiled = compilePolicy(policy);
  const classifiers = options.classifiers ?? [];
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const remoteTimeoutMs = options.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError('maxLength must be a positive integer');
  const counters = { checks: 0, remoteCalls: 0, remoteFailures: 0, remoteTimeouts: 0, filterErrors: 0 };

  function runLocal(text: string, context: CheckContext | undefined): { norm: NormalisedText; findings: Finding[] } {
    const norm = normalise(text, { vocabulary: VOCABULARY });
    let findings: Finding[] = [];
    // One context per message; replaced only when a phase changes the findings.
    let ctx: PhaseContext = { text, norm, policy: compiled, surface: context?.surface, findings };
    for (const phase of LOCAL_PHASES) {
      const result = phase(ctx);
      if (result === undefined) continue;
      if (result.findings !== undefined && result.findings.length > 0) findings = findings.concat(result.findings);
      if (result.drop !== undefined) findings = findings.filter((f) => !result.drop?.(f));
      ctx = { text, norm, policy: compiled, surface: context?.surface, findings };
      if (result.stop === true) break;
    }
    return { norm, findings };
  }

  /** A bug in a stage must never crash a chat or pass text silently: hold it for a person. */
  function failSafe(text: string): Finding[] {
    counters.filterErrors++;
    return [{ stage: 'input', rule: 'internal-error', category: FILTER_ERROR, severity: 'none', span: [0, text.length], action: 'hold' }];
  }

  function localFindings(text: string, context: CheckContext | undefined): Finding[] {
    try {
      return runLocal(text, context).findings;
    } catch {
      return failSafe(text);
    }
  }

  async function runRemote(
    text: string,
    local: readonly Finding[],
    context: CheckContext | undefined,
  ): Promise<{ findings: Finding[]; status: RemoteStatus }> {
    const names = classifiers.map((c) => c.name);
    const localVerdict = buildVerdict(local, policy, context?.surface);
    if (localVerdict.escalate && !policy.remote.sendEscalated) return { findings: [], status: { status: 'skipped', classifiers: names } };
    if (text.trim().length === 0) return { findings: [], status: { status: 'skipped', classifiers: names } };

    const unsure = local.some((f) => f.category !== REMOTE_UNAVAILABLE);
    const onFailure = policy.remote.onRemoteFailure;
    const failureAction = onFailure === 'hold' || (onFailure === 'hold-if-unsure' && unsure) ? 'hold' : 'allow';
    const findings: Finding[] = [];
    let failed = false;

    await Promise.all(
      classifiers.map(async (classifier) => {
        counters.remoteCalls++;
        const guard = new AbortController();
        const timer = setTimeout(
          () => guard.abort(new RemoteClassifierError('TIMEOUT', `${classifier.name} did not answer within ${remoteTimeoutMs} ms.`)),
          remoteTimeoutMs,
        );
        const signal = context?.signal !== undefined ? AbortSignal.any([context.signal, guard.signal]) : guard.signal;
        try {
          const scores = await Promise.race([
            classifier.classify(text, { signal }),
            new Promise<never>((_, reject) => {
              const fail = (): void => reject(signal.reason instanceof Error ? signal.reason : new RemoteClassifierError('ABORTED', 'aborted'));
              if (signal.aborted) fail();
              else signal.addEventListener('abort', fail, { once: true });
            }),
          ]);
          for (const [attribute, score] of Object.entries(scores)) {
            const th = policy.remote.thresholds[attribute];
            if (th === undefined || typeof score !== 'number' || !Number.isFinite(score)) continue;
            const block = th.block !== undefined && score >= th.block;
            const hold = th.hold !== undefined && score >= th.hold;
            const escalate = th.escalate !== undefined && score >= th.escalate;
            if (!block && !hold && !escalate) continue;
            findings.push({
              stage: 'remote',
              rule: `${classifier.name}:${attribute}`,
              category: th.category ?? 'toxicity',
              severity: escalate ? 'medium' : 'low',
              span: [0, text.length],
              action: block ? 'block' : 'hold',
              escalate,
            });
          }
        } catch (e) {
          failed = true;
          counters.remoteFailures++;
          const code: RemoteErrorCode = e instanceof RemoteClassifierError ? e.code : 'NETWORK';
          if (code === 'TIMEOUT') counters.remoteTimeouts++;
          findings.push({
            stage: 'remote',
            rule: REMOTE_UNAVAILABLE,
            category: REMOTE_UNAVAILABLE,
            severity: 'none',
            span: [0, 0],
            action: failureAction,
          });
          try {
            options.onRemoteFailure?.({ classifier: classifier.name, code, status: e instanceof RemoteClassifierError ? e.status : undefined });
          } catch {
            // a logging hook must not change the verdict
          }
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return { findings, status: { status: failed ? 'failed' : 'ok', classifiers: names } };
  }

  return {
    policy,
    maxLength,
    checkLocal(text, context) {
      validate(text, maxLength);
      counters.checks++;
      return buildVerdict(localFindings(text, context), policy, context?.surface);
    },
    async check(text, context) {
      validate(text, maxLength);
      counters.checks++;
      const local = localFindings(text, context);
      if (classifiers.length === 0) return buildVerdict(local, policy, context?.surface);
      const remote = await runRemote(text, local, context);
      // Remote findings are only added, and the verdict takes the most cautious of all:
      // a remote classifier can raise concern, never lower it.
      return buildVerdict([...local, ...remote.findings], policy, context?.surface, remote.status);
    },
    stats() {
      return { ...counters };
    },
  };
}

