// Serves the production build over plain HTTP on this machine. SvelteKit 3's adapter-node assumes
// https unless a protocol header says otherwise, and then refuses our own http form posts as
// cross-site; a proxy in front (production) sets the header itself and wins over this default.
import http from 'node:http';

process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto';
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const server = http.createServer((req, res) => {
	req.headers['x-forwarded-proto'] ??= 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
