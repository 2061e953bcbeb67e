/**
 * One Socket.IO connection for all staff pages: the (staff) layout provides it, pages that need
 * live updates borrow it (so moving between the queue and a concern never drops an alert).
 */
import { getContext, setContext } from 'svelte';
import { connect, type VoiceboxSocket } from '$lib/socket';

const KEY = Symbol('voicebox-staff-socket');

export interface SharedSocket {
	/** Connects on first use (in the browser only). */
	get(): VoiceboxSocket;
	/** A page is done with it: closes a private connection, leaves the shared one open. */
	release(): void;
}

export function provideSocket(): SharedSocket {
	let socket: VoiceboxSocket | null = null;
	setContext<SharedSocket>(KEY, { get: () => (socket ??= connect()), release: () => undefined });
	return {
		get: () => (socket ??= connect()),
		release() {
			socket?.disconnect();
			socket = null;
		}
	};
}

/** The shared connection, or a private one if a page is used outside the staff layout. */
export function useSocket(): SharedSocket {
	const shared = getContext<SharedSocket | undefined>(KEY);
	if (shared) return shared;
	let own: VoiceboxSocket | null = null;
	return {
		get: () => (own ??= connect()),
		release() {
			own?.disconnect();
			own = null;
		}
	};
}
