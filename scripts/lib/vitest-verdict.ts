// Reads a vitest JSON report and exits non-zero unless every test ran and passed. The integration
// runs need it: PGlite's Emscripten runtime overwrites process.exitCode when it shuts down, so a
// failed run could exit 0 (and a green one 99).
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/lib/vitest-verdict.ts REPORT.json');
const report = JSON.parse(readFileSync(file, 'utf8')) as {
	success: boolean;
	numTotalTests: number;
	numFailedTests: number;
	numPassedTests: number;
};
console.log(
	`${report.numPassedTests} passed, ${report.numFailedTests} failed (of ${report.numTotalTests})`
);
if (!report.success || report.numFailedTests > 0 || report.numTotalTests === 0) process.exit(1);
