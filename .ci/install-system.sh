#!/usr/bin/env bash
# System packages the test suite needs beyond npm:
# - Debian's Chromium for the HTML comparison and review page tests (playwright-core drives it; they skip
#   when it is absent);
# - Tesseract 5 with its Vietnamese model, and poppler's pdftoppm, for OCR of scanned PDFs
#   (extractors/ocr-reader.ts; tests/ocr skips with the reason when they are absent);
# - LibreOffice Calc, headless, to open a CSV export as an analyst would and find no formula cell
#   (tests/e2e/formula-injection.test.ts);
# - Debian's PostgreSQL server, for the warehouse tests that run on both engines: vitest's globalSetup
#   (tests/pg/global-setup.ts) starts a throwaway cluster with its initdb and pg_ctl, as the `postgres`
#   user the package creates when run as root, and stops it when the run ends. The package's own cluster
#   is not used.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
[ -e /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || missing+=(tesseract-ocr-vie)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update && apt-get install -y "${missing[@]}"
fi
# Calc alone, without the recommended desktop packages it would otherwise pull (hundreds of MB)
if ! command -v soffice >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui
fi
