/**
 * One way to declare an HTTP route: method, path, the policy action it needs, zod schemas for
 * params/query/body/response, and a handler. The same list feeds Express, the OpenAPI
 * document and the authorisation test table, so none of them can drift.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Action, Actor } from '../auth/policy.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface HandlerContext<B, P, Q> {
	actor: Actor;
	body: B;
	params: P;
	query: Q;
	ip: string;
	req: Request;
	res: Response;
}

export interface RouteDef<B = unknown, P = unknown, Q = unknown, R = unknown> {
	method: Method;
	path: string;
	action: Action;
	summary: string;
	tag: string;
	body?: z.ZodType<B>;
	params?: z.ZodType<P>;
	query?: z.ZodType<Q>;
	response: z.ZodType<R>;
	status?: number;
	handler: (ctx: HandlerContext<B, P, Q>) => Promise<R> | R;
}

// The loose `any` here lets one list hold routes of different shapes; each `route()` call is checked.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

export function route<B = undefined, P = undefined, Q = undefined, R = unknown>(def: RouteDef<B, P, Q, R>): AnyRoute {
	return def as AnyRoute;
}

export const idParams = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/i, 'Not a valid id.') });
