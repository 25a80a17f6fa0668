// Decides, for one package, which files the overlay adds or replaces: a TestMain
// running the leak check, or a wrapper around the user's own TestMain.
import { join } from 'node:path';
import type { IgnoreRule, ResolvedPackage } from '../model.js';
import { codeTokens, findTestMain, packageClause } from './go-source.js';
import { type GoToken, tokenizeGo } from '../go-source/go-tokenizer.js';
import { rulesForPackage } from '../classify/match-rule.js';
import { goRuleLiterals } from './render-template.js';
import { protocolValues } from './protocol-values.js';
import { rewriteRunCalls } from './rewrite-run-calls.js';
import { renameTestMain, userTestMainName, wrapExitCalls } from './rewrite-source.js';
import type { CheckVariant, PackageOverlayPlan, Templates } from './types.js';

/** Inputs of planOverlay besides the package and its sources. */
export interface PlanOptions {
  maxWaitMs: number;
  /** The machine's secret that signs the check's stdout records (src/run/check-key.ts). */
  key: string;
  /** Ignore rules; those whose `packages` do not match this package are left out. */
  rules: IgnoreRule[];
  templates: Templates;
  /** Whether a path exists on disk: files excluded by build tags are in no list of `pkg`. */
  fileExists?: (absPath: string) => boolean;
  /** The module's path: goroutines the init of a package outside it started are dropped. */
  modulePath?: string;
  /** The binaries run with ancestor stacks (GODEBUG tracebackancestors above 0). */
  ancestors?: boolean;
}

// Test code that parses runtime.Stack itself, and cannot read Go's ancestor blocks.
const ANCESTOR_PARSERS = ['github.com/onsi/gomega/gleak'];

type Group = 'internal' | 'external';

interface TestFile {
  name: string;
  path: string;
  group: Group;
  src: string;
  readonly tokens: GoToken[];
}

/** Plans the overlay of one package; `sources` returns a file's text by absolute path. */
export function planOverlay(
  pkg: ResolvedPackage,
  sources: (absPath: string) => string,
  opts: PlanOptions,
): PackageOverlayPlan {
  const plan: PackageOverlayPlan = {
    importPath: pkg.importPath,
    files: [],
    notes: [],
    warnings: [],
    rules: [],
    handoffs: [],
  };
  if (pkg.noTestFiles || pkg.testGoFiles.length + pkg.xTestGoFiles.length === 0) {
    plan.notes.push('no test files: not instrumented');
    return plan;
  }
  const files = [
    ...pkg.testGoFiles.map((name) => readTestFile(pkg, name, 'internal', sources, plan)),
    ...pkg.xTestGoFiles.map((name) => readTestFile(pkg, name, 'external', sources, plan)),
  ];
  const takeName = nameAllocator(pkg, opts.fileExists ?? (() => false));
  const clause = (group: Group): string => {
    const first = files.find((f) => f.group === group);
    return (first && packageClause(codeTokens(first.tokens))) ?? (group === 'internal' ? pkg.name : `${pkg.name}_test`);
  };
  // The check's parts, and the TestMain of the package that gets one, rendered into one file
  // (x-prefixed in the external test package).
  const addCheck = (group: Group, variant: CheckVariant = 'alone', extra: Record<string, string> = {}): string => {
    const name = takeName(group === 'internal' ? 'check' : 'xcheck');
    const values = {
      ...protocolValues(pkg.importPath, opts.key, opts.modulePath),
      PACKAGE: clause(group),
      MAX_WAIT_MS: String(Math.max(0, Math.round(opts.maxWaitMs))),
      RULES: goRuleLiterals([...rulesForPackage(opts.rules, pkg.importPath), ...plan.rules]),
      ...extra,
    };
    // TestMain first: its line in stack traces then stays put when the check's code changes.
    plan.files.push({ originalPath: join(pkg.dir, name), content: opts.templates.checkFile[variant](values) });
    return name;
  };
  const hints = opts.ancestors ? ancestorParserHints(files) : [];
  if (hints.length > 0) plan.failureHints = hints;
  const withMain = files.filter((f) => f.src.includes('TestMain') && findTestMain(codeTokens(f.tokens)) >= 0);
  const pinned = withMain.length === 0 ? exampleExpectingRunnerFrames(files) : undefined;
  if (pinned) {
    // An added TestMain would be one more frame between main.main and testing.(*M).Run, and
    // that example would fail under goleak-run alone: the package runs as go test runs it.
    plan.unchecked = `not checked for leaks: ${pinned} expects the test runner's own frames (testing.(*M).Run called from main.main) in its output, which the TestMain goleak-run adds would change`;
    plan.warnings.push(plan.unchecked);
    return plan;
  }
  if (withMain.length === 0) {
    // Only-external directories get the TestMain in the external package, the one that exists.
    const group: Group = pkg.goFiles.length + pkg.testGoFiles.length > 0 ? 'internal' : 'external';
    plan.notes.push(`TestMain added in ${addCheck(group, 'testMain')}`);
    return plan;
  }
  const main = withMain[0]!;
  if (withMain.length > 1) {
    plan.warnings.push(
      `TestMain declared in ${withMain.map((f) => f.name).join(', ')}; wrapping the one in ${main.name}`,
    );
  }
  const hooked = new Set<Group>([main.group]);
  const exitFiles: string[] = [];
  const runFiles: string[] = [];
  for (const file of files) {
    const renamed = file === main ? renameTestMain(file.src, file.tokens) : { content: file.src, changes: 0 };
    const ran = rewriteRunCalls(
      renamed.content,
      renamed.changes > 0 ? tokenizeGo(renamed.content).tokens : file.tokens,
      file.name,
    );
    plan.rules.push(...ran.rules);
    plan.handoffs.push(...ran.handoffs);
    plan.warnings.push(...ran.warnings);
    const edited = renamed.changes + ran.changes + ran.marks > 0;
    const wrapped = wrapExitCalls(ran.content, edited ? tokenizeGo(ran.content).tokens : file.tokens);
    if (!edited && wrapped.changes === 0) continue;
    plan.files.push({ originalPath: file.path, content: wrapped.content });
    if (ran.changes > 0) runFiles.push(file.name);
    if (wrapped.changes > 0) exitFiles.push(file.name);
    if (ran.changes + ran.marks + wrapped.changes > 0) hooked.add(file.group);
  }
  for (const group of hooked) {
    if (group === main.group) addCheck(group, 'wrapTestMain', { USER_TESTMAIN: userTestMainName });
    else addCheck(group);
  }
  plan.notes.push(`TestMain wrapped in ${main.name}`);
  if (runFiles.length > 0) plan.notes.push(`leak check runs where m.Run returns in ${runFiles.join(', ')}`);
  if (exitFiles.length > 0) plan.notes.push(`os.Exit routed through the leak check in ${exitFiles.join(', ')}`);
  return plan;
}

