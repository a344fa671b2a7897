// Serves the production build over plain HTTP on this machine. SvelteKit 3's adapter-node assumes
// https unless a protocol header says otherwise, and then refuses our own http form posts as
// cross-site; a proxy in front (production) sets the header itself and wins over this default.
// It shuts down the way adapter-node's own server does: on SIGTERM or SIGINT it stops taking
// connections, lets requests in flight finish (SHUTDOWN_TIMEOUT seconds, default 30), then emits
// 'sveltekit:shutdown', after which the app cleans up and exits (src/lib/server/platform/shutdown.ts).
import http from 'node:http';
import { startingAnswer } from '../src/lib/server/platform/starting.ts';

process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto';
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

// The port is taken before the app starts: starting it (the embedded Supabase, the demo seed on a
// fresh folder) takes seconds, and a load balancer or supervisor asking /readyz meanwhile should
// hear "not yet" (503) rather than find nothing listening.
let handler: Handler | null = null;
let inFlight = 0;
let closing = false;
const server = http.createServer((req, res) => {
	inFlight++;
	req.on('close', () => {
		inFlight--;
		if (closing) server.closeIdleConnections();
	});
	if (!handler) {
		const answer = startingAnswer(req.method ?? 'GET', req.url ?? '/');
		res.writeHead(answer.status, answer.headers).end(answer.body);
		return;
	}
	req.headers['x-forwarded-proto'] ??= 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
await new Promise<void>((resolve) => server.listen(port, host, resolve));
console.log(`Listening on http://${host}:${port}, starting the app`);
handler = (await import(new URL('../build/handler.js', import.meta.url).href)).handler as Handler;
console.log(`Ready on http://${host}:${port}`);

function shutdown(reason: string) {
	if (closing) return;
	closing = true;
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	server.close(() => {
		clearTimeout(force);
		// The app exits once it has cleaned up; a build without that listener exits here.
		if (process.listenerCount('sveltekit:shutdown') === 0) process.exit(0);
		process.emit('sveltekit:shutdown' as never, reason as never);
	});
	void inFlight;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutdown(signal));
