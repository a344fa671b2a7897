// Refuses oversized request bodies before the embedded Supabase parses them, so no caller can make
// the database (or the JSON parser in front of it) chew on megabytes. Shared by the app's
// embeddedApi handle and the test harness's HTTP server, so both refuse at the same size.
// Node-free on purpose (Web streams and async iterables only): Vite and plain Node both load it.

/**
 * Per API prefix. Auth bodies are an e-mail address, a password, a code and a little metadata: well
 * under 2 KB, so 16 KB still leaves room while keeping abusive passwords or metadata from reaching
 * the password hasher. Data API bodies from the app are single rows of a few KB; 512 KB lets a
 * 10,000-id array through (about 390 KB, which the SQL functions cap themselves) and equals
 * adapter-node's default BODY_SIZE_LIMIT, so the API is neither looser nor stricter than the forms.
 */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
	{ prefix: '/auth/v1/', bytes: 16 * 1024 },
	{ prefix: '/rest/v1/', bytes: 512 * 1024 }
];
const DEFAULT_LIMIT = 512 * 1024;

// A client that streams past the limit is still read (and the bytes dropped) for up to this much
// more, so a well-behaved one gets to see the 413 instead of a reset connection; beyond it, the
// stream is cancelled and the connection may drop.
const DRAIN_BYTES = 1024 * 1024;

export function bodyLimitFor(pathname: string): number {
	return BODY_LIMITS.find((l) => pathname.startsWith(l.prefix))?.bytes ?? DEFAULT_LIMIT;
}

/** 413 in the error shape of the API the request was for, so supabase-js reports it sensibly. */
export function payloadTooLarge(pathname: string, limit: number): Response {
	const message = `Request body larger than ${limit} bytes.`;
	const body = pathname.startsWith('/auth/v1/')
		? { code: 413, error_code: 'request_too_large', msg: message }
		: { code: 'PGRST413', message, details: null, hint: null };
	return Response.json(body, { status: 413, headers: { connection: 'close' } });
}

export type LimitedBody =
	{ ok: true; body: Uint8Array | undefined } | { ok: false; response: Response };

type Chunks = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

function declaredLength(value: string | null | undefined): number | null {
	if (value == null || value.trim() === '') return null;
	const n = Number(value);
	return Number.isFinite(n) && n >= 0 ? n : null;
}

function iteratorOf(chunks: Chunks): AsyncIterator<Uint8Array> {
	// Node's ReadableStream and IncomingMessage are both async iterable.
	return (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
}

function isTooLargeError(error: unknown): boolean {
	// adapter-node errors the body stream with status 413 past its own BODY_SIZE_LIMIT.
	return (error as { status?: unknown } | null)?.status === 413;
}

/**
 * Reads a request body, refusing it with 413 when its Content-Length or, for a body streamed
 * without one, its counted bytes exceed the limit for the path. The declared length is checked
 * first, so an honest oversized request is refused without reading a byte.
 */
export async function readLimitedBody(
	pathname: string,
	contentLength: string | null | undefined,
	chunks: Chunks | null | undefined
): Promise<LimitedBody> {
	const limit = bodyLimitFor(pathname);
	const declared = declaredLength(contentLength);
	if (declared !== null && declared > limit) {
		return { ok: false, response: payloadTooLarge(pathname, limit) };
	}
	if (!chunks || declared === 0) return { ok: true, body: undefined };

	const iterator = iteratorOf(chunks);
	const parts: Uint8Array[] = [];
	let size = 0;
	let finished = false;
	try {
		for (;;) {
			const next = await iterator.next();
			if (next.done) {
				finished = true;
				break;
			}
			size += next.value.byteLength;
			if (size > limit + DRAIN_BYTES) break;
			if (size <= limit) parts.push(next.value);
		}
	} catch (error) {
		if (isTooLargeError(error)) return { ok: false, response: payloadTooLarge(pathname, limit) };
		throw error;
	} finally {
		if (!finished) await iterator.return?.();
	}
	if (size > limit) return { ok: false, response: payloadTooLarge(pathname, limit) };
	const body = new Uint8Array(size);
	let offset = 0;
	for (const part of parts) {
		body.set(part, offset);
		offset += part.byteLength;
	}
	return { ok: true, body };
}

/**
 * The same check for a Fetch API request: the request again with its body read into memory (lite
 * reads it whole anyway), or the 413 to send instead.
 */
export async function limitRequestBody(request: Request): Promise<Request | Response> {
	if (request.body === null) return request;
	const pathname = new URL(request.url).pathname;
	const limited = await readLimitedBody(
		pathname,
		request.headers.get('content-length'),
		request.body
	);
	if (!limited.ok) return limited.response;
	return new Request(request, { body: limited.body as BodyInit | undefined });
}
