/**
 * When a concern must be acknowledged by. Targets are minutes per severity; "low" may instead
 * be "by the end of the next working day" (17:00 UK time, Monday to Friday, not on a bank
 * holiday in England and Wales). The regular bank holidays are worked out by rule, with their
 * substitute days; one-off holidays the government adds (a coronation, a state funeral) are
 * not known, so those days count as working days.
 */
import type { SafeguardingSettings } from '../../contracts/index.js';

const ZONE = 'Europe/London';
const END_OF_DAY_HOUR = 17;

/** The UK wall-clock date and weekday of an instant. */
function ukParts(at: Date): { y: number; m: number; d: number; weekday: number } {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(at);
	const get = (t: string) => parts.find((p) => p.type === t)!.value;
	const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
	return { y: Number(get('year')), m: Number(get('month')), d: Number(get('day')), weekday };
}

/** The instant when the UK clock shows hh:00 on the given calendar date. */
function ukTime(y: number, m: number, d: number, hh: number): Date {
	// Start from the same wall time in UTC, then correct by the zone's offset at that moment.
	const guess = Date.UTC(y, m - 1, d, hh);
	const shown = ukParts(new Date(guess));
	const hourShown = Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(new Date(guess)));
	const dayShift = Date.UTC(shown.y, shown.m - 1, shown.d) - Date.UTC(y, m - 1, d);
	const offsetMs = dayShift + (hourShown - hh) * 3_600_000;
	return new Date(guess - offsetMs);
}

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus, Jones and Butcher), as month and day. */
function easterSunday(y: number): { m: number; d: number } {
	const a = y % 19;
	const b = Math.floor(y / 100);
	const c = y % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return { m: month, d: day };
}

const DAY_MS = 86_400_000;
const holidayCache = new Map<number, ReadonlySet<string>>();

/**
 * The regular bank holidays of England and Wales in a year, as "YYYY-MM-DD": New Year's Day,
 * Good Friday, Easter Monday, the early May, spring and summer bank holidays, Christmas Day and
 * Boxing Day; a holiday that falls on a weekend moves to the next weekday that is not already one.
 */
export function bankHolidays(y: number): ReadonlySet<string> {
	const cached = holidayCache.get(y);
	if (cached !== undefined) return cached;
	const key = (t: number) => new Date(t).toISOString().slice(0, 10);
	const weekday = (t: number) => new Date(t).getUTCDay();
	const out = new Set<string>();
	const fixed = (m: number, d: number) => {
		let t = Date.UTC(y, m - 1, d);
		while (weekday(t) === 0 || weekday(t) === 6 || out.has(key(t))) t += DAY_MS;
		out.add(key(t));
	};
	const mondayOnOrAfter = (m: number, d: number) => {
		let t = Date.UTC(y, m - 1, d);
		while (weekday(t) !== 1) t += DAY_MS;
		return t;
	};
	const lastMonday = (m: number) => {
		let t = Date.UTC(y, m, 0); // last day of month m
		while (weekday(t) !== 1) t -= DAY_MS;
		return t;
	};
	fixed(1, 1);
	const easter = easterSunday(y);
	const easterT = Date.UTC(y, easter.m - 1, easter.d);
	out.add(key(easterT - 2 * DAY_MS));
	out.add(key(easterT + DAY_MS));
	out.add(key(mondayOnOrAfter(5, 1)));
	out.add(key(lastMonday(5)));
	out.add(key(lastMonday(8)));
	// Christmas first, so Boxing Day's substitute goes after Christmas's (27 then 28 December).
	out.add(key(Date.UTC(y, 11, 25)));
	out.add(key(Date.UTC(y, 11, 26)));
	for (const d of [25, 26]) {
		const t = Date.UTC(y, 11, d);
		if (weekday(t) === 0 || weekday(t) === 6) {
			out.delete(key(t));
			fixed(12, d);
		}
	}
	holidayCache.set(y, out);
	return out;
}

/** 17:00 UK time on the next working day after `from`. */
export function endOfNextWorkingDay(from: Date): Date {
	const p = ukParts(from);
	let date = new Date(Date.UTC(p.y, p.m - 1, p.d));
	let weekday = p.weekday;
	do {
		date = new Date(date.getTime() + DAY_MS);
		weekday = (weekday + 1) % 7;
	} while (weekday === 0 || weekday === 6 || bankHolidays(date.getUTCFullYear()).has(date.toISOString().slice(0, 10)));
	return ukTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), END_OF_DAY_HOUR);
}

export function ackDueAt(severity: string, createdAt: Date, settings: SafeguardingSettings): Date {
	const t = settings.ackMinutes;
	const minutes = severity === 'urgent' ? t.urgent : severity === 'high' ? t.high : severity === 'medium' ? t.medium : t.low;
	if (minutes == null) return endOfNextWorkingDay(createdAt);
	return new Date(createdAt.getTime() + minutes * 60_000);
}

/** Out-of-app alerts are for the most serious concerns only. */
export const ALERT_SEVERITIES = new Set(['urgent', 'high']);
