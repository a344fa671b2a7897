// Function arguments as PostgREST would take them, in front of the embedded Supabase. PostgREST
// reads an rpc call's JSON arguments the way Postgres reads text: "true" and 1 are a boolean,
// 5 and {"a":1} are text, and anything Postgres cannot read is a 400 (22P02 / 22007). The
// embedded Supabase hands the values to its database driver as they are, and the drivers answer
// a 500 ("Invalid input for boolean type" on PGlite, a TypeError on PostgreSQL) or, worse, a 200
// with a different value ("ja" read as false). So for each argument of a known function we turn
// what PostgREST would accept into the JSON type the driver expects, and answer everything else
// with PostgREST's 400 ourselves (README, Known differences). No Node APIs.

/** Per function name, per argument name, its Postgres type (format_type), for public functions. */
export type RpcSignatures = Map<string, Map<string, string>>;

/** The query that lists them; run as the database owner once per process. */
export const RPC_SIGNATURES_SQL = `
	select p.proname as name, a.name as arg, format_type(a.type, null) as type
	from pg_proc p
	cross join lateral unnest(p.proargnames, coalesce(p.proallargtypes, p.proargtypes::oid[]), p.proargmodes)
		as a(name, type, mode)
	where p.pronamespace = 'public'::regnamespace and coalesce(a.mode, 'i') in ('i', 'b', 'v')
		and a.name is not null and a.name <> ''`;

/** Overloads that give one argument name different types leave it to the database. */
export function buildRpcSignatures(
	rows: { name: string; arg: string; type: string }[]
): RpcSignatures {
	const signatures: RpcSignatures = new Map();
	const ambiguous = new Set<string>();
	for (const { name, arg, type } of rows) {
		const args = signatures.get(name) ?? new Map<string, string>();
		const known = args.get(arg);
		if (known !== undefined && known !== type) ambiguous.add(`${name}.${arg}`);
		args.set(arg, type);
		signatures.set(name, args);
	}
	for (const key of ambiguous) {
		const [name, arg] = key.split('.') as [string, string];
		signatures.get(name)?.delete(arg);
	}
	return signatures;
}

const TRUE = new Set(['t', 'tr', 'tru', 'true', 'y', 'ye', 'yes', 'on', '1']);
const FALSE = new Set(['f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off', '0']);
const TEXT = /^(text|character varying(\(\d+\))?|character(\(\d+\))?|name|citext)$/;
const DATE_TIME =
	/^(date|time( with(out)? time zone)?|timestamp( with(out)? time zone)?|interval)$/;
const INTEGER = /^(smallint|integer|bigint)$/;
const DECIMAL = /^(numeric(\(\d+(,\d+)?\))?|real|double precision)$/;

class Refusal {
	constructor(
		readonly code: string,
		readonly message: string
	) {}
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const refuse = (code: string, type: string, value: unknown) =>
	new Refusal(code, `invalid input syntax for type ${type}: "${asText(value)}"`);

/** The value as the driver should get it for this Postgres type, or a Refusal. */
function normalise(type: string, value: unknown): unknown {
	if (value === null) return null;
	if (type.endsWith('[]')) {
		if (typeof value === 'string') return value; // an array literal, read by Postgres
		if (!Array.isArray(value))
			return new Refusal('22P02', `malformed array literal: "${asText(value)}"`);
		const element = type.slice(0, -2);
		const items = value.map((item) => normalise(element, item));
		return items.find((item) => item instanceof Refusal) ?? items;
	}
	if (type === 'boolean') {
		if (typeof value === 'boolean') return value;
		const text =
			typeof value === 'string'
				? value.trim().toLowerCase()
				: typeof value === 'number'
					? String(value)
					: null;
		if (text !== null && TRUE.has(text)) return true;
		if (text !== null && FALSE.has(text)) return false;
		return refuse('22P02', 'boolean', value);
	}
	if (TEXT.test(type)) return typeof value === 'string' ? value : asText(value);
	if (DATE_TIME.test(type)) return typeof value === 'string' ? value : refuse('22007', type, value);
	if (INTEGER.test(type) || DECIMAL.test(type)) {
		return typeof value === 'number' || typeof value === 'string'
			? value
			: refuse('22P02', type, value);
	}
	if (type === 'uuid') return typeof value === 'string' ? value : refuse('22P02', 'uuid', value);
	// JSON says nothing about the element type of anyarray / anyelement: Postgres cannot call it
	// (the drivers answer a 500 "cannot accept a value of type anyarray").
	if (type.startsWith('any')) {
		return new Refusal('42804', `could not determine polymorphic type: ${type} from JSON`);
	}
	return value; // json, jsonb and anything else: the database reads it
}

function refusal(r: Refusal): Response {
	return new Response(
		JSON.stringify({ code: r.code, details: null, hint: null, message: r.message }),
		{
			status: 400,
			headers: { 'content-type': 'application/json; charset=utf-8' }
		}
	);
}

const RPC_PATH = /^\/rest\/v1\/rpc\/([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * The request with its rpc arguments normalised, or PostgREST's 400 for an argument Postgres
 * could not read. Other requests, unknown functions and bodies that are not a JSON object pass
 * unchanged (the API answers those itself).
 */
export async function normaliseRpcArguments(
	request: Request,
	signatures: RpcSignatures | undefined
): Promise<Request | Response> {
	const url = new URL(request.url);
	const args = signatures?.get(RPC_PATH.exec(url.pathname)?.[1] ?? '');
	if (!args) return request;
	if (request.method === 'GET' || request.method === 'HEAD') {
		let changed = false;
		for (const [name, raw] of [...url.searchParams]) {
			const type = args.get(name);
			if (!type) continue;
			const value = normalise(type, raw);
			if (value instanceof Refusal) return refusal(value);
			if (value !== raw) {
				url.searchParams.set(name, String(value));
				changed = true;
			}
		}
		return changed ? new Request(url, request) : request;
	}
	if (request.method !== 'POST' || !/json/i.test(request.headers.get('content-type') ?? '')) {
		return request;
	}
	const text = await request.clone().text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return request;
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return request;
	const normalised: Record<string, unknown> = {};
	let changed = false;
	for (const [name, raw] of Object.entries(body)) {
		const type = args.get(name);
		const value = type ? normalise(type, raw) : raw;
		if (value instanceof Refusal) return refusal(value);
		changed ||= value !== raw;
		normalised[name] = value;
	}
	if (!changed) return request;
	const headers = new Headers(request.headers);
	headers.delete('content-length');
	return new Request(request.url, {
		method: request.method,
		headers,
		body: JSON.stringify(normalised)
	});
}

const loaded = new WeakMap<object, Promise<RpcSignatures>>();

/** The signatures of the database behind `db`, read once (migrations run before it serves). */
export function rpcSignaturesOf(db: {
	exec: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;
}): Promise<RpcSignatures> {
	let signatures = loaded.get(db);
	if (!signatures) {
		signatures = db
			.exec(RPC_SIGNATURES_SQL)
			.then(({ rows }) =>
				buildRpcSignatures(rows as { name: string; arg: string; type: string }[])
			);
		loaded.set(db, signatures);
	}
	return signatures;
}
