// See https://svelte.dev/docs/kit/types#app.d.ts
import type { IncomingMessage } from 'node:http';
import type { MeResponse } from '$contracts/auth';

declare global {
	namespace App {
		interface Locals {
			me?: MeResponse;
		}
		interface Platform {
			/** adapter-node passes the Node request; used to reach our own API on loopback. */
			req?: IncomingMessage;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
