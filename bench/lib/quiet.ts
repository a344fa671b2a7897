// Lite logs every captured auth mail and every failed query to the console; inside a measurement
// loop that is thousands of lines. The bench counts failures itself and shows the first one.
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
	const { log, error } = console;
	console.log = () => {};
	console.error = () => {};
	try {
		return await fn();
	} finally {
		console.log = log;
		console.error = error;
	}
}
