// Source rewrites for a package whose TestMain we wrap. Every edit inserts or
// replaces text inside one line, so line numbers in stack traces, compiler errors
// and vet reports keep pointing at the user's real lines.
import { applyEdits, type TextEdit } from './apply-edits.js';
import { importNames } from '../go-source/go-imports.js';
import { codeTokens, findTestMain, osImport } from './go-source.js';
import type { GoToken } from '../go-source/go-tokenizer.js';

/** Name the user's TestMain is renamed to; our generated TestMain calls it. */
export const userTestMainName = 'goleakrunUserTestMain';

/** Function (from check.go.tmpl) that turns os.Exit into an exit running the check first. */
const exitHookName = 'goleakrunExit';

/** Result of a rewrite: the new text and how many places changed. */
export interface Rewrite {
  content: string;
  changes: number;
}

/** Renames the top-level `func TestMain(`; `changes` is 0 when the file has none. */
export function renameTestMain(src: string, tokens: GoToken[]): Rewrite {
  const code = codeTokens(tokens);
  const i = findTestMain(code);
  if (i < 0) return { content: src, changes: 0 };
  const name = code[i]!;
  return {
    content: applyEdits(src, [{ at: name.start, remove: name.text.length, insert: userTestMainName }]),
    changes: 1,
  };
}

// Functions that end the process, and the hook (check.go.tmpl) that runs the check first.
const EXITS: { path: string; name: string; hook: string }[] = [
  { path: 'os', name: 'Exit', hook: exitHookName },
  { path: 'syscall', name: 'Exit', hook: exitHookName },
  { path: 'log', name: 'Fatal', hook: 'goleakrunFatal' },
  { path: 'log', name: 'Fatalln', hook: 'goleakrunFatal' },
  { path: 'log', name: 'Fatalf', hook: 'goleakrunFatalf' },
];

/**
 * Wraps each reference to os.Exit, syscall.Exit and log.Fatal* as `goleakrunExit(os.Exit)`
 * and the like, which keeps the import used and works for calls and for function values
 * alike. Known limit: a local variable or parameter named like the import is wrapped too.
 */
export function wrapExitCalls(src: string, tokens: GoToken[]): Rewrite {
  const code = codeTokens(tokens);
  const os = osImport(code);
  const named = EXITS.flatMap((e) => importNames(code, e.path).names.map((pkg) => ({ ...e, pkg })));
  const edits: TextEdit[] = [];
  const wrap = (first: GoToken, last: GoToken, hook = exitHookName): void => {
    edits.push({ at: first.start, remove: 0, insert: `${hook}(` }, { at: last.end, remove: 0, insert: ')' });
  };
  const braces: boolean[] = [];
  for (let i = 0; i < code.length; i++) {
    const t = code[i]!;
    const prev = code[i - 1];
    const next = code[i + 1];
    if (t.text === '{') braces.push(prev?.text === 'interface');
    else if (t.text === '}') braces.pop();
    if (t.kind !== 'ident' || prev?.text === '.') continue;
    const exit = next?.text === '.' ? named.find((e) => e.pkg === t.text && e.name === code[i + 2]?.text) : undefined;
    if (exit) {
      wrap(t, code[i + 2]!, exit.hook);
      i += 2;
    } else if (os.dot && t.text === 'Exit' && next?.text === '(' && isDotExitCall(code, i, braces)) {
      wrap(t, t);
    }
  }
  return { content: applyEdits(src, edits), changes: edits.length / 2 };
}

// Under `import . "os"`, a bare `Exit(` is os.Exit unless it declares a method
// (`func (r T) Exit(`) or an interface method.
function isDotExitCall(code: GoToken[], i: number, braces: boolean[]): boolean {
  if (braces[braces.length - 1] === true || code[i - 1]?.text === 'func') return false;
  if (code[i - 1]?.text !== ')') return true;
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    if (code[j]!.text === ')') depth++;
    else if (code[j]!.text === '(' && --depth === 0) return code[j - 1]?.text !== 'func';
  }
  return true;
}
