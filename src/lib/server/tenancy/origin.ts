// Links to a municipality's own site: its first host name with the scheme and port of the
// deployment's public address (ORIGIN), so https://zaanstad.buurtkracht.nl serves
// https://dordrecht.buurtkracht.nl, and http://localhost:5173 serves http://dordrecht.localhost:5173.

/** The origin of `host` with the scheme and port of `base`; `base` itself without a host. */
export function originFor(host: string | null | undefined, base: string): string {
	const url = new URL(base);
	if (host) url.hostname = host;
	return url.origin;
}
