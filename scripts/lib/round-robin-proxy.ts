// A small round-robin load balancer on loopback, for the hosted-mode test stack and bench:scale:
// it stands where a municipality's load balancer would stand in front of several app servers.
// Forwarding is httpxy's (a maintained HTTP proxy library); this file only picks the server. It
// adds X-Forwarded-For and X-Forwarded-Proto (the app reads them through ADDRESS_HEADER and
// PROTOCOL_HEADER), keeps the Host header, and says which server answered in X-Upstream. A server
// that refuses the connection (stopped, or shutting down) is skipped: the request, whose body the
// proxy holds, goes to the next one, as a load balancer's health check would arrange.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createProxyServer } from 'httpxy';

export interface RoundRobinProxy {
	url: string;
	port: number;
	/** How many requests each upstream answered. */
	served: number[];
	close: () => Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
	if (req.method === 'GET' || req.method === 'HEAD') return null;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY) throw new Error('body too large');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

const refused = (error: unknown) =>
	['ECONNREFUSED', 'ECONNRESET'].includes((error as { code?: string })?.code ?? '');

export async function startRoundRobinProxy(
	upstreams: string[],
	opts: { port?: number; host?: string } = {}
): Promise<RoundRobinProxy> {
	// No 'error' listener: then httpxy rejects web()'s promise, and we can try the next server.
	const proxy = createProxyServer({ xfwd: true, proxyTimeout: 60_000 });
	const served = upstreams.map(() => 0);
	let next = 0;

	const server = http.createServer(async (req, res) => {
		let body: Buffer | null;
		try {
			body = await readBody(req);
		} catch {
			res.writeHead(413).end();
			return;
		}
		req.headers['x-forwarded-proto'] = 'http';
		for (let tried = 0; tried < upstreams.length; tried++) {
			const index = next++ % upstreams.length;
			const target = upstreams[index] as string;
			try {
				res.setHeader('x-upstream', String(index));
				await proxy.web(req, res, {
					target,
					...(body ? { buffer: Readable.from([body]) } : {})
				});
				served[index]! += 1;
				return;
			} catch (error) {
				// Nothing reached that server yet: try the next one.
				if (refused(error) && !res.headersSent) continue;
				if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
				res.end('Bad gateway\n');
				return;
			}
		}
		res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('No server\n');
	});
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve) =>
		server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve)
	);
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		served,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
