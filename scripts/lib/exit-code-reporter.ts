// A vitest reporter that makes the run's exit code say whether every test passed. Integration
// runs need it: PGlite's Emscripten runtime overwrites process.exitCode when the embedded
// Supabase shuts down (0, or 99 after a clean shutdown), so without it a failed run exited 0.
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export default class ExitCodeReporter implements Reporter {
	onTestRunEnd(
		testModules: ReadonlyArray<TestModule>,
		unhandledErrors: ReadonlyArray<SerializedError>,
		reason: TestRunEndReason
	) {
		// A file that fails to load fails no test but its module: count those too.
		const failed =
			reason !== 'passed' ||
			unhandledErrors.length > 0 ||
			testModules.some((m) => !['passed', 'skipped'].includes(m.state()));
		// 'exit' listeners run after the global teardown has closed PGlite, so this value is final.
		process.on('exit', () => {
			process.exitCode = failed ? 1 : 0;
		});
	}
}
