// Where TestMain hands m (or the end of the process) to code the overlay cannot see. Each m.Run()
// the overlay sees is marked as it starts (goleakrunStarting), so a binary that ended before any
// test ran tells so. m handed to goleak.VerifyTestMain becomes a wrapper whose Run runs our check
// as soon as m.Run returns, before goleak's own check and its os.Exit; goleak's literal options
// become ignore rules. Anything else is noted, to explain a check that never ran: m handed to
// another function, and calls into other packages after m.Run() that may exit. The check itself
// stays at TestMain's exit, after the user's teardown. Every edit stays inside one line, so line
// numbers keep pointing at the user's code.
import type { IgnoreRule } from '../model.js';
import { applyEdits, type TextEdit } from './apply-edits.js';
import { codeTokens } from './go-source.js';
import { importedNames, importNames } from '../go-source/go-imports.js';
import { unquoteGoString } from '../go-source/go-string.js';
import { callAround } from '../go-source/go-calls.js';
import { matchBracket } from '../go-source/go-functions.js';
import type { GoToken } from '../go-source/go-tokenizer.js';

/** Function in check.go.tmpl that wraps m for goleak.VerifyTestMain. */
const wrapMName = 'goleakrunWrapM';
/** Function in check.go.tmpl that marks, in the results directory, that m.Run starts. */
const startingName = 'goleakrunStarting';

const GOLEAK = 'go.uber.org/goleak';
// goleak options that map onto our rule kinds; IgnoreCurrent is handled in the binary.
const GOLEAK_RULES: Record<string, IgnoreRule['kind']> = {
  IgnoreTopFunction: 'top',
  IgnoreAnyFunction: 'any',
  IgnoreCreatedBy: 'created-by',
};

/** The rewritten file and what it told us. */
export interface RunCallRewrite {
  content: string;
  changes: number;
  /** m.Run calls marked as they start (goleakrunStarting). */
  marks: number;
  /** goleak options given as literals, as ignore rules of this package. */
  rules: IgnoreRule[];
  /** `file:line: …` where m goes somewhere the check cannot follow; shown if the check does not run. */
  handoffs: string[];
  warnings: string[];
}

/** Rewrites the goleak.VerifyTestMain(m, …) calls of one file and notes the other hand-offs. */
export function rewriteRunCalls(src: string, tokens: GoToken[], fileName: string): RunCallRewrite {
  const code = codeTokens(tokens);
  const out: RunCallRewrite = { content: src, changes: 0, marks: 0, rules: [], handoffs: [], warnings: [] };
  const testing = importNames(code, 'testing').names;
  if (testing.length === 0) return out;
  const goleak = importNames(code, GOLEAK).names;
  const edits: TextEdit[] = [];
  for (const fn of functionsTakingM(code, testing)) {
    // A second m in the body (`for _, m := range mocks`) may be what an m.Run there runs: no
    // mark can be put on it (it may not even be a *testing.M), so the function is a hand-off.
    const redeclared = redeclaration(code, fn);
    if (redeclared !== undefined) {
      out.handoffs.push(
        `${fileName}:${redeclared}: ${fn.param} is declared again, so the check cannot tell where the tests start`,
      );
    }
    for (let i = fn.bodyStart; i < fn.bodyEnd; i++) {
      const t = code[i]!;
      if (t.kind !== 'ident' || t.text !== fn.param || code[i - 1]?.text === '.') continue;
      // A field key or a label (`m:`), not the variable.
      if (code[i + 1]?.text === ':' && code[i + 2]?.text !== '=') continue;
      if (code[i + 1]?.text === '.' && code[i + 2]?.text === 'Run' && code[i + 3]?.text === '(') {
        if (redeclared === undefined) {
          edits.push({ at: t.start, remove: t.text.length, insert: `${startingName}(${t.text})` });
          out.marks++;
        }
        out.handoffs.push(...foreignCallsAfter(code, i + 4, fn.bodyEnd, fileName));
        continue;
      }
      const callee = calleeOf(code, i);
      if (callee === undefined) {
        if (redeclared !== undefined) continue;
        // Stored, or its Run taken as a value: the tests may start where no mark can follow.
        out.handoffs.push(`${fileName}:${t.line}: ${fn.param} is used where the check cannot follow it`);
        continue;
      }
      const [pkg, name] = callee.split('.');
      if (name === 'VerifyTestMain' && pkg !== undefined && goleak.includes(pkg)) {
        const options = readGoleakOptions(code, i + 1, pkg, fileName, out);
        edits.push({ at: t.start, remove: t.text.length, insert: `${wrapMName}(${t.text}, ${options.ignoreCurrent})` });
        out.changes++;
      } else {
        out.handoffs.push(
          `${fileName}:${t.line}: ${fn.param} is passed to ${callee}, which may run the tests and exit where the check cannot follow`,
        );
      }
    }
  }
  out.content = applyEdits(src, edits);
  return out;
}

interface MFunction {
  param: string;
  bodyStart: number;
  bodyEnd: number;
}

