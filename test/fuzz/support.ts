// Shared pieces of the property-based fuzz tests: the seed, and arbitraries that damage real
// recordings the way odd test output, a cut pipe or a forged line would.
import fc from 'fast-check';

/** Fixed so a run is reproducible; FUZZ_SEED=<n> explores elsewhere. fast-check prints the seed of a failure. */
const SEED = process.env.FUZZ_SEED === undefined ? 72_026 : Number(process.env.FUZZ_SEED);

/** Multiplies every property's runs, for a longer search than the suite's few seconds: FUZZ_SCALE=50. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);

/** Options for fc.assert: the shared seed and a bounded number of runs. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: numRuns * SCALE };
}

const DIGIT = fc.constantFrom(...'0123456789');

/** Numbers as text: small, near 2^53, or far too long to be exact. */
export const digits: fc.Arbitrary<string> = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.string({ unit: DIGIT, minLength: 15, maxLength: 17 }),
  fc.string({ unit: DIGIT, minLength: 18, maxLength: 400 }),
  fc.constantFrom('', '-1', '0x10', '1e9', '+1'),
);

/** Escapes runtime.printquoted writes, and ones it never writes (signed, short, out of range). */
const escapes = fc.constantFrom(
  '\\n',
  '\\t',
  '\\\\',
  '\\"',
  '\\x01',
  '\\u00e9',
  '\\U0001f600',
  '\\x-1',
  '\\x',
  '\\x 1',
  '\\u+123',
  '\\u12zz',
  '\\UFFFFFFFF',
  '\\U0011ffff',
  '\\ud800',
  '\\',
  '\\q',
);

/** Pieces of goroutine headers and frame lines, to build near-miss lines from. */
const dumpPieces = fc.constantFrom(
  'goroutine ',
  ' [',
  ']',
  ']:',
  ':',
  ' labels:{',
  ' {',
  '}',
  '"',
  ': ',
  ', ',
  ' gp=0x1 m=nil',
  ' (leaked)',
  ' (durable)',
  ' (scan)',
  ' minutes',
  'locked to thread',
  'synctest bubble ',
  'chan receive',
  'running',
  'created by ',
  ' in goroutine ',
  '...',
  ' frames elided...',
  '...additional frames elided...',
  '[originating from goroutine ',
  '\t',
  '(',
  ')',
  ' +0x1d',
  ' fp=0x1',
  '/src/a.go',
  'main.main',
  'testing.tRunner',
  '\r',
  'goleak-run:v1 ',
  'begin waited=',
  'end',
  'clean waited=',
);

/** Short text made of dump pieces, escapes, numbers and arbitrary characters. */
export const dumpSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: dumpPieces }, escapes, digits, fc.string({ unit: 'binary', maxLength: 8 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

const labelText = fc.array(fc.oneof(escapes, fc.string({ maxLength: 6 }), fc.constantFrom('}', ', ', ': ', ']', '{')), {
  maxLength: 5,
});

/** Header lines of every shape: both label syntaxes, system fields, odd ids, statuses and escapes. */
const oddHeader: fc.Arbitrary<string> = fc
  .record({
    id: digits,
    sys: fc.constantFrom('', ' gp=0xc000002380 m=nil', ' gp=0x1 m=0 mp=0x2'),
    status: fc.oneof(fc.constantFrom('chan receive', 'select (no cases) (leaked)', 'sleep, 3 minutes', ''), dumpSoup),
    style: fc.constantFrom('none', 'go126', 'go127'),
    key: labelText.map((p) => p.join('')),
    value: labelText.map((p) => p.join('')),
    quoted: fc.boolean(),
  })
  .map(({ id, sys, status, style, key, value, quoted }) => {
    const pair = quoted ? `"${key}": "${value}"` : `${key}: ${value}`;
    if (style === 'go126') return `goroutine ${id}${sys} [${status} labels:{${pair}}]:`;
    if (style === 'go127') return `goroutine ${id}${sys} [${status}] {${pair}}:`;
    return `goroutine ${id}${sys} [${status}]:`;
  });

/** Frame-block lines with odd numbers and names. */
const oddFrameLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(dumpSoup, dumpSoup).map(([f, a]) => `${f}(${a})`),
  fc.tuple(dumpSoup, digits).map(([p, n]) => `\t${p}:${n} +0x1d`),
  fc.tuple(dumpSoup, digits).map(([f, n]) => `created by ${f} in goroutine ${n}`),
  digits.map((n) => `...${n} frames elided...`),
  digits.map((n) => `[originating from goroutine ${n}]:`),
  fc.constantFrom('...additional frames elided...', '\tgoroutine running on other thread; stack unavailable', '', '\t'),
);

/** Any line a damaged dump may hold. */
export const oddLine: fc.Arbitrary<string> = fc.oneof(oddHeader, oddFrameLine, dumpSoup, fc.string({ unit: 'binary' }));

/** One change to a text: line-level edits, or a byte-level flip, cut or splice. */
export type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'dup'; at: number }
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; at: number; text: string };

const at = fc.nat();

/** Mutations that keep every other line whole. */
export const lineMutation = (line: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at }),
    fc.record({ kind: fc.constant('dup' as const), at }),
    fc.record({ kind: fc.constant('insert' as const), at, line }),
  );

/** Any mutation, `line` giving the inserted lines and spliced text. */
export const mutation = (line: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    lineMutation(line),
    fc.record({
      kind: fc.constant('flip' as const),
      at,
      char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('splice' as const), at, text: line }),
  );

/** Applies mutations in order; positions wrap around the current length. */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.kind === 'flip' || m.kind === 'truncate' || m.kind === 'splice') {
      const i = out.length === 0 ? 0 : m.at % out.length;
      if (m.kind === 'flip') out = out.slice(0, i) + m.char + out.slice(i + 1);
      else if (m.kind === 'truncate') out = out.slice(0, i);
      else out = out.slice(0, i) + m.text + out.slice(i);
      continue;
    }
    const lines = out.split('\n');
    const i = m.at % lines.length;
    if (m.kind === 'drop') lines.splice(i, 1);
    else if (m.kind === 'dup') lines.splice(i, 0, lines[i] ?? '');
    else lines.splice(i, 0, m.line);
    out = lines.join('\n');
  }
  return out;
}
