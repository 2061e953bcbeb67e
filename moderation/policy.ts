/**
 * Per-organisation moderation policy, validated with zod. The module only
 * receives a policy; where it is stored and who may edit it is the server's job.
 *
 * Parse untrusted input with `parsePolicy` (or `moderationPolicySchema`): every
 * field has a default, so `{}` is the default policy.
 */
import { z } from 'zod';
import { ACTIONS, CATEGORIES, SEVERITIES, type Action, type Category, type Severity } from './types.js';

const severitySchema = z.enum(SEVERITIES);
const actionSchema = z.enum(ACTIONS);
const categorySchema = z.enum(CATEGORIES);

const termSchema = z
  .string()
  .trim()
  .min(1, 'A term cannot be empty.')
  .max(100, 'A term can be at most 100 characters.');

const categoryOverrideSchema = z
  .object({
    /** What to do with text in this category: allow, hold for a person, or block. */
    action: actionSchema.optional(),
    /** Replaces the severity every rule of this category reports. */
    severity: severitySchema.optional(),
    /** Whether a finding in this category tells a safeguarding lead. */
    escalate: z.boolean().optional(),
    /** false switches the category off entirely (findings are dropped). */
    enabled: z.boolean().optional(),
  })
  .strict();

const thresholdSchema = z
  .object({
    /** Score at or above which the text is held for a person. */
    hold: z.number().min(0).max(1).optional(),
    /** Score at or above which the text is blocked. */
    block: z.number().min(0).max(1).optional(),
    /** Score at or above which a safeguarding lead is told (severity medium). */
    escalate: z.number().min(0).max(1).optional(),
    /** Category the finding is filed under (default: toxicity). */
    category: categorySchema.optional(),
  })
  .strict();

const contactSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    phone: z.string().trim().max(40).optional(),
    text: z.string().trim().max(80).optional(),
    url: z.url().max(200).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export const DEFAULT_REMOTE_THRESHOLDS: Readonly<Record<string, z.input<typeof thresholdSchema>>> = {
  TOXICITY: { hold: 0.8, block: 0.95 },
  SEVERE_TOXICITY: { hold: 0.6, block: 0.8 },
  INSULT: { hold: 0.85 },
  PROFANITY: { hold: 0.9 },
  THREAT: { hold: 0.7, escalate: 0.85, category: 'violence' },
  IDENTITY_ATTACK: { hold: 0.6, block: 0.8, category: 'hate' },
};

/**
 * Written in easy-read plain English for an 11-year-old with communication
 * needs: short sentences, common words, one idea at a time, no blame.
 */
export const DEFAULT_SUPPORT_MESSAGE =
  'Thank you for telling us. You are not in trouble. ' +
  'A member of staff has been told. They will check in with you soon. ' +
  'You can talk to someone now, for free, any time: ' +
  'Childline on 0800 1111, or Samaritans on 116 123. ' +
  'If you are in danger right now, call 999.';

export const DEFAULT_SUPPORT_CONTACTS: readonly z.input<typeof contactSchema>[] = [
  { name: 'Childline', phone: '0800 1111', url: 'https://www.childline.org.uk', note: 'Free, any time, for anyone under 19.' },
  { name: 'Samaritans', phone: '116 123', note: 'Free, any time, day or night.' },
  { name: 'Emergency', phone: '999', note: 'If you or someone else is in danger right now.' },
];

/** Categories whose verdicts always carry the support message. */
export const DEFAULT_SUPPORT_CATEGORIES: readonly Category[] = [
  'self-harm',
  'abuse',
  'sexual-exploitation',
  'criminal-exploitation',
  'domestic-abuse',
];

