// Server time of the signed-in profile page through the production server: signs in a demo
// account with the real form, then requests /profiel and reads the Server-Timing header the
// hook adds (Supabase calls and their time) beside the total response time.
import { performance } from 'node:perf_hooks';
import { percentile } from './load.ts';

export interface PageTiming {
	requests: number;
	p50: number;
	p95: number;
	supabaseCalls: number;
	supabaseMsP50: number;
}

export async function signInCookie(origin: string, email: string, password: string) {
	const res = await fetch(`${origin}/inloggen?/wachtwoord`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (res.status !== 303 || cookies.length === 0) {
		throw new Error(`sign-in as ${email} failed: HTTP ${res.status}`);
	}
	return cookies.join('; ');
}

export async function timePage(origin: string, path: string, cookie: string, samples = 100) {
	const totals: number[] = [];
	const dbTimes: number[] = [];
	let calls = 0;
	for (let i = 0; i < samples + 10; i++) {
		const t0 = performance.now();
		const res = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: 'manual' });
		await res.arrayBuffer();
		const elapsed = performance.now() - t0;
		if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
		const timing = /supabase;desc="(\d+) calls";dur=([\d.]+)/.exec(
			res.headers.get('server-timing') ?? ''
		);
		if (i < 10) continue; // warm-up
		totals.push(elapsed);
		dbTimes.push(Number(timing?.[2] ?? NaN));
		calls = Math.max(calls, Number(timing?.[1] ?? NaN));
	}
	totals.sort((a, b) => a - b);
	dbTimes.sort((a, b) => a - b);
	return {
		requests: totals.length,
		p50: percentile(totals, 50),
		p95: percentile(totals, 95),
		supabaseCalls: calls,
		supabaseMsP50: percentile(dbTimes, 50)
	} satisfies PageTiming;
}
