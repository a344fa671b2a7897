// Prints the benchmark rows as aligned text tables.
export function table(headers: string[], rows: (string | number)[][]): string {
	const cells = [headers, ...rows.map((r) => r.map(String))];
	const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
	// Numbers read best right-aligned; the first columns are labels.
	const line = (r: string[]) =>
		r
			.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
			.join('  ');
	return [
		line(headers),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...cells.slice(1).map(line)
	].join('\n');
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
