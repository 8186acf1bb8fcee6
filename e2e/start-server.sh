#!/bin/sh
# Starts the production build on a fresh database filled with the demo content.
set -e
mkdir -p .tmp
rm -f .tmp/e2e.db .tmp/e2e.db-wal .tmp/e2e.db-shm .tmp/e2e.db-journal
rm -rf .tmp/e2e-uploads
npx prisma migrate deploy > /dev/null
npx tsx app/cli/seed-demo.ts > /dev/null
npx tsx e2e/seed-courses.ts > /dev/null
exec node --max-old-space-size=160 --max-semi-space-size=8 ./build/index.js
