// Lite logs every captured auth mail (console.info) and every failed query (console.log/error) to
// the console; inside a measurement loop that is thousands of lines. The bench counts failures
// itself and shows the first one.
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
	const { log, info, error } = console;
	console.log = () => {};
	console.info = () => {};
	console.error = () => {};
	try {
		return await fn();
	} finally {
		console.log = log;
		console.info = info;
		console.error = error;
	}
}
