// Splits PostgreSQL text into statements at top-level semicolons, skipping comments, quoted
// strings, quoted identifiers and dollar-quoted bodies. Enough for our own schema files and for
// the DDL `lite db diff` writes; not a parser. Used by scripts/db-diff.ts.

export interface Statement {
	/** The statement's text from its first token through its semicolon. */
	sql: string;
	/** Comment lines directly above it (no blank line between), as written. */
	doc: string;
}

export function splitStatements(text: string): Statement[] {
	const statements: Statement[] = [];
	let start = -1;
	let afterLast = 0;
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		const next = text[i + 1];
		if (c === '-' && next === '-') {
			const end = text.indexOf('\n', i);
			i = end < 0 ? text.length : end;
			continue;
		}
		if (c === '/' && next === '*') {
			const end = text.indexOf('*/', i + 2);
			i = end < 0 ? text.length : end + 2;
			continue;
		}
		if (start < 0 && !/\s/.test(c)) start = i;
		if (c === "'") {
			// E'…' strings take backslash escapes; '' is a quote in both kinds.
			const escapes = i > 0 && /[eE]/.test(text[i - 1]!) && !/\w/.test(text[i - 2] ?? '');
			i++;
			while (i < text.length) {
				if (escapes && text[i] === '\\') i += 2;
				else if (text[i] === "'" && text[i + 1] === "'") i += 2;
				else if (text[i] === "'") break;
				else i++;
			}
			i++;
			continue;
		}
		if (c === '"') {
			const end = text.indexOf('"', i + 1);
			i = end < 0 ? text.length : end + 1;
			continue;
		}
		if (c === '$') {
			const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64))?.[0];
			if (tag && !/\w/.test(text[i - 1] ?? '')) {
				const end = text.indexOf(tag, i + tag.length);
				i = end < 0 ? text.length : end + tag.length;
				continue;
			}
		}
		if (c === ';' && start >= 0) {
			statements.push({ sql: text.slice(start, i + 1), doc: docAbove(text, afterLast, start) });
			start = -1;
			afterLast = i + 1;
		}
		i++;
	}
	if (start >= 0 && text.slice(start).trim()) {
		statements.push({ sql: text.slice(start).trim(), doc: docAbove(text, afterLast, start) });
	}
	return statements;
}

function docAbove(text: string, from: number, start: number): string {
	const lines = text.slice(from, start).split('\n');
	lines.pop();
	const doc: string[] = [];
	for (let n = lines.length - 1; n >= 0 && /^\s*--/.test(lines[n]!); n--) doc.unshift(lines[n]!);
	return doc.join('\n');
}
