/**
 * When a concern must be acknowledged by. Targets are minutes per severity; "low" may instead
 * be "by the end of the next working day" (17:00 UK time, Monday to Friday; bank holidays are
 * not known here, so they count as working days).
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

/** 17:00 UK time on the next working day after `from`. */
export function endOfNextWorkingDay(from: Date): Date {
	const p = ukParts(from);
	let date = new Date(Date.UTC(p.y, p.m - 1, p.d));
	let weekday = p.weekday;
	do {
		date = new Date(date.getTime() + 86_400_000);
		weekday = (weekday + 1) % 7;
	} while (weekday === 0 || weekday === 6);
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
