#!/usr/bin/env bash
# System packages the test suite needs beyond npm: Debian's Chromium for the HTML comparison page test
# (tests/warehouse/compare-html.test.ts drives it with playwright-core; it skips when Chromium is absent).
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update && apt-get install -y chromium
fi
