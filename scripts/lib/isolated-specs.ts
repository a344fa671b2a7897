// Unit test files that need a module graph of their own (vite.config.ts): the unit project shares
// one between its files, which took its CPU from 69 to 24 s, and a file that replaces a module or
// a global could leave the replacement to the files after it, or find the real one already loaded.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPLACES = /\bvi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers)\(/;

export function specsNeedingIsolation(root = 'src'): string[] {
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.spec.ts'))
		.map((file) => path.join(root, file))
		.filter((file) => REPLACES.test(readFileSync(file, 'utf8')))
		.sort();
}
