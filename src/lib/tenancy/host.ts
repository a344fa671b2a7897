// Host names as the tenancy compares them: lower case, without port, without a trailing dot.
// Pure, so the hook, the operator's form and the tests agree on one rule.

/** The host of a Host header or URL host ("Zaanstad.Example.nl.:443" → "zaanstad.example.nl"). */
export function normalizeHost(raw: string | null | undefined): string {
	let host = (raw ?? '').trim().toLowerCase();
	if (host.startsWith('[')) {
		// An IPv6 literal keeps its colons; only a port after the bracket goes.
		const end = host.indexOf(']');
		return end === -1 ? host : host.slice(0, end + 1);
	}
	const colon = host.indexOf(':');
	if (colon !== -1) host = host.slice(0, colon);
	return host.replace(/\.+$/, '');
}

/** What the database accepts as a host name (municipality_hosts.host's CHECK, same rule). */
export const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export const isHostName = (host: string) => host.length <= 253 && HOST_NAME.test(host);
