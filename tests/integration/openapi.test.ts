import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
	t = await startTestApp({ seedWorld: false });
});
afterAll(() => t.close());

it('serves an OpenAPI 3.1 document describing every API route, with request schemas from zod', async () => {
	const r = await new Client(t.url).get('/api/openapi.json');
	expect(r.status).toBe(200);
	const doc = r.json as unknown as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> } }>> };
	expect(doc.openapi).toBe('3.1.0');
	for (const route of t.app.routes) {
		const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
		expect(doc.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
	}
	const login = doc.paths['/api/auth/login']!.post!.requestBody!.content['application/json']!.schema;
	expect(Object.keys(login.properties).sort()).toEqual(['email', 'password']);
	expect(login.required).toEqual(['email', 'password']);
});
