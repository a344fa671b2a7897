// Postgres speaks snake_case, the app camelCase: jsonb and rows are converted once, where zod
// parses them, so page data and server code never see a snake_case key.
import { z } from 'zod';

export const camelKey = (key: string) =>
	key.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Renames the keys of plain objects at every depth; values (e.g. 'every_two_weeks') stay. */
export function camelizeKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(camelizeKeys);
	if (
		value !== null &&
		typeof value === 'object' &&
		Object.getPrototypeOf(value) === Object.prototype
	) {
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [camelKey(key), camelizeKeys(inner)])
		);
	}
	return value;
}

/** A schema with camelCase keys that parses what an rpc returned with snake_case keys. */
export const fromRow = <T extends z.ZodType>(schema: T) => z.preprocess(camelizeKeys, schema);
