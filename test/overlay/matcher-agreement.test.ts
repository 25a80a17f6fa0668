// The Go check (templates/check.go.tmpl) and the TypeScript classifier must agree on which
// goroutines each ignore rule drops. This runs the rendered Go matcher and matchesRule over the
// same recorded dumps, rule by rule, and requires the same verdict for every goroutine; the same
// for the goroutines a dependency's init started (src/classify/dependency-init.ts).
import { execa } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_IGNORES } from '../../src/classify/builtin-ignores.js';
import { isDependencyInit } from '../../src/classify/dependency-init.js';
import { matchesRule } from '../../src/classify/match-rule.js';
import type { IgnoreRule } from '../../src/model.js';
import { loadTemplates } from '../../src/overlay/load-templates.js';
import { protocolValues } from '../../src/overlay/protocol-values.js';
import { goRuleLiterals, renderTemplate } from '../../src/overlay/render-template.js';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import { RULE_KIND_NAMES } from '../../src/rule-kinds.js';

const recordedDirs = [
  new URL('../../fixtures/dumps/recorded/', import.meta.url),
  new URL('../classify/data/', import.meta.url),
];
const dumps = recordedDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(new URL(f, dir), 'utf8') })),
);

// Every built-in rule, and for every kind an exact and a prefix rule that hit goroutines of the dumps.
const userRules: IgnoreRule[] = RULE_KIND_NAMES.flatMap((kind) => [
  { kind, func: 'main.worker', reason: '', origin: 'cli' as const },
  { kind, func: 'main.*', reason: '', origin: 'cli' as const },
  { kind, func: 'testing.tRunner', reason: '', origin: 'cli' as const },
  { kind, func: 'time.Sleep', reason: '', origin: 'cli' as const },
  { kind, func: 'runtime.gopark', reason: '', origin: 'cli' as const },
  { kind, func: 'example.com/*', reason: '', origin: 'cli' as const },
]);
const rules = [...BUILTIN_IGNORES, ...userRules];
// The module the check is rendered for: the recorded leaks package's init is then a dependency's.
const MODULE = 'example.com/leaky/findings';

// One Go test that reads each dump and prints, per rule, the ids the Go matcher ignores.
const agreeTest = `package agree

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestVerdicts(t *testing.T) {
	all := goleakrunRules
	for _, path := range strings.Split(os.Getenv("DUMPS"), ",") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for r := range all {
			goleakrunRules = all[r : r+1]
			for _, block := range strings.Split(strings.ReplaceAll(string(data), "\\r", ""), "\\n\\n") {
				block = strings.TrimLeft(block, "\\n")
				if strings.HasPrefix(block, "goroutine ") && goleakrunIgnored(block) {
					fmt.Printf("%s %d %s\\n", path[strings.LastIndex(path, "/")+1:], r, string(goleakrunID([]byte(block))))
				}
			}
		}
		goleakrunRules = nil
		for _, block := range strings.Split(strings.ReplaceAll(string(data), "\\r", ""), "\\n\\n") {
			block = strings.TrimLeft(block, "\\n")
			if strings.HasPrefix(block, "goroutine ") && goleakrunIgnored(block) {
				fmt.Printf("%s init %s\\n", path[strings.LastIndex(path, "/")+1:], string(goleakrunID([]byte(block))))
			}
		}
	}
}
`;

let dir = '';
let goVerdicts = new Set<string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'goleak-run-agree-'));
  await mkdir(join(dir, 'dumps'));
  await writeFile(join(dir, 'go.mod'), 'module example.com/agree\n\ngo 1.24\n');
  const templates = await loadTemplates();
  for (const part of templates.check) {
    const text = renderTemplate(part.text, {
      ...protocolValues('example.com/agree', '00'.repeat(32), MODULE),
      PACKAGE: 'agree',
      MAX_WAIT_MS: '0',
      RULES: goRuleLiterals(rules),
    });
    await writeFile(join(dir, `${part.stem}_test.go`), text);
  }
  await writeFile(join(dir, 'agree_test.go'), agreeTest);
  const paths = [];
  for (const d of dumps) {
    paths.push(join(dir, 'dumps', d.name));
    await writeFile(join(dir, 'dumps', d.name), d.text);
  }
  const run = await execa('go', ['test', '-count=1', '-run', 'TestVerdicts', '-v', '.'], {
    cwd: dir,
    env: { DUMPS: paths.join(','), GOFLAGS: '', GOWORK: 'off' },
    reject: false,
  });
  if (run.exitCode !== 0) throw new Error(`go test failed:\n${run.stdout}\n${run.stderr}`);
  goVerdicts = new Set(
    String(run.stdout)
      .split('\n')
      .filter((l) => /^\S+\.txt (\d+|init) \d+$/.test(l)),
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the Go check and the classifier agree on every ignore rule', () => {
  it('over every recorded dump, rule by rule', () => {
    const tsVerdicts = new Set<string>();
    for (const d of dumps) {
      for (const g of parseDump(d.text).goroutines) {
        const init = isDependencyInit(g.createdBy, MODULE);
        if (init) tsVerdicts.add(`${d.name} init ${g.id}`);
        rules.forEach((rule, r) => {
          if (init || matchesRule(g, rule)) tsVerdicts.add(`${d.name} ${r} ${g.id}`);
        });
      }
    }
    // Both must have matched something of every kind, or the comparison proves little.
    for (const kind of RULE_KIND_NAMES) {
      expect([...tsVerdicts].some((v) => rules[Number(v.split(' ')[1])]?.kind === kind)).toBe(true);
    }
    expect([...tsVerdicts].some((v) => v.split(' ')[1] === 'init')).toBe(true);
    expect([...goVerdicts].sort()).toEqual([...tsVerdicts].sort());
  });
});
