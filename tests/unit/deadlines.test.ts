/**
 * When a concern must be acknowledged by: minutes per severity, and for low concerns 17:00 UK
 * time on the next working day, across weekends, bank holidays and the BST/GMT changes, whatever the
 * machine's own time zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSafeguardingSettings, type SafeguardingSettings } from '../../contracts/index.js';
import { ackDueAt, ALERT_SEVERITIES, bankHolidays, endOfNextWorkingDay } from '../../server/services/deadlines.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('acknowledge targets per severity (defaults)', () => {
	const raised = at('2026-06-10T09:00:00.000Z');
	it('urgent 5 minutes, high 30 minutes, medium 24 hours', () => {
		expect(iso(ackDueAt('urgent', raised, defaultSafeguardingSettings))).toBe('2026-06-10T09:05:00.000Z');
		expect(iso(ackDueAt('high', raised, defaultSafeguardingSettings))).toBe('2026-06-10T09:30:00.000Z');
		expect(iso(ackDueAt('medium', raised, defaultSafeguardingSettings))).toBe('2026-06-11T09:00:00.000Z');
	});

	it('low: 17:00 UK time on the next working day (a Wednesday in summer: Thursday 16:00 UTC)', () => {
		expect(iso(ackDueAt('low', raised, defaultSafeguardingSettings))).toBe('2026-06-11T16:00:00.000Z');
	});

	it('medium is 24 hours of elapsed time, also across the clocks going forward', () => {
		// Saturday 28 March 2026, 12:00 GMT; the clocks go forward that night.
		expect(iso(ackDueAt('medium', at('2026-03-28T12:00:00.000Z'), defaultSafeguardingSettings))).toBe('2026-03-29T12:00:00.000Z');
	});

	it('follows the organisation’s own targets, including a fixed number of minutes for low', () => {
		const mine: SafeguardingSettings = { ...defaultSafeguardingSettings, ackMinutes: { urgent: 2, high: 15, medium: 120, low: 600 } };
		expect(iso(ackDueAt('urgent', raised, mine))).toBe('2026-06-10T09:02:00.000Z');
		expect(iso(ackDueAt('high', raised, mine))).toBe('2026-06-10T09:15:00.000Z');
		expect(iso(ackDueAt('medium', raised, mine))).toBe('2026-06-10T11:00:00.000Z');
		expect(iso(ackDueAt('low', raised, mine))).toBe('2026-06-10T19:00:00.000Z');
	});

	it('only urgent and high concerns go out of the app', () => {
		expect([...ALERT_SEVERITIES].sort()).toEqual(['high', 'urgent']);
	});
});

describe('bank holidays in England and Wales (the regular ones, with substitute days)', () => {
	// As published on gov.uk for these years (one-off holidays such as 8 May 2023 are not known).
	const published: Record<number, string[]> = {
		2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
		2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
		2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
		2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
		2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']
	};
	for (const [year, days] of Object.entries(published)) {
		it(`${year}`, () => {
			expect([...bankHolidays(Number(year))].sort()).toEqual(days);
		});
	}
});

describe('end of the next working day (17:00 UK time, Monday to Friday)', () => {
	const cases: [string, string, string][] = [
		// [raised (UTC), due (UTC), why]
		['2026-01-14T10:00:00.000Z', '2026-01-15T17:00:00.000Z', 'Wednesday in winter (GMT) → Thursday 17:00 GMT'],
		['2026-07-15T10:00:00.000Z', '2026-07-16T16:00:00.000Z', 'Wednesday in summer (BST) → Thursday 17:00 BST'],
		['2026-01-16T10:00:00.000Z', '2026-01-19T17:00:00.000Z', 'Friday → Monday'],
		['2026-01-17T10:00:00.000Z', '2026-01-19T17:00:00.000Z', 'Saturday → Monday'],
		['2026-01-18T10:00:00.000Z', '2026-01-19T17:00:00.000Z', 'Sunday → Monday'],
		['2026-01-15T16:59:00.000Z', '2026-01-16T17:00:00.000Z', 'Thursday just before 17:00 → Friday (the next day, not today)'],
		['2026-01-15T23:59:00.000Z', '2026-01-16T17:00:00.000Z', 'Thursday late evening → Friday'],
		// The UK date decides, not the UTC date: 23:30 UTC on a summer Thursday is already Friday in the UK.
		['2026-07-16T23:30:00.000Z', '2026-07-20T16:00:00.000Z', 'Thursday 23:30 UTC = Friday 00:30 BST → Monday'],
		['2026-07-19T23:30:00.000Z', '2026-07-21T16:00:00.000Z', 'Sunday 23:30 UTC = Monday 00:30 BST → Tuesday'],
		// Clocks go forward on Sunday 29 March 2026 at 01:00 UTC.
		['2026-03-27T12:00:00.000Z', '2026-03-30T16:00:00.000Z', 'Friday in GMT → Monday in BST (17:00 BST = 16:00 UTC)'],
		['2026-03-29T00:30:00.000Z', '2026-03-30T16:00:00.000Z', 'Sunday 00:30 GMT, just before the change → Monday 17:00 BST'],
		['2026-03-29T01:30:00.000Z', '2026-03-30T16:00:00.000Z', 'Sunday 02:30 BST, just after the change → Monday 17:00 BST'],
		['2026-03-26T12:00:00.000Z', '2026-03-27T17:00:00.000Z', 'Thursday before the change → Friday, still GMT'],
		// Clocks go back on Sunday 25 October 2026 at 01:00 UTC.
		['2026-10-23T12:00:00.000Z', '2026-10-26T17:00:00.000Z', 'Friday in BST → Monday in GMT (17:00 GMT = 17:00 UTC)'],
		['2026-10-22T12:00:00.000Z', '2026-10-23T16:00:00.000Z', 'Thursday before the change → Friday, still BST'],
		['2026-10-24T23:30:00.000Z', '2026-10-26T17:00:00.000Z', 'Sunday 00:30 BST → Monday 17:00 GMT'],
		['2026-10-25T00:30:00.000Z', '2026-10-26T17:00:00.000Z', 'Sunday 01:30 BST (the first 01:30) → Monday'],
		['2026-10-25T01:30:00.000Z', '2026-10-26T17:00:00.000Z', 'Sunday 01:30 GMT (the second 01:30) → Monday'],
		// Across a month and a year end.
		['2026-12-31T12:00:00.000Z', '2027-01-04T17:00:00.000Z', 'Thursday 31 December → Monday 4 January (Friday 1 January is a bank holiday)'],
		// Bank holidays in England and Wales, with substitute days.
		['2026-04-02T12:00:00.000Z', '2026-04-07T16:00:00.000Z', 'Thursday before Easter → Tuesday (Good Friday and Easter Monday)'],
		['2026-05-22T12:00:00.000Z', '2026-05-26T16:00:00.000Z', 'Friday → Tuesday (the spring bank holiday)'],
		['2026-12-24T12:00:00.000Z', '2026-12-29T17:00:00.000Z', 'Christmas Eve 2026 → Tuesday 29 (Boxing Day is a Saturday: Monday 28 instead)'],
		['2027-12-24T12:00:00.000Z', '2027-12-29T17:00:00.000Z', 'Christmas Eve 2027 → Wednesday 29 (both days fall at the weekend: 27 and 28 instead)'],
		['2027-02-26T12:00:00.000Z', '2027-03-01T17:00:00.000Z', 'Friday 26 February → Monday 1 March']
	];

	it.each(cases)('%s → %s (%s)', (raised, due) => {
		expect(iso(endOfNextWorkingDay(at(raised)))).toBe(due);
		expect(iso(ackDueAt('low', at(raised), defaultSafeguardingSettings))).toBe(due);
	});

	describe('does not depend on the machine’s time zone', () => {
		const saved = process.env.TZ;
		afterEach(() => {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		});
		for (const tz of ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC']) {
			it(`gives the same answers with TZ=${tz}`, () => {
				process.env.TZ = tz;
				// The zone change took effect for local-time functions (so the check is meaningful).
				if (tz !== 'UTC') expect(new Date('2026-01-14T10:00:00.000Z').getTimezoneOffset()).not.toBe(0);
				for (const [raised, due] of cases) expect(iso(endOfNextWorkingDay(at(raised))), raised).toBe(due);
			});
		}
	});
});
