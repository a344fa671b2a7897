// CPU time of processes on this machine, from /proc: the app servers, the API server and the
// PostgreSQL backends of one database, so bench:scale can say what a request costs each of them.
import { readFileSync } from 'node:fs';
import type { Sql } from 'postgres';

/** Linux reports process CPU time in clock ticks; 100 per second on every common kernel. */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of a process in milliseconds, or null when it is gone. */
export function cpuMsOf(pid: number | undefined): number | null {
	if (!pid) return null;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which is in parentheses and may hold spaces): utime and
		// stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
	} catch {
		return null;
	}
}

/** A counter of the CPU time a set of processes spends between start() and read(). */
export interface CpuMeter {
	start: () => Promise<void>;
	/** Milliseconds spent since start(), and how many processes of the set ended meanwhile. */
	read: () => Promise<{ ms: number; lost: number }>;
}

export function processMeter(pids: () => (number | undefined)[]): CpuMeter {
	let before = new Map<number, number>();
	return {
		start: async () => {
			before = new Map();
			for (const pid of pids()) {
				const ms = cpuMsOf(pid);
				if (pid && ms !== null) before.set(pid, ms);
			}
		},
		read: async () => {
			let ms = 0;
			let lost = 0;
			for (const [pid, startMs] of before) {
				const now = cpuMsOf(pid);
				if (now === null) lost++;
				else ms += now - startMs;
			}
			return { ms, lost };
		}
	};
}

/**
 * The PostgreSQL backends serving one database (pg_stat_activity), the machine's server being
 * local. Backends that start during the run count from zero; a backend that ends before read()
 * loses its time (counted in `lost`): the API server and the driver keep their connections open.
 */
export function postgresMeter(sql: Sql, database: string): CpuMeter {
	let before = new Map<number, number>();
	const backends = async () =>
		(
			await sql<
				{ pid: number }[]
			>`select pid from pg_stat_activity where datname = ${database} and backend_type = 'client backend'`
		).map((r) => r.pid);
	return {
		start: async () => {
			before = new Map();
			for (const pid of await backends()) {
				const ms = cpuMsOf(pid);
				if (ms !== null) before.set(pid, ms);
			}
		},
		read: async () => {
			let ms = 0;
			let lost = 0;
			const now = await backends();
			for (const pid of now) {
				const cpu = cpuMsOf(pid);
				if (cpu !== null) ms += cpu - (before.get(pid) ?? 0);
			}
			for (const pid of before.keys()) if (!now.includes(pid)) lost++;
			return { ms, lost };
		}
	};
}
