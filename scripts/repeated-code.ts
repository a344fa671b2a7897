// Repeated code, counted as issue 15 counts it: pairs of places that share 6 or more consecutive
// lines of the same shape, ranked by length; of the 200 largest pairs, how many lie between two
// files under src/. A line's shape is the line with whitespace, string and number literals and
// names replaced by placeholders; blank, comment and punctuation-only lines are skipped.
//   node scripts/repeated-code.ts [dir] [--list]   (dir: a checkout, default the current one)
// --keep-names compares names as written (stricter); --sql also reads the SQL files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--')) ?? '.';
const keepNames = args.includes('--keep-names');
const extensions = ['.ts', '.svelte', '.js', ...(args.includes('--sql') ? ['.sql'] : [])];
const SKIP_DIRS = new Set([
	'node_modules',
	'.svelte-kit',
	'build',
	'.git',
	'test-results',
	'.tools'
]);
const WINDOW = 6;
const TOP = 200;

const STRING = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
const NUMBER = /\b\d+(?:\.\d+)?\b/g;
const NAME = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const TRIVIA = /^[\s{}()[\];,<>/]*$/;
const COMMENT = /^(\/\/|\*|\/\*|<!--|--)/;

type Line = { shape: string; line: number };

function shapes(text: string): Line[] {
	const lines: Line[] = [];
	text.split('\n').forEach((raw, i) => {
		const s = raw.trim();
		if (!s || TRIVIA.test(s) || COMMENT.test(s)) return;
		let shape = s.replace(STRING, 'S').replace(NUMBER, 'N');
		if (!keepNames) shape = shape.replace(NAME, 'I');
		lines.push({ shape, line: i + 1 });
	});
	return lines;
}

function walk(dir: string, out: Map<string, Line[]>) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (!SKIP_DIRS.has(name)) walk(path, out);
		} else if (extensions.some((e) => name.endsWith(e)) && name !== 'database.types.ts') {
			out.set(relative(root, path), shapes(readFileSync(path, 'utf8')));
		}
	}
}

const files = new Map<string, Line[]>();
walk(root, files);

// Every window of WINDOW shapes, and where it occurs.
const windows = new Map<string, [string, number][]>();
for (const [file, lines] of files) {
	for (let k = 0; k + WINDOW <= lines.length; k++) {
		const key = lines
			.slice(k, k + WINDOW)
			.map((l) => l.shape)
			.join('\n');
		const list = windows.get(key) ?? [];
		list.push([file, k]);
		windows.set(key, list);
	}
}

// Each pair of occurrences grown to its longest run; a run is counted once.
const seen = new Set<string>();
const runs = new Map<string, { length: number; a: string; b: string }>();
for (const list of windows.values()) {
	if (list.length < 2 || list.length > 50) continue;
	for (let i = 0; i < list.length; i++) {
		for (let j = i + 1; j < list.length; j++) {
			const [fa, ka0] = list[i]!;
			const [fb, kb0] = list[j]!;
			if (fa === fb && Math.abs(ka0 - kb0) < WINDOW) continue;
			if (seen.has(`${fa}:${ka0}:${fb}:${kb0}`)) continue;
			const la = files.get(fa)!;
			const lb = files.get(fb)!;
			let [ka, kb] = [ka0, kb0];
			while (
				ka > 0 &&
				kb > 0 &&
				la[ka - 1]!.shape === lb[kb - 1]!.shape &&
				!(fa === fb && ka - 1 === kb)
			) {
				ka--;
				kb--;
			}
			let n = 0;
			while (ka + n < la.length && kb + n < lb.length && la[ka + n]!.shape === lb[kb + n]!.shape)
				n++;
			for (let m = 0; m < n; m++) seen.add(`${fa}:${ka + m}:${fb}:${kb + m}`);
			if (n < WINDOW) continue;
			const a = `${fa}:${la[ka]!.line}`;
			const b = `${fb}:${lb[kb]!.line}`;
			runs.set(`${a} ${b}`, { length: n, a, b });
		}
	}
}

const ranked = [...runs.values()].sort(
	(x, y) => y.length - x.length || (y.a + y.b < x.a + x.b ? -1 : 1)
);
const top = ranked.slice(0, TOP);
const underSrc = (place: string) => place.startsWith('src/');
const betweenSrc = top.filter((r) => underSrc(r.a) && underSrc(r.b));
const withSvelte = betweenSrc.filter((r) => /\.svelte:/.test(r.a) || /\.svelte:/.test(r.b));
console.log(
	`pairs: ${ranked.length}; of the ${top.length} largest, between src/ files: ${betweenSrc.length}` +
		` (with a .svelte file: ${withSvelte.length}); smallest of them: ${top.at(-1)?.length ?? 0} lines`
);
if (args.includes('--list')) for (const r of betweenSrc) console.log(`${r.length}\t${r.a}\t${r.b}`);
