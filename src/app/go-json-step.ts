// Wires --go-json into a run: where the stream goes, the key that tells the check's records, and
// the verdict of each finished package, decided exactly as the final report decides it.
import type { Baseline } from '../baseline/types.js';
import type { Resolution } from '../resolve/resolve-packages.js';
import { packageReports } from './assemble-report.js';
import { baselineStep } from './baseline-step.js';
import type { DonePackage, StreamListener } from './execute-run.js';
import { createGoJsonSink } from './go-json-sink.js';
import { readSource } from './local-files.js';
import type { Settings } from './settings.js';
import { openStreamFile } from './stream-file.js';

/** The started stream: hand `listener` to executeRun; `finish` after it, `abort` on any failure. */
export interface GoJsonStep {
  listener: StreamListener;
  finish: () => Promise<void>;
  abort: () => Promise<void>;
}

/** Opens the --go-json destination (stdout, or a temp file renamed into place by `finish`). */
export async function startGoJson(opts: {
  settings: Settings;
  resolution: Resolution;
  baseline: Baseline | undefined;
  /** The machine's check key, as the run loads it. */
  key: Promise<string>;
  stdout: { write: (s: string) => unknown };
}): Promise<GoJsonStep | undefined> {
  const to = opts.settings.goJson;
  if (!to) return undefined;
  const key = await opts.key;
  const file = to.kind === 'file' ? await openStreamFile(to.path) : undefined;
  const verdict = (done: DonePackage) => {
    const { run } = done;
    const pkg = opts.resolution.packages.filter((p) => p.importPath === run.importPath);
    const [report] = packageReports({
      resolution: { ...opts.resolution, packages: pkg },
      executed: {
        runs: [run],
        warnings: [],
        notes: new Map([[run.importPath, done.notes]]),
        packageRules: new Map([[run.importPath, done.rules]]),
      },
      settings: opts.settings,
      readSource,
    });
    if (!report) throw new Error(`no package ${run.importPath}`);
    return baselineStep({
      packages: [report],
      runs: [run],
      baseline: opts.baseline,
      settings: opts.settings,
    }).packages[0]!;
  };
  const sink = createGoJsonSink({
    write: file ? file.write : (text) => opts.stdout.write(text),
    key,
    verdict,
    paths: { moduleDir: opts.resolution.module.dir },
  });
  return {
    listener: sink.listener,
    finish: async () => {
      await sink.finish();
      await file?.commit();
    },
    abort: async () => {
      await file?.abort();
    },
  };
}
