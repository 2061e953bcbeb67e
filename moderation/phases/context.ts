/**
 * The contract every phase shares (Coral Talk's phases, adapted): a phase asks
 * only for the context it needs, returns findings (or nothing), and may stop
 * the pipeline or drop earlier findings.
 */
import type { NormalisedText } from '../normalise.js';
import type { CompiledPolicy } from '../compiled-policy.js';
import type { Finding, Surface } from '../types.js';

export interface PhaseContext {
  readonly text: string;
  readonly norm: NormalisedText;
  readonly policy: CompiledPolicy;
  readonly surface: Surface | undefined;
  /** Findings from earlier phases (read-only). */
  readonly findings: readonly Finding[];
}

export interface PhaseResult {
  readonly findings?: readonly Finding[];
  /** Stop the pipeline: later phases do not run. */
  readonly stop?: boolean;
  /** Drop earlier (and this phase's) findings for which this returns true. */
  readonly drop?: (finding: Finding) => boolean;
}

export type Phase = (ctx: PhaseContext) => PhaseResult | undefined;
