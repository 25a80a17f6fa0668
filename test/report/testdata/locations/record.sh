#!/usr/bin/env bash
# Regenerates go-test.jsonl: the real `go test -json` stream of this small module, whose
# packages fail a test and fail to build. Used by test/report/source-locations.test.ts.
set -u
cd "$(dirname "$0")"
GOFLAGS=-count=1 GOWORK=off go test -json ./... > go-test.jsonl 2>/dev/null
# Keep only the events the test needs and drop timestamps, so rerecording is a small diff.
node -e '
  const fs = require("fs");
  const out = fs.readFileSync("go-test.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l))
    .filter((e) => e.Action === "output" || e.Action === "build-output")
    .map(({ Time, Elapsed, ...e }) => JSON.stringify(e));
  fs.writeFileSync("go-test.jsonl", out.join("\n") + "\n");
'
