# Sourced by scripts: puts Node 24 LTS first on PATH, installing it from the npm registry into
# .tools/node24 when the machine's Node is older (these machines ship Node 20, which is end-of-life).
NODE_WANTED_MAJOR=24
NODE_PACKAGE_VERSION=24.21.0
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
local_bin="$repo_root/.tools/node24/node_modules/.bin"
current_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$current_major" -lt "$NODE_WANTED_MAJOR" ]; then
	if [ ! -x "$local_bin/node" ]; then
		echo "Node $NODE_WANTED_MAJOR installeren in .tools/node24 ..."
		npm install --silent --no-save --no-audit --no-fund --prefix "$repo_root/.tools/node24" "node@$NODE_PACKAGE_VERSION" >/dev/null
	fi
	export PATH="$local_bin:$PATH"
fi
