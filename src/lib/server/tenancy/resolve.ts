// Which municipality a host name belongs to, asked of the database once per host and kept for a
// short while in this server process: a page request costs no extra database call, and a change
// of host names by the platform operator reaches every server within HOST_CACHE_MS.
import type { Municipality } from './municipality';

export const HOST_CACHE_MS = 30_000;
/** Unknown hosts are cached too (a scanner trying random names costs one lookup per name). */
const MAX_ENTRIES = 1_000;

type Lookup = (host: string) => Promise<Municipality | null>;

interface Entry {
	at: number;
	value: Promise<Municipality | null>;
}

export class HostResolver {
	#entries = new Map<string, Entry>();
	#lookup: Lookup;
	#ttl: number;
	#now: () => number;

	constructor(lookup: Lookup, options: { ttlMs?: number; now?: () => number } = {}) {
		this.#lookup = lookup;
		this.#ttl = options.ttlMs ?? HOST_CACHE_MS;
		this.#now = options.now ?? Date.now;
	}

	/** The municipality for a normalized host name, or null when no municipality serves it. */
	resolve(host: string): Promise<Municipality | null> {
		const now = this.#now();
		const cached = this.#entries.get(host);
		if (cached && now - cached.at < this.#ttl) return cached.value;
		if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
		// Concurrent requests for one host share one lookup; a failed lookup is not kept.
		const value = this.#lookup(host);
		const entry = { at: now, value };
		this.#entries.set(host, entry);
		value.catch(() => {
			if (this.#entries.get(host) === entry) this.#entries.delete(host);
		});
		return value;
	}

	/** Forgets every host (after the operator changed host names on this server). */
	clear() {
		this.#entries.clear();
	}
}
