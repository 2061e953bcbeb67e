import express, { type CookieOptions, type NextFunction, type Request, type Response, Router } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { auditQuery, errorStatus, fail, ok, participationQuery } from '../../contracts/index.js';
import { authorize, staffOf, type Actor } from '../auth/policy.js';
import { PARTICIPANT_COOKIE, STAFF_COOKIE } from '../auth/tokens.js';
import { isAppError, safeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';
import { parseCookies } from './cookies.js';
import { buildOpenApi } from './openapi.js';
import { idParams, type AnyRoute } from './route.js';
import { authRoutes } from './routes/auth.routes.js';
import { orgRoutes } from './routes/org.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { pollRoutes } from './routes/poll.routes.js';
import { moderationRoutes } from './routes/moderation.routes.js';
import { chatRoutes } from './routes/chat.routes.js';
import { surveyRoutes } from './routes/survey.routes.js';
import { reportRoutes } from './routes/report.routes.js';

declare module 'express-serve-static-core' {
	interface Request {
		actor?: Actor;
	}
}

export function allRoutes(services: Services, cookieBase: CookieOptions): AnyRoute[] {
	return [
		...authRoutes(services, cookieBase),
		...orgRoutes(services),
		...pollRoutes(services),
		...moderationRoutes(services),
		...chatRoutes(services),
		...surveyRoutes(services, cookieBase),
		...reportRoutes(services),
		...sessionRoutes(services, cookieBase)
	];
}

/** Field-level messages from a zod error, keyed by dotted path, for forms. */
export function zodFields(err: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of err.issues) {
		const key = issue.path.join('.') || '_';
		fields[key] ??= issue.message;
	}
	return fields;
}

/** Who is calling: a signed-in staff member, a joined young person, or nobody. */
export async function resolveActor(services: Services, cookieHeader: string | undefined): Promise<Actor> {
	const cookies = parseCookies(cookieHeader);
	const user = await services.auth.resolve(cookies[STAFF_COOKIE]);
	if (user) return { kind: 'staff', user };
	const participant = await services.participants.resolve(cookies[PARTICIPANT_COOKIE]);
	if (participant) return { kind: 'participant', participant };
	return { kind: 'anonymous' };
}

