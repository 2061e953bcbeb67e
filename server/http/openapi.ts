import { z } from 'zod';
import { errorCodes } from '../../contracts/index.js';
import type { AnyRoute } from './route.js';

const toJson = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** An OpenAPI 3.1 document generated from the route list and its zod schemas. */
export function buildOpenApi(routes: AnyRoute[], version: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const r of routes) {
		const path = `/api${r.path.replace(/:(\w+)/g, '{$1}')}`;
		const parameters = [] as unknown[];
		if (r.params) {
			const js = toJson(r.params, 'input') as { properties?: Record<string, unknown> };
			for (const [name, schema] of Object.entries(js.properties ?? {})) parameters.push({ name, in: 'path', required: true, schema });
		}
		if (r.query) {
			const js = toJson(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
			for (const [name, schema] of Object.entries(js.properties ?? {}))
				parameters.push({ name, in: 'query', required: js.required?.includes(name) ?? false, schema });
		}
		(paths[path] ??= {})[r.method] = {
			summary: r.summary,
			tags: [r.tag],
			operationId: `${r.method}${r.path.replace(/[/:](\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
			'x-voicebox-action': r.action,
			...(parameters.length ? { parameters } : {}),
			...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(r.body, 'input') } } } } : {}),
			responses: {
				[String(r.status ?? 200)]: {
					description: 'Success',
					content: {
						'application/json': {
							schema: { type: 'object', required: ['ok', 'data'], properties: { ok: { const: true }, data: toJson(r.response, 'output') } }
						}
					}
				},
				default: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
			}
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Voicebox API',
			version,
			description:
				'JSON API of Voicebox. Every reply is `{ok:true, data}` or `{ok:false, error:{code, message}}`. Staff authenticate with the `vb_session` cookie from POST /api/auth/login; POST requests must send `Content-Type: application/json`.'
		},
		paths,
		components: {
			schemas: {
				Error: {
					type: 'object',
					required: ['ok', 'error'],
					properties: {
						ok: { const: false },
						error: {
							type: 'object',
							required: ['code', 'message'],
							properties: {
								code: { enum: [...errorCodes] },
								message: { type: 'string' },
								fields: { type: 'object', additionalProperties: { type: 'string' } }
							}
						}
					}
				}
			}
		}
	};
}
