#!/usr/bin/env bash
# npm test — every test: unit, integration on PGlite, integration on PostgreSQL (when
# DATABASE_URL is set), then the browser tests against the production build.
#
# The phases run in three lanes side by side, because each keeps about one core busy:
#   lane 1: unit tests, then integration on PGlite
#   lane 2: integration on PostgreSQL
#   lane 3: the production build, then the browser tests
# The phases after them float: each lane that ends takes the next one nobody has taken yet, so
# a core never waits while work is left, however the lanes' times shift as the suite grows:
#   hosted: the hosted-mode browser tests (two app servers from lane 3's build, the API in its
#           own process: scripts/test-hosted.sh; needs DATABASE_URL)
#   check, lint: the type check and lint (TEST_CHECKS=1)
# Each phase's output goes to a log that is printed when the phase ends; the table at the end has
# every phase's time. TEST_LANES=1 runs the phases one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-node.sh
export LITE_TELEMETRY=0 DO_NOT_TRACK=1
# bcrypt at lite's lowest cost: every test signs people up and in, and at the production cost
# (10) the hashing alone was a fifth of the integration time. The app keeps the default.
export LITE_AUTH_BCRYPT_COST=${LITE_AUTH_BCRYPT_COST:-4}
# SvelteKit validates its environment when Vite loads; a fresh clone has no .env yet.
node scripts/ensure-env.ts

if [ -z "${DATABASE_URL:-}" ] && [ -n "${CI:-}" ]; then
	echo "CI needs DATABASE_URL for the PostgreSQL run" >&2
	exit 1
fi

logs=$(mktemp -d)
timings="$logs/timings"
: >"$timings"
suite_start=$(date +%s)

# phase NAME COMMAND…: runs it with its output in a log, prints the log when done, records the time.
phase() {
	local name=$1
	shift
	local log="$logs/$name.log" start status=0
	start=$(date +%s)
	echo "== $name: started"
	"$@" >"$log" 2>&1 || status=$?
	local took=$(($(date +%s) - start))
	{
		echo "== $name: $([ $status -eq 0 ] && echo passed || echo FAILED) in ${took} s"
		cat "$log"
		echo "== end of $name"
	} | sed "s/^/[$name] /"
	printf '%-22s %5d s  %s\n' "$name" "$took" "$([ $status -eq 0 ] && echo passed || echo FAILED)" >>"$timings"
	[ $status -eq 0 ] || echo "$name" >>"$logs/failed"
	return $status
}

# The integration project's exit code is reliable (scripts/lib/exit-code-reporter.ts).
# With both passes, a file that would check the same in each runs in one of them (vite.config.ts).
integration() {
	if [ -n "${DATABASE_URL:-}" ]; then export BOTH_PASSES=1; fi
	TEST_DB=$1 npx vitest run --project integration
}

# The integration passes wait far more than they compute: a test is a chain of small requests,
# each one waking the test, the API and the database in turn. The build, the browser tests and the
# checks are the opposite and keep a core busy for as long as they run. With all of them at the
# same priority, the integration passes queued for a core at every step of the chain (ci33: the
# PostgreSQL pass's API and database used about 0.2 of a core over its 32 minutes). So the busy
# phases run at a lower priority: they take what the integration passes leave, and lose little.
busy() { nice -n 10 "$@"; }

# Waits for lane 3's build; false when it failed.
built() {
	while [ ! -e "$logs/build.done" ]; do sleep 2; done
	[ "$(cat "$logs/build.done")" = passed ]
}

# The floating phases (see the top): a lane that ends claims each one still free (mkdir is
# atomic) and runs it. All of them start after the build: hosted runs it, and check and lint
# write the same .svelte-kit folder.
floating() {
	local status=0 job
	for job in hosted check lint; do
		mkdir "$logs/claimed-$job" 2>/dev/null || continue
		case $job in
		hosted)
			if [ -n "${DATABASE_URL:-}" ] && built; then
				phase hosted busy bash scripts/test-hosted.sh || status=1
			fi
			;;
		check | lint)
			if [ -n "${TEST_CHECKS:-}" ]; then
				built || true
				phase "$job" busy npm run "$job" || status=1
			fi
			;;
		esac
	done
	return $status
}
lane_1() {
	local status=0
	phase unit npm run test:unit && phase integration-pglite integration pglite || status=1
	floating || status=1
	return $status
}
lane_2() {
	local status=0
	if [ -n "${DATABASE_URL:-}" ]; then
		phase integration-postgres integration postgres || status=1
	else
		echo "== skipped PostgreSQL mode: set DATABASE_URL=postgres://user:pass@127.0.0.1:5432/postgres to run it"
	fi
	floating || status=1
	return $status
}
lane_3() {
	local status=0
	if phase build busy npx vite build; then
		echo passed >"$logs/build.done"
		phase browser busy npx playwright test || status=1
	else
		echo failed >"$logs/build.done"
		status=1
	fi
	floating || status=1
	return $status
}

failed=0
if [ "${TEST_LANES:-3}" = 1 ]; then
	lane_3 || failed=1
	lane_1 || failed=1
	lane_2 || failed=1
else
	lane_1 &
	l1=$!
	lane_2 &
	l2=$!
	lane_3 &
	l3=$!
	wait $l1 || failed=1
	wait $l2 || failed=1
	wait $l3 || failed=1
fi

echo
echo "== time per phase (lanes ran side by side; the total is the wall-clock time)"
cat "$timings"
printf '%-22s %5d s\n' total $(($(date +%s) - suite_start))
# A CI log keeps only its tail: repeat what failed where it will be read.
if [ -s "$logs/failed" ]; then
	while read -r name; do
		echo
		echo "== what failed in $name (the whole output is above)"
		sed 's/\x1b\[[0-9;]*m//g' "$logs/$name.log" |
			grep -E ' FAIL |✘|^ *[0-9]+\) |Error:|Unhandled|Timed out|timed out' | head -40
	done <"$logs/failed"
fi
rm -rf "$logs"
exit $failed
