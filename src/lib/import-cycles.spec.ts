// No import cycle under src/ (issue 15): a type shared by a component and a server module lives in
// a module both import. Follows every import and export ... from, type-only ones included, with
// the project's #lib/ alias and relative paths, through .ts and .svelte files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('src');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(ts|svelte)$/.test(name) && !/\.(spec|test)\.ts$/.test(name) ? [path] : [];
	});
}

const SPECIFIER =
	/(?:^|[\s;}])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, specifier: string): string | null {
	const base = specifier.startsWith('#lib/')
		? join(root, 'lib', specifier.slice('#lib/'.length))
		: specifier.startsWith('.')
			? resolve(dirname(from), specifier)
			: null;
	if (!base) return null;
	for (const candidate of [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of files(root)) {
		const text = readFileSync(file, 'utf8');
		const targets = [...text.matchAll(SPECIFIER)]
			.map((m) => resolveImport(file, m[1] ?? m[2]!))
			.filter((t): t is string => t !== null);
		graph.set(file, [...new Set(targets)]);
	}
	return graph;
}

/** Every cycle found by a depth-first walk, each as the files in import order. */
function cycles(graph: Map<string, string[]>): string[][] {
	const found: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		path.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		path.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return found;
}

describe('imports under src/', () => {
	it('the walk sees imports through the #lib/ alias and relative paths', () => {
		const graph = importGraph();
		const mapPage = join(root, 'lib/server/buurthuizen/map-page.ts');
		expect(graph.get(mapPage)).toContain(join(root, 'lib/buurthuizen/map-types.ts'));
		expect(graph.get(mapPage)).toContain(join(root, 'lib/server/buurthuizen/shops-layer.ts'));
	});

	it('have no cycle (one found is printed as its files in import order)', () => {
		const found = cycles(importGraph()).map((c) => c.map((f) => relative(root, f)).join(' → '));
		expect(found).toEqual([]);
	});
});
