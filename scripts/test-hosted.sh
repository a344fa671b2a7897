#!/usr/bin/env bash
# npm run test:hosted — the hosted-mode phase of the tests (README, "Running against a hosted
# Supabase project"): needs DATABASE_URL, Chromium and the production build (`npx vite build`).
# Its own script so scripts/test.sh can run it as a phase of its own, in parallel or in turn.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-node.sh
export LITE_TELEMETRY=0 DO_NOT_TRACK=1
node scripts/ensure-env.ts
node scripts/test-hosted.ts
