/**
 * Chat actions for the one policy table in policy.ts (kept in their own file so the chat work
 * can grow them; `permissions` spreads these in).
 */
export const chatPermissions = {} as const;