// Calls `pkg.Func(` after m.Run() into other packages, other than the exits the overlay
// hooks: one of them may end the process before the check.
const HOOKED = new Set(['os', 'syscall', 'log', 'testing', 'fmt', 'goleak']);
function foreignCallsAfter(code: GoToken[], from: number, to: number, fileName: string): string[] {
  const imported = importedNames(code);
  const calls: string[] = [];
  for (let i = from; i < to; i++) {
    const t = code[i]!;
    const path = imported.get(t.text);
    if (
      t.kind !== 'ident' ||
      code[i - 1]?.text === '.' ||
      path === undefined ||
      HOOKED.has(path.split('/').pop() ?? '')
    )
      continue;
    if (code[i + 1]?.text === '.' && code[i + 2]?.kind === 'ident' && code[i + 3]?.text === '(') {
      calls.push(
        `${fileName}:${t.line}: after m.Run() TestMain calls ${t.text}.${code[i + 2]!.text}, which may exit the process before the check`,
      );
    }
  }
  return calls;
}

// The line where the body declares the parameter's name again (`m :=`, `a, m :=`, `var m`, a
// function literal's `func(m …`), if it does.
function redeclaration(code: GoToken[], fn: MFunction): number | undefined {
  for (let i = fn.bodyStart; i < fn.bodyEnd; i++) {
    const t = code[i]!;
    if (t.kind !== 'ident' || t.text !== fn.param || code[i - 1]?.text === '.') continue;
    let j = i + 1;
    while (code[j]?.text === ',' && code[j + 1]?.kind === 'ident') j += 2;
    const declared =
      // The tokenizer keeps operators one character a token: `:=` is `:` then `=`.
      (code[j]?.text === ':' && code[j + 1]?.text === '=' && code[j + 1]!.start === code[j]!.start + 1) ||
      code[i - 1]?.text === 'var' ||
      (code[i - 1]?.text === '(' && code[i - 2]?.text === 'func');
    if (declared) return t.line;
  }
  return undefined;
}

// Top-level functions with a parameter `name *testing.M`, and the token range of their body.
function functionsTakingM(code: GoToken[], testing: string[]): MFunction[] {
  const found: MFunction[] = [];
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const t = code[i]!;
    if (t.kind === 'punct' && '{(['.includes(t.text)) depth++;
    else if (t.kind === 'punct' && '})]'.includes(t.text)) depth--;
    if (depth !== 0 || t.text !== 'func' || t.kind !== 'ident') continue;
    let j = i + 1;
    if (code[j]?.text === '(') j = matching(code, j) + 1; // a method receiver
    if (code[j]?.kind !== 'ident' || code[j + 1]?.text !== '(') continue;
    const paramsEnd = matching(code, j + 1);
    let param: string | undefined;
    for (let k = j + 2; k < paramsEnd; k++) {
      const isM =
        code[k]?.text === '*' &&
        testing.includes(code[k + 1]?.text ?? '') &&
        code[k + 2]?.text === '.' &&
        code[k + 3]?.text === 'M';
      if (isM && code[k - 1]?.kind === 'ident') param = code[k - 1]!.text;
    }
    let open = paramsEnd + 1;
    while (open < code.length && code[open]!.text !== '{' && code[open]!.text !== 'func') open++;
    if (param === undefined || code[open]?.text !== '{') continue;
    found.push({ param, bodyStart: open + 1, bodyEnd: matching(code, open) });
  }
  return found;
}

// Index of the bracket closing the one at `open`; the last token when unbalanced.
function matching(code: GoToken[], open: number): number {
  const close = matchBracket(code, open);
  return close < 0 ? code.length - 1 : close;
}

// `pkg.Func` or `Func` when the identifier at i is a whole argument of a call; undefined otherwise.
function calleeOf(code: GoToken[], i: number): string | undefined {
  const call = callAround(code, i);
  if (!call?.args.some((a) => a.start === i && a.end === i)) return undefined;
  const name = code[call.open - 1];
  if (name?.kind !== 'ident') return undefined;
  const pkg = code[call.open - 2]?.text === '.' ? code[call.open - 3] : undefined;
  return pkg?.kind === 'ident' ? `${pkg.text}.${name.text}` : name.text;
}

// The options after m in goleak.VerifyTestMain(m, opt, …): literal ones become rules.
function readGoleakOptions(
  code: GoToken[],
  from: number,
  goleak: string,
  file: string,
  out: RunCallRewrite,
): { ignoreCurrent: boolean } {
  let ignoreCurrent = false;
  let depth = 1;
  for (let i = from; i < code.length && depth > 0; i++) {
    const t = code[i]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth !== 1 || t.text !== goleak || code[i + 1]?.text !== '.') {
      // The tokenizer keeps operators one character a token: `...` is three dots.
      if (depth === 1 && t.text === '.' && code[i + 1]?.text === '.' && code[i + 2]?.text === '.')
        out.warnings.push(
          `${file}:${t.line}: goleak options passed as a slice are not read; list them in .goleak-run.yaml`,
        );
      continue;
    }
    const option = code[i + 2]?.text ?? '';
    if (option === 'IgnoreCurrent') ignoreCurrent = true;
    const kind = GOLEAK_RULES[option];
    if (kind === undefined) continue;
    const literal = code[i + 4];
    const value =
      code[i + 3]?.text === '(' && code[i + 5]?.text === ')' && literal?.kind === 'string'
        ? unquoteGoString(literal.text)
        : undefined;
    if (value === undefined) {
      out.warnings.push(
        `${file}:${t.line}: goleak.${option} without a string literal is not read; list it in .goleak-run.yaml`,
      );
      continue;
    }
    out.rules.push({ kind, func: value, reason: `goleak.${option} in ${file}:${t.line}`, origin: 'goleak' });
  }
  return { ignoreCurrent };
}
