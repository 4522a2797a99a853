#!/bin/sh
# Runs inside tests/support/with-keyring.sh (a private keyring): signs the CLI in to $1, then times
# `pikku-admin whoami --json` and the same get-session with curl, $3 runs each. Prints JSON lines.
set -e
URL=$1; BIN=$2; RUNS=$3
export PIKKU_ADMIN_KEYCHAIN_SERVICE=pikku-admin-bench PIKKU_ADMIN_SERVER=$URL
"$BIN" login --no-browser --json > "$XDG_RUNTIME_DIR/login.out" 2>/dev/null &
LOGIN=$!
for i in $(seq 1 100); do [ -s "$XDG_RUNTIME_DIR/login.out" ] && break; sleep 0.05; done
CODE=$(head -1 "$XDG_RUNTIME_DIR/login.out" | python3 -c 'import json,sys;print(json.load(sys.stdin)["userCode"])')
TOKEN=$(curl -s -X POST "$URL/api/auth/sign-in/email" -H 'content-type: application/json' \
  -d '{"email":"admin@example.com","password":"admin-password-123"}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
curl -s "$URL/api/auth/device?user_code=$CODE" -H "Authorization: Bearer $TOKEN" > /dev/null
curl -s -X POST "$URL/api/auth/device/approve" -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d "{\"userCode\":\"$CODE\"}" > /dev/null
wait $LOGIN
python3 - "$BIN" "$URL" "$TOKEN" "$RUNS" <<'PY'
import json, subprocess, sys, time
bin_, url, token, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def timed(cmd):
    t = time.perf_counter(); r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); dt = (time.perf_counter() - t) * 1000
    if r.returncode != 0: raise SystemExit(f"{cmd[0]} failed: {r.returncode}")
    return dt
for _ in range(2):  # warm-up
    timed([bin_, "whoami", "--json"]); timed(["curl", "-s", "-H", f"Authorization: Bearer {token}", f"{url}/api/auth/get-session"])
for _ in range(runs):
    print(json.dumps({"bench": "whoami", "ms": timed([bin_, "whoami", "--json"])}))
    print(json.dumps({"bench": "curl-get-session", "ms": timed(["curl", "-s", "-H", f"Authorization: Bearer {token}", f"{url}/api/auth/get-session"])}))
PY
