import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { error as kitError, fail as kitFail } from '@sveltejs/kit';
import type { Result } from '$contracts/errors';
import { errorStatus } from '$contracts/errors';

type Event = Pick<RequestEvent, 'fetch' | 'cookies'>;

/**
 * Calls the JSON API from server-side code (loads and form actions). Cookies the API sets
 * (sign-in, joining) are passed on to the browser.
 */
export async function api<T>(event: Event, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Result<T>> {
	const res = await event.fetch(`/api${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	for (const c of res.headers.getSetCookie()) applySetCookie(event.cookies, c);
	const json = (await res.json().catch(() => null)) as Result<T> | null;
	if (!json || typeof json !== 'object' || typeof json.ok !== 'boolean')
		return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } };
	return json;
}

/** Like `api`, but throws SvelteKit's error page for failures (for loads). */
export async function apiData<T>(event: Event, path: string): Promise<T> {
	const r = await api<T>(event, 'GET', path);
	if (!r.ok) kitError(errorStatus[r.error.code], { message: r.error.message, code: r.error.code });
	return r.data;
}

/** A failed form action that re-renders the form with the API's message and field errors. */
export function formFail<T extends Record<string, unknown>>(r: Extract<Result<unknown>, { ok: false }>, values: T) {
	return kitFail(errorStatus[r.error.code] >= 500 ? 500 : 400, {
		error: r.error.message,
		code: r.error.code,
		fields: r.error.fields ?? {},
		values
	});
}

function applySetCookie(cookies: Cookies, header: string) {
	const [pair, ...attrs] = header.split(';');
	if (!pair) return;
	const eq = pair.indexOf('=');
	const name = pair.slice(0, eq).trim();
	const value = decodeURIComponent(pair.slice(eq + 1).trim());
	const opts: Parameters<Cookies['set']>[2] = { path: '/', httpOnly: false, secure: false, sameSite: 'lax' };
	for (const a of attrs) {
		const [k = '', v = ''] = a.trim().split('=');
		const key = k.toLowerCase();
		if (key === 'path') opts.path = v;
		else if (key === 'httponly') opts.httpOnly = true;
		else if (key === 'secure') opts.secure = true;
		else if (key === 'samesite') opts.sameSite = v.toLowerCase() as 'lax' | 'strict' | 'none';
		else if (key === 'max-age') opts.maxAge = Number(v);
		else if (key === 'expires') opts.expires = new Date(v);
	}
	if (opts.expires && opts.expires.getTime() <= Date.now()) cookies.delete(name, { path: opts.path });
	else cookies.set(name, value, opts);
}