// One hint per stack parser the package's tests import, naming the first file.
function ancestorParserHints(files: TestFile[]): string[] {
  return ANCESTOR_PARSERS.flatMap((path) => {
    const file = files.find((f) => f.src.includes(`"${path}"`));
    if (!file) return [];
    return [
      `${file.name} imports ${path}, whose stack parser may not read the ancestor stacks goleak-run turns on; if its checks fail here and not under go test, run with GODEBUG=tracebackancestors=0`,
    ];
  });
}

const RUNNER_FRAMES = /testing\.\(\*M\)\.Run\b|testing\.runExamples?\b/;

// `file:line` of an example whose `// Output:` lists the runner's frames (e.g. runtime.Callers
// printed by conc's ExampleCatcher_callers), if any.
function exampleExpectingRunnerFrames(files: TestFile[]): string | undefined {
  for (const file of files) {
    if (!RUNNER_FRAMES.test(file.src)) continue;
    const frame = file.tokens.find((t) => t.kind === 'comment' && RUNNER_FRAMES.test(t.text));
    if (frame) return `${file.name}:${frame.line}`;
  }
  return undefined;
}

function readTestFile(
  pkg: ResolvedPackage,
  name: string,
  group: Group,
  sources: (absPath: string) => string,
  plan: PackageOverlayPlan,
): TestFile {
  const path = join(pkg.dir, name);
  const src = sources(path);
  // Tokenized when first needed: most test files are only searched for text that cannot occur
  // without its name (TestMain, the runner's frames), and a large suite's tokens cost more than
  // everything else the plan does. A file never tokenized is one goleak-run does not rewrite.
  let tokens: GoToken[] | undefined;
  return {
    name,
    path,
    group,
    src,
    get tokens() {
      if (tokens === undefined) {
        const lexed = tokenizeGo(src);
        tokens = lexed.tokens;
        for (const w of lexed.warnings) plan.warnings.push(`${name}:${w.line}: ${w.message}`);
      }
      return tokens;
    },
  };
}

// New files need names no file of the directory has, listed or hidden by build tags.
function nameAllocator(pkg: ResolvedPackage, fileExists: (absPath: string) => boolean): (stem: string) => string {
  const taken = new Set([...pkg.goFiles, ...pkg.testGoFiles, ...pkg.xTestGoFiles]);
  return (stem) => {
    for (let n = 1; ; n++) {
      const name = n === 1 ? `goleakrun_${stem}_test.go` : `goleakrun_${stem}_${n}_test.go`;
      if (!taken.has(name) && !fileExists(join(pkg.dir, name))) {
        taken.add(name);
        return name;
      }
    }
  };
}
