#!/usr/bin/env bash
# The whole test suite (the README's test command). System packages the tests need are installed by the
# project's own scripts; the tests start and stop pcscd, the virtual card and Chromium themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/pcsc/ensure-pcsc.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-postgres.sh >/dev/null   # the hub's tests run on PostgreSQL too (tests/hub/hub-postgres.test.ts)

echo "== Kiểm tra kiểu / type check"
npx tsc --noEmit -p .
echo "== Kiểm thử đơn vị và tích hợp / unit and integration tests"
npx vitest run
echo "== Kiểm thử đầu-cuối trên Chromium / end-to-end tests"
npx playwright test
