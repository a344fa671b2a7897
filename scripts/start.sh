#!/usr/bin/env bash
# Quick start: installs what is missing, then starts mailbox, embedded Supabase and app with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-node.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund
fi
exec node scripts/dev.ts "$@"