export function createApiRouter(opts: { services: Services; logger: Logger; cookieBase: CookieOptions; version: string }): {
	router: Router;
	routes: AnyRoute[];
} {
	const { services, logger, cookieBase } = opts;
	const routes = allRoutes(services, cookieBase);
	const openapi = buildOpenApi(routes, opts.version);
	const router = Router();

	router.use((req, res, next) => {
		res.setHeader('Cache-Control', 'no-store');
		// Cross-site forms cannot send JSON without a CORS preflight, which we never grant:
		// requiring it for every write closes CSRF on the API.
		if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'DELETE' && !req.is('application/json')) {
			res.status(415).json(fail('VALIDATION_FAILED', 'Send JSON with Content-Type: application/json.'));
			return;
		}
		next();
	});
	router.use(express.json({ limit: '100kb' }));
	router.use(async (req, _res, next) => {
		try {
			req.actor = await resolveActor(services, req.headers.cookie);
			next();
		} catch (err) {
			next(err);
		}
	});

	router.get('/health', (_req, res) => void res.json(ok({ status: 'ok' })));
	router.get('/openapi.json', (_req, res) => void res.json(openapi));

	// The join QR code for a session, as SVG for sharp printing and projecting.
	router.get('/sessions/:id/qr.svg', async (req, res) => {
		const actor = req.actor!;
		authorize(actor, 'session:read');
		const { id } = idParams.parse(req.params);
		const s = await services.liveSessions.get(actor, id);
		const svg = await QRCode.toString(s.joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
		res.type('image/svg+xml').send(svg);
	});

	// CSV export for spreadsheets and committee papers: anonymised rows, then the totals.
	router.get('/polls/:id/export.csv', async (req, res) => {
		const actor = req.actor!;
		authorize(actor, 'poll:export');
		const { id } = idParams.parse(req.params);
		const { poll, rows } = await services.polls.exportRows(actor, id);
		const results = await services.polls.resultsOf(id, { includeNames: false, includeTexts: true });
		const header = poll.settings.anonymous ? ['answer'] : ['name', 'answer'];
		const lines = [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h as keyof typeof r] ?? '')).join(','))];
		lines.push('', 'option,votes', ...results.options.map((o) => `${csvCell(o.label)},${o.votes}`));
		sendCsv(res, `poll-${id}.csv`, lines);
	});

	// Survey responses for spreadsheets: one row per response, answers in words.
	router.get('/surveys/:id/export.csv', async (req, res) => {
		const actor = req.actor!;
		authorize(actor, 'survey:export');
		const { id } = idParams.parse(req.params);
		const { questions, named, rows } = await services.surveys.exportRows(actor, id);
		const keys = [...(named ? ['name'] : []), ...questions.map((q) => q.id)];
		const header = [...(named ? ['Name'] : []), ...questions.map((q) => q.title)];
		sendCsv(res, `survey-${id}.csv`, [header.map(csvCell).join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k] ?? '')).join(','))]);
	});

	// The participation report for a committee paper: counts only, small numbers shown as "<5".
	router.get('/reports/participation.csv', async (req, res) => {
		const actor = req.actor!;
		authorize(actor, 'report:participation');
		const r = await services.reports.participation(actor, participationQuery.parse(req.query));
		const n = (v: number | null) => (v === null ? `<${r.smallNumber}` : String(v));
		const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 100)}%`);
		const header = ['Hub', 'Month', 'Young people', 'Took part on 2+ days', 'Sessions', 'Polls run', 'Surveys run', 'Poll answers', 'Survey responses', 'Survey response rate'];
		sendCsv(res, `participation-${r.months[0]}-to-${r.months[r.months.length - 1]}.csv`, [
			header.join(','),
			...r.rows.map((x) => [x.hubName, x.month, n(x.youngPeople), n(x.repeat), x.sessions, x.pollsRun, x.surveysRun, n(x.pollAnswers), n(x.surveyResponses), pct(x.surveyResponseRate)].map((v) => csvCell(String(v))).join(',')),
			['All hubs', 'All months', n(r.totals.youngPeople), n(r.totals.repeat), r.totals.sessions, r.totals.pollsRun, r.totals.surveysRun, n(r.totals.pollAnswers), n(r.totals.surveyResponses), pct(r.totals.surveyResponseRate)].map((v) => csvCell(String(v))).join(',')
		]);
	});

	// The escalations record for a safeguarding report: no message text, no names.
	router.get('/moderation/escalations/export.csv', async (req, res) => {
		const actor = req.actor!;
		authorize(actor, 'escalation:export');
		const { months } = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) }).parse(req.query);
		const rows = await services.escalations.exportRows(actor, months);
		const header = ['id', 'raised', 'hub', 'group', 'source', 'severity', 'categories', 'status', 'ackTarget', 'acknowledged', 'minutesToAcknowledge', 'metTarget', 'outcome', 'falseAlarm', 'closed'] as const;
		sendCsv(res, `escalations-${new Date().toISOString().slice(0, 10)}.csv`, [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))]);
	});

	// The audit log for an inspector: the same filters as the page.
	router.get('/audit/export.csv', async (req, res) => {
		const actor = req.actor!;
		authorize(actor, 'audit:export');
		const q = auditQuery.parse(req.query);
		const rows = await services.audit.search(staffOf(actor).orgId, { ...q, limit: Math.max(q.limit, 1000) });
		await services.audit.record(actor, 'audit.export', null, { rows: rows.length });
		const header = ['at', 'actor', 'actorType', 'action', 'targetType', 'targetId', 'details'];
		sendCsv(res, `audit-${new Date().toISOString().slice(0, 10)}.csv`, [
			header.join(','),
			...rows.map((r) => [r.at, r.actorName, r.actorType, r.action, r.targetType ?? '', r.targetId ?? '', JSON.stringify(r.meta)].map(csvCell).join(','))
		]);
	});

	for (const r of routes) {
		router[r.method](r.path, async (req: Request, res: Response) => {
			const actor = req.actor!;
			authorize(actor, r.action);
			const params = r.params ? r.params.parse(req.params) : undefined;
			const query = r.query ? r.query.parse(req.query) : undefined;
			const body = r.body ? r.body.parse(req.body ?? {}) : undefined;
			const data = await r.handler({ actor, body, params, query, ip: req.ip ?? 'unknown', req, res });
			res.status(r.status ?? 200).json(ok(data));
		});
	}

	router.use((_req, res) => void res.status(404).json(fail('NOT_FOUND', 'No such API endpoint.')));

	router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
		void _next;
		if (err instanceof z.ZodError) {
			res.status(400).json(fail('VALIDATION_FAILED', undefined, zodFields(err)));
			return;
		}
		if (isAppError(err)) {
			if (err.options.detail) logger.warn({ code: err.code, detail: err.options.detail, path: req.path }, 'request refused');
			res.status(errorStatus[err.code]).json(fail(err.code, err.message, err.fields));
			return;
		}
		const e = err as { type?: string; status?: number };
		if (e.type === 'entity.parse.failed') {
			res.status(400).json(fail('VALIDATION_FAILED', 'The request body is not valid JSON.'));
			return;
		}
		if (e.type === 'entity.too.large') {
			res.status(413).json(fail('VALIDATION_FAILED', 'The request is too large.'));
			return;
		}
		logger.error({ err: safeError(err), path: req.path }, 'unhandled API error');
		res.status(500).json(fail('INTERNAL'));
	});

	return { router, routes };
}

export { safeError };

/** One CSV cell: quoted when needed, and never a formula a spreadsheet would run. */
export function csvCell(v: string): string {
	return /[",\n\r]|^[=+\-@\t]/.test(v) ? `"${v.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : v;
}

function sendCsv(res: Response, filename: string, lines: string[]) {
	// A byte-order mark so Excel reads UTF-8; CRLF line ends as RFC 4180 says.
	res.type('text/csv; charset=utf-8').attachment(filename).send(`\ufeff${lines.join('\r\n')}\r\n`);
}
