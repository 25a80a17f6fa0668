#!/usr/bin/env bash
# Records the version-1 baselines that the migration tests read, written by goleak-run as it was
# before schema 2 (commit a47052a): one for the recorded leaks dump of test/classify/data, one
# for fixtures/baseline from a real run. Needs node_modules installed and Go on PATH.
# Usage: bash test/baseline/data/record-v1.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
old="$(mktemp -d)"
trap 'rm -rf "$old"' EXIT
git -C "$repo" archive a47052a | tar -x -C "$old"
ln -s "$repo/node_modules" "$old/node_modules"
(cd "$old" && npx tsc -p tsconfig.json)

# The recorded leaks dump, classified and baselined by the old code, as test/baseline/support.ts did.
cd "$old" && node --input-type=module - "$repo/test/classify/data" >"$here/leaks-v1.yaml" <<'JS'
import { readFileSync } from 'node:fs';
import path from 'node:path';
const data = process.argv[2];
const dist = path.join(process.cwd(), 'dist');
const { toPackageReport } = await import(path.join(dist, 'classify/index.js'));
const { parseDump } = await import(path.join(dist, 'parse/index.js'));
const { buildBaseline, runScopeOf, serializeBaseline } = await import(path.join(dist, 'baseline/index.js'));
const dir = '/tmp/goleak-run-classify-gen';
const readSource = (f) => {
  try { return f.startsWith(`${dir}/`) ? readFileSync(path.join(data, 'gen', f.slice(dir.length)), 'utf8') : undefined; } catch { return undefined; }
};
const tests = readFileSync(path.join(data, 'leaks-tests.txt'), 'utf8').split('\n').filter(Boolean);
const run = {
  importPath: 'example.com/leaky/leaks', action: 'pass', elapsedSeconds: 0, cached: false,
  tests: tests.map((name) => ({ name, status: 'pass', elapsedSeconds: 0, output: [] })),
  output: [], buildOutput: [], buildFailed: false, check: { kind: 'leaked', waitedMs: 300, dump: '' },
};
const report = toPackageReport(run, { endOfRun: parseDump(readFileSync(path.join(data, 'leaks.txt'), 'utf8')) }, {
  modulePath: 'example.com/leaky', moduleDir: dir, packageDir: `${dir}/leaks`, rules: [], readSource,
});
process.stdout.write(serializeBaseline(buildBaseline([report], undefined, runScopeOf([run], { partialTests: false }))));
JS

# fixtures/baseline with the old CLI and the real go test.
cp -r "$repo/fixtures/baseline" "$old/fixture"
(cd "$old/fixture" && node "$old/dist/cli.js" --no-config --update-baseline --max-wait 200ms ./... -- -count=1 >/dev/null 2>&1)
cp "$old/fixture/goleak-baseline.yaml" "$here/fixture-v1.yaml"
