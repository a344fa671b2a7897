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
	numFailedTestSuites: number;
	testResults: { name: string; status: string; message?: string }[];
};
// A file that fails to load fails no test but its suite: count those too.
const brokenFiles = report.testResults.filter((r) => r.status !== 'passed');
for (const file of brokenFiles) console.log(`failed: ${file.name} ${file.message ?? ''}`.trim());
console.log(
	`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles.length} failed`
);
if (
	!report.success ||
	report.numFailedTests > 0 ||
	report.numFailedTestSuites > 0 ||
	brokenFiles.length > 0 ||
	report.numTotalTests === 0
) {
	process.exit(1);
}
