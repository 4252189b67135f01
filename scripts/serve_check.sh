#!/usr/bin/env bash
# End-to-end check of scheduled runs: a Prefect server, `relata serve` in the background, a run of
# the daily-build deployment triggered from another process, its artifact read back, then both
# processes stopped by PID. Uses a temporary folder and port 4299; needs the project's venv.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
WORK=$(mktemp -d)
export DO_NOT_TRACK=1 PREFECT_SERVER_ANALYTICS_ENABLED=false PREFECT_HOME="$WORK/prefect-home"
export PREFECT_API_URL=http://127.0.0.1:4299/api
"$BIN/prefect" server start --host 127.0.0.1 --port 4299 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVE $SERVER 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 60); do "$BIN/python" -c "import urllib.request as u; u.urlopen('$PREFECT_API_URL/health')" 2>/dev/null && break; sleep 1; done
echo "server up (PID $SERVER)"
"$BIN/relata" serve --input data/sample --out "$WORK/tables" --releases "$WORK/releases" >"$WORK/serve.log" 2>&1 &
SERVE=$!
for _ in $(seq 60); do "$BIN/prefect" deployment ls 2>/dev/null | grep -q daily-build && break; sleep 1; done
echo "relata serve up (PID $SERVE); deployments:"
"$BIN/prefect" deployment ls
"$BIN/prefect" deployment run build_dataset/daily-build --watch --watch-timeout 600
"$BIN/python" - <<'PY'
import anyio
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
async def main():
    async with get_client() as c:
        arts = await c.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["build-summary"])))
        print(arts[0].data)
anyio.run(main)
PY
kill "$SERVE"; wait "$SERVE" 2>/dev/null || true
echo "relata serve (PID $SERVE) stopped"
