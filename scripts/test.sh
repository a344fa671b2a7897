#!/usr/bin/env bash
# npm test — every test: unit, integration on PGlite, integration on PostgreSQL (when
# DATABASE_URL is set), then the browser tests against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-node.sh
export LITE_TELEMETRY=0 DO_NOT_TRACK=1
# SvelteKit validates its environment when Vite loads; a fresh clone has no .env yet.
node scripts/ensure-env.ts

echo "== unit tests"
npx vitest run --project unit

# The verdict comes from vitest's JSON report, not its exit code (scripts/lib/vitest-verdict.ts).
integration() {
	local report
	report=$(mktemp --suffix=.json)
	TEST_DB=$1 npx vitest run --project integration --reporter=default --reporter=json \
		--outputFile.json="$report" || true
	node scripts/lib/vitest-verdict.ts "$report"
}

echo "== integration tests, embedded Supabase on PGlite"
integration pglite

if [ -n "${DATABASE_URL:-}" ]; then
	echo "== integration tests, embedded Supabase on PostgreSQL"
	integration postgres
elif [ -n "${CI:-}" ]; then
	echo "CI needs DATABASE_URL for the PostgreSQL run" >&2
	exit 1
else
	echo "== skipped PostgreSQL mode: set DATABASE_URL=postgres://user:pass@127.0.0.1:5432/postgres to run it"
fi

echo "== browser tests (Chromium)"
npx vite build
npx playwright test
