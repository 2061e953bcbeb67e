/**
 * Words for the moderator console: times in plain British English, severities with a word and a
 * shape (never colour alone), and labels for the things the API names with codes.
 */
import { categoryLabel, type Severity } from '$contracts/safeguarding';

/** "4 min", "1 hr 5 min", "2 days 3 hr": short enough for a queue row, clear when read aloud. */
export function duration(ms: number): string {
	const mins = Math.max(0, Math.round(Math.abs(ms) / 60_000));
	if (mins < 1) return 'less than a minute';
	if (mins < 60) return `${mins} min`;
	const hrs = Math.floor(mins / 60);
	const rest = mins % 60;
	if (hrs < 24) return rest ? `${hrs} hr ${rest} min` : `${hrs} hr`;
	const days = Math.floor(hrs / 24);
	const h = hrs % 24;
	return `${days} ${days === 1 ? 'day' : 'days'}${h ? ` ${h} hr` : ''}`;
}

/** Minutes as a compact value for charts: "45 s", "12 min", "3.5 hr", "2.1 days". */
export function minutesShort(m: number): string {
	if (m < 1) return `${Math.round(m * 60)} s`;
	if (m < 60) return `${Math.round(m)} min`;
	if (m < 60 * 24) return `${Math.round((m / 60) * 10) / 10} hr`;
	return `${Math.round((m / 1440) * 10) / 10} days`;
}

/** Minutes as a target in words: "5 minutes", "30 minutes", "24 hours", "2 days". */
export function minutesWords(m: number): string {
	if (m % 1440 === 0) return `${m / 1440} ${m === 1440 ? 'day' : 'days'}`;
	if (m % 60 === 0) return `${m / 60} ${m === 60 ? 'hour' : 'hours'}`;
	return `${m} ${m === 1 ? 'minute' : 'minutes'}`;
}

export function ago(iso: string, now: number): string {
	const ms = now - new Date(iso).getTime();
	return ms < 60_000 ? 'just now' : `${duration(ms)} ago`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const fullFmt = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const monthLong = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const when = (iso: string) => dateFmt.format(new Date(iso));
export const whenFull = (iso: string) => fullFmt.format(new Date(iso));
export const clock = (iso: string | number) => timeFmt.format(new Date(iso));
/** "2026-03" → "Mar 26" / "March 2026". */
export const month = (ym: string) => monthFmt.format(new Date(`${ym}-01T00:00:00Z`));
export const monthFull = (ym: string) => monthLong.format(new Date(`${ym}-01T00:00:00Z`));

/** Where an escalation stands against its acknowledge target, in words. */
export function due(e: { status: string; ackDueAt: string; acknowledgedAt: string | null }, now: number): { overdue: boolean; text: string } | null {
	if (e.status !== 'open' || e.acknowledgedAt) return null;
	const left = new Date(e.ackDueAt).getTime() - now;
	return left <= 0 ? { overdue: true, text: `Overdue by ${duration(-left)}` } : { overdue: false, text: `Acknowledge within ${duration(left)}` };
}

export const category = (c: string) => categoryLabel[c] ?? c.replace(/-/g, ' ');

export const severityLabel: Record<Severity, string> = {
	urgent: 'Urgent',
	high: 'High',
	medium: 'Medium',
	low: 'Low',
	none: 'No concern'
};

/** The history's action words, made into a sentence start. */
export const historyLabel: Record<string, string> = {
	raised: 'Raised',
	acknowledged: 'Acknowledged',
	assigned: 'Assigned',
	'note added': 'Note added',
	actioned: 'Marked as actioned',
	'outcome recorded': 'Outcome recorded',
	closed: 'Closed',
	reopened: 'Reopened',
	'marked false alarm': 'Marked as a false alarm',
	'false alarm mark removed': 'False alarm mark removed',
	'message hidden': 'Message hidden',
	'facilitator told': 'Facilitators told'
};
