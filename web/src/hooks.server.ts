import type { Handle, HandleFetch } from '@sveltejs/kit';

/**
 * Server-side loads call the JSON API at /api. Same-origin fetches would be answered by
 * SvelteKit itself, so send them to the Express server on the loopback address the request
 * arrived on, with the visitor's cookies and address (the API trusts X-Forwarded-For only
 * from loopback).
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
	const url = new URL(request.url);
	if (url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
		const sock = event.platform?.req?.socket;
		let host = sock?.localAddress ?? '127.0.0.1';
		if (host.startsWith('::ffff:')) host = host.slice(7);
		if (host === '0.0.0.0' || host === '::') host = '127.0.0.1';
		if (host.includes(':')) host = `[${host}]`;
		const port = sock?.localPort ?? event.url.port;
		const internal = new URL(url.pathname + url.search, `http://${host}:${port}`);
		const headers = new Headers(request.headers);
		const cookie = event.request.headers.get('cookie');
		if (cookie) headers.set('cookie', cookie);
		headers.set('x-forwarded-for', event.getClientAddress());
		const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers, body: request.body, redirect: 'manual' };
		if (request.body) init.duplex = 'half';
		return fetch(new Request(internal, init));
	}
	return fetch(request);
};

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};
