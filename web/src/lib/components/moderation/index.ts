/**
 * The moderator console's parts. Pages import them from here (`$lib/components/moderation`):
 * the lint boundary forbids any import path with a `moderation/` segment, meant for the
 * top-level moderation/ pipeline.
 */
export { default as ConcernItem } from './ConcernItem.svelte';
export { default as DueBadge } from './DueBadge.svelte';
export { default as LiveFeed } from './LiveFeed.svelte';
export { default as MedianChart } from './MedianChart.svelte';
export { default as SeverityBadge } from './SeverityBadge.svelte';
export { default as Shortcuts } from './Shortcuts.svelte';
export * from './format';
export { provideSocket, useSocket } from './socket-context';
