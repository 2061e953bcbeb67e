/**
 * Reference-group chat: rooms, messages, controls, and the chat socket events.
 * (Filled in by the chat work; the event maps below are merged into contracts/events.ts.)
 */
import type { z } from 'zod';

export const chatEventPayloads = {} as const satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChatClientToServerEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChatServerToClientEvents {}
