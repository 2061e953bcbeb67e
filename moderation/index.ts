/**
 * Voicebox safeguarding filter: the public API. The server imports only from here.
 */
export { createModerator, DEFAULT_MAX_LENGTH, DEFAULT_REMOTE_TIMEOUT_MS } from './moderator.js';
export type { Moderator, ModeratorOptions, ModeratorStats, RemoteFailureEvent } from './moderator.js';
export {
  CATEGORY_DEFAULTS,
  DEFAULT_REMOTE_THRESHOLDS,
  DEFAULT_SUPPORT_CATEGORIES,
  DEFAULT_SUPPORT_CONTACTS,
  DEFAULT_SUPPORT_MESSAGE,
  PolicyError,
  defaultPolicy,
  moderationPolicySchema,
  parsePolicy,
} from './policy.js';
export type { CategoryOverride, ModerationPolicy, ModerationPolicyInput, RemoteThreshold } from './policy.js';
export { ModerationInputError, isModerationInputError } from './errors.js';
export type { ModerationInputErrorCode } from './errors.js';
export { RemoteClassifierError } from './remote/classifier.js';
export type { RemoteClassifier, RemoteErrorCode, RemoteScores } from './remote/classifier.js';
export {
  PERSPECTIVE_ATTRIBUTES,
  PERSPECTIVE_ENDPOINT,
  PERSPECTIVE_MAX_BYTES,
  createPerspectiveClassifier,
  truncateUtf8,
} from './remote/perspective.js';
export type { PerspectiveOptions } from './remote/perspective.js';
export { normalise, toOriginalSpan } from './normalise.js';
export type { NormalisedText, NormaliseOptions, TextView } from './normalise.js';
export {
  ACTIONS,
  CATEGORIES,
  CONTENT_CATEGORIES,
  FILTER_ERROR,
  REMOTE_UNAVAILABLE,
  SAFEGUARDING_CATEGORIES,
  SEVERITIES,
  isSafeguardingCategory,
  maxAction,
  maxSeverity,
  severityRank,
} from './types.js';
export type {
  Action,
  Category,
  CheckContext,
  ContentCategory,
  Reason,
  ReasonCategory,
  RemoteStatus,
  SafeguardingCategory,
  Severity,
  Stage,
  SupportContact,
  SupportMessage,
  Surface,
  Verdict,
} from './types.js';
