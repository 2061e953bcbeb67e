/**
 * Chat rows for the authorisation table in authz.test.ts (kept apart so the chat work owns
 * them). `chatSetup` runs once after the table's world exists and returns ids the rows need.
 */
import type { Client, TestApp } from '../helpers/app.js';

type Who = 'anonymous' | 'participant' | 'admin' | 'staff' | 'moderator';

export interface ChatAuthzContext {
	roomId: string;
}

export const chatHttpRows: Record<string, Who[]> = {};
export const chatSocketRows: Record<string, Who[]> = {};
export const chatSocketPayloads: Record<string, (ctx: ChatAuthzContext) => unknown> = {};

export async function chatSetup(t: TestApp, clients: Record<Who, Client>): Promise<ChatAuthzContext> {
	void t;
	void clients;
	return { roomId: 'aaaaaaaaaaaaaaaaaaaaaaaa' };
}

/** Path parameters (`:roomId`, `:messageId`...) the chat routes need, by name. */
export function chatPathIds(ctx: ChatAuthzContext): Record<string, string> {
	return { roomId: ctx.roomId };
}
