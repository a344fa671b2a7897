// Dutch number formatting for the monitor: "1.583", "€ 570.000", "15,5 uur".
import type { Unit } from '../server/monitor/metric';

const count = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});
const euro = new Intl.NumberFormat('nl-NL', {
	style: 'currency',
	currency: 'EUR',
	maximumFractionDigits: 0
});
const euroCents = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

export const formatCount = (n: number) => count.format(n);

/** Whole euros without cents ("€ 570.000"); amounts with cents keep them ("€ 12,50"). */
export const formatCents = (cents: number) =>
	cents % 100 === 0 ? euro.format(cents / 100) : euroCents.format(cents / 100);

export function formatValue(value: number | null | undefined, unit: Unit): string {
	if (value === null || value === undefined) return '–';
	if (unit === 'cents') return formatCents(value);
	if (unit === 'hours') return `${oneDecimal.format(value)} uur`;
	return formatCount(value);
}

/** "+12%", "−3%", or '' when there is nothing to compare with. */
export function formatChange(now: number, before: number | null | undefined): string {
	if (before === null || before === undefined || before === 0) return '';
	const pct = Math.round(((now - before) / before) * 100);
	return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

const monthName = new Intl.DateTimeFormat('nl-NL', { month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('nl-NL', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** '2026-03' → 'mrt' (short, for an axis) or 'maart 2026'. */
export const formatMonth = (month: string, long = false) =>
	(long ? monthYear : monthName).format(new Date(`${month}-01T00:00:00Z`)).replace('.', '');
