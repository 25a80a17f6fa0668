// The check writes its record's JSON and HMAC-SHA-256 by hand (templates/record.go.tmpl and
// sign.go.tmpl: the standard packages cost every test package link time). goleak-run reads the
// JSON with JSON.parse and verifies the signature with node's crypto, so this runs the rendered
// Go over generated inputs and requires exactly what node computes.
import { execa } from 'execa';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecord, verifyRecord } from '../../src/check-protocol.js';
import { loadTemplates } from '../../src/overlay/load-templates.js';
import { protocolValues } from '../../src/overlay/protocol-values.js';
import { goRuleLiterals, renderTemplate } from '../../src/overlay/render-template.js';

const IMPORT_PATH = 'example.com/sign/"quoted"\\path';
const KEY = 'ab'.repeat(32);

// Bytes that exercise the encoder: ASCII controls, quotes, backslashes, multi-byte and invalid UTF-8.
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
  fc.constantFrom(
    ...[
      '',
      '"',
      '\\',
      '\n\t\r\b\f',
      '\x00\x1f\x7f',
      '\u2028\u2029',
      '😀',
      'a\ufffdb',
      'a'.repeat(64),
      'a'.repeat(65),
    ].map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
    new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x61, 0xf0, 0x9f, 0x98]),
  ),
);
const cases = [
  ...fc.sample(fc.tuple(bytes, bytes), { numRuns: 300, seed: 20261122 }),
  // Keys longer than the SHA-256 block are hashed first (RFC 2104).
  ...fc.sample(fc.tuple(fc.uint8Array({ minLength: 65, maxLength: 300 }), bytes), { numRuns: 20, seed: 7 }),
];
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

// One Go test printing, per case, the signature and the JSON string, and one whole record.
const signTest = `package sign

import (
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestSign(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("CASES"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\\n") {
		parts := strings.Split(line, " ")
		key, _ := hex.DecodeString(parts[0])
		msg, _ := hex.DecodeString(parts[1])
		fmt.Printf("case %s %s\\n", goleakrunSign(key, msg), hex.EncodeToString(goleakrunAppendString(nil, string(msg))))
	}
	groups := []goleakrunGroup{{N: 2, IDs: []int{7, 9}, Stack: "goroutine 7 [chan receive]:\\nmain.f()\\n\\t/x.go:1 +0x1\\n"}, {N: 1, IDs: []int{}, Stack: "\\xff\\"\\\\"}}
	record := goleakrunRecordJSON("final", 12, 3, true, groups)
	fmt.Printf("record %s %s\\n", goleakrunSign([]byte(${JSON.stringify(KEY)}), record), record)
	fmt.Printf("empty %s\\n", goleakrunRecordJSON("waiting", 0, 0, false, nil))
}
`;

let lines: string[] = [];
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'goleak-run-sign-'));
  await writeFile(join(dir, 'go.mod'), 'module example.com/sign\n\ngo 1.24\n');
  const templates = await loadTemplates();
  for (const part of templates.check) {
    const text = renderTemplate(part.text, {
      ...protocolValues(IMPORT_PATH, KEY),
      PACKAGE: 'sign',
      MAX_WAIT_MS: '0',
      RULES: goRuleLiterals([]),
    });
    await writeFile(join(dir, `${part.stem}_test.go`), text);
  }
  await writeFile(join(dir, 'cases_test.go'), signTest);
  await writeFile(join(dir, 'cases.txt'), cases.map(([k, m]) => `${hex(k)} ${hex(m)}`).join('\n'));
  const run = await execa('go', ['test', '-count=1', '-run', 'TestSign', '-v', '.'], {
    cwd: dir,
    env: { CASES: join(dir, 'cases.txt'), GOFLAGS: '', GOWORK: 'off' },
    reject: false,
  });
  if (run.exitCode !== 0) throw new Error(`go test failed:\n${run.stdout}\n${run.stderr}`);
  lines = String(run.stdout).split('\n');
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the check's hand-written record encoding agrees with node", () => {
  it('HMAC-SHA-256 equals node crypto for every key and message', () => {
    const got = lines.filter((l) => l.startsWith('case ')).map((l) => l.split(' ')[1]);
    const want = cases.map(([k, m]) => createHmac('sha256', k).update(m).digest('hex'));
    expect(got).toHaveLength(cases.length);
    expect(got).toEqual(want);
  });

  it('JSON strings are valid UTF-8 that JSON.parse reads back as the text', () => {
    const encoded = lines.filter((l) => l.startsWith('case ')).map((l) => Buffer.from(l.split(' ')[2] ?? '', 'hex'));
    cases.forEach(([, m], i) => {
      const out = encoded[i] as Buffer;
      const text = out.toString('utf8');
      // Valid UTF-8: decoding and encoding again gives the same bytes.
      expect(Buffer.from(text, 'utf8').equals(out)).toBe(true);
      const parsed = JSON.parse(text) as string;
      const input = Buffer.from(m);
      // Valid input comes back unchanged; invalid bytes each become U+FFFD, the rest stays.
      if (Buffer.from(input.toString('utf8'), 'utf8').equals(input)) expect(parsed).toBe(input.toString('utf8'));
      else expect(parsed).toContain('\ufffd');
    });
  });

  it('a whole record decodes to its fields and its signature verifies', () => {
    const line = lines.find((l) => l.startsWith('record ')) ?? '';
    const [, mac = '', ...rest] = line.split(' ');
    const json = rest.join(' ');
    expect(verifyRecord(KEY, json, mac)).toBe(true);
    expect(verifyRecord('cd'.repeat(32), json, mac)).toBe(false);
    expect(decodeRecord(json)).toEqual({
      v: 2,
      pkg: IMPORT_PATH,
      phase: 'final',
      waitedMs: 12,
      ignored: 3,
      proof: true,
      groups: [
        { n: 2, ids: [7, 9], stack: 'goroutine 7 [chan receive]:\nmain.f()\n\t/x.go:1 +0x1\n' },
        { n: 1, ids: [], stack: '\ufffd"\\' },
      ],
    });
    const empty = (lines.find((l) => l.startsWith('empty ')) ?? '').slice('empty '.length);
    expect(decodeRecord(empty)).toMatchObject({ phase: 'waiting', groups: [], proof: false });
  });
});