export const moderationPolicySchema = z
  .object({
    /** Extra words or phrases to block (matched after normalising, so obfuscation still matches). */
    blockedTerms: z.array(termSchema).max(2000).default(() => []),
    /** Extra words or phrases to hold for a person. */
    suspectTerms: z.array(termSchema).max(2000).default(() => []),
    /** False-positive overrides: findings inside these terms are dropped (e.g. a place name). */
    allowedTerms: z.array(termSchema).max(2000).default(() => []),
    /** Per-category action, severity, escalation, or off switch. */
    categories: z.partialRecord(categorySchema, categoryOverrideSchema).default(() => ({})),
    remote: z
      .object({
        /** Per-attribute score thresholds for remote classifiers (Perspective attribute names by default). */
        thresholds: z.record(z.string().min(1).max(64), thresholdSchema).default(() => ({ ...DEFAULT_REMOTE_THRESHOLDS })),
        /**
         * When a remote classifier fails or times out:
         *  - hold-if-unsure (default): hold if any local rule found anything; otherwise mark only
         *  - hold: always hold for a person
         *  - mark: only add the `remote-unavailable` reason and let the caller decide
         */
        onRemoteFailure: z.enum(['hold', 'hold-if-unsure', 'mark']).default('hold-if-unsure'),
        /**
         * Send text that local rules already escalated to remote classifiers too. Off by
         * default: the verdict cannot get more cautious, and a disclosure should not leave
         * the building without a reason.
         */
        sendEscalated: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /** Stage 2c, the local model (moderation/model): on by default; runs on this server only. */
    model: z
      .object({
        enabled: z.boolean().default(true),
        /** P(concern) at or above which the model raises a concern; the trained model's own threshold when absent. */
        threshold: z.number().min(0.3).max(0.99).optional(),
      })
      .strict()
      .prefault({}),
    support: z
      .object({
        /** Message shown to the author (plain words; say what happens next and where to get help now). */
        message: z.string().trim().min(1).max(1000).default(DEFAULT_SUPPORT_MESSAGE),
        /** Per-category messages that replace `message` for that category. */
        messages: z.partialRecord(categorySchema, z.string().trim().min(1).max(1000)).default(() => ({})),
        contacts: z.array(contactSchema).max(10).default(() => DEFAULT_SUPPORT_CONTACTS.map((c) => ({ ...c }))),
        /** Categories that always get the support message. */
        categories: z.array(categorySchema).default(() => [...DEFAULT_SUPPORT_CATEGORIES]),
        /** Any escalated verdict at or above this severity also gets it. */
        minSeverity: severitySchema.default('high'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ModerationPolicy = z.output<typeof moderationPolicySchema>;
export type ModerationPolicyInput = z.input<typeof moderationPolicySchema>;
export type RemoteThreshold = z.output<typeof thresholdSchema>;
export type CategoryOverride = z.output<typeof categoryOverrideSchema>;

export const defaultPolicy: ModerationPolicy = moderationPolicySchema.parse({});

export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  readonly code = 'INVALID_POLICY' as const;
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid moderation policy:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.issues = issues;
  }
}

/** Validate an organisation policy; throws PolicyError with readable issues. */
export function parsePolicy(input: unknown): ModerationPolicy {
  const result = moderationPolicySchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new PolicyError(
    result.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    }),
  );
}

/** Built-in defaults per category; a policy override wins, then a rule's own action. */
export const CATEGORY_DEFAULTS: Readonly<Record<Category, { action: Action; escalate: boolean }>> = {
  'self-harm': { action: 'hold', escalate: true },
  abuse: { action: 'hold', escalate: true },
  'sexual-exploitation': { action: 'hold', escalate: true },
  'criminal-exploitation': { action: 'hold', escalate: true },
  missing: { action: 'hold', escalate: true },
  weapons: { action: 'hold', escalate: true },
  violence: { action: 'hold', escalate: true },
  bullying: { action: 'hold', escalate: true },
  drugs: { action: 'hold', escalate: true },
  eating: { action: 'hold', escalate: true },
  'domestic-abuse': { action: 'hold', escalate: true },
  radicalisation: { action: 'hold', escalate: true },
  'contact-details': { action: 'hold', escalate: false },
  'abusive-language': { action: 'block', escalate: false },
  hate: { action: 'block', escalate: false },
  toxicity: { action: 'hold', escalate: false },
  'blocked-term': { action: 'block', escalate: false },
  'suspect-term': { action: 'hold', escalate: false },
};

export function severityFor(policy: ModerationPolicy, category: Category, fallback: Severity): Severity {
  return policy.categories[category]?.severity ?? fallback;
}
