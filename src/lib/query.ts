// Links that carry filters: the set values as a query string, in a fixed order, so the same
// search is always the same link.

type QueryValue = string | number | boolean | null | undefined;

/** The query string (without "?") of the values that are set: '', false, null and undefined are left out; true is "1". */
export function queryString(params: Record<string, QueryValue>): string {
	const pairs = Object.entries(params).flatMap(([key, value]) =>
		value === undefined || value === null || value === false || value === ''
			? []
			: [[key, value === true ? '1' : String(value)]]
	);
	return new URLSearchParams(pairs).toString();
}

/** `path?query`, or the bare path when no value is set. */
export function hrefWith(path: string, params: Record<string, QueryValue>): string {
	const query = queryString(params);
	return query ? `${path}?${query}` : path;
}
