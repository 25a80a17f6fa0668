// --go-json: passes go test's stdout on as it arrives and adds the leak verdict of each package
// before its closing lines. Only a package's own trailing lines (after its last test event) wait
// for the verdict; every other line goes out at once, so live tools (gotestsum) stay live.
import type { GoTestEvent, PackageReport } from '../model.js';
import { findRecord } from '../parse/record-line.js';
import { RECORD_PREFIX } from '../check-protocol.js';
import { failClosingLine, goJsonVerdict } from '../report/format-go-json.js';
import type { PathContext } from '../report/paths.js';
import type { DonePackage, StreamListener } from './execute-run.js';

/** The stream's writer: a listener for executeRun, and `finish` once go test has exited. */
export interface GoJsonSink {
  listener: StreamListener;
  /** Waits for the verdicts still being decided and writes what they held back. */
  finish(): Promise<void>;
}

interface Held {
  line: string;
  event: GoTestEvent;
}

/**
 * Creates the sink. `verdict` classifies a finished package as the report will (baseline marks
 * included); when it fails, the package's lines go out as Go wrote them. The check's signed record
 * lines are dropped: they are goleak-run's channel, not test output, and a leak dump can be megabytes.
 */
export function createGoJsonSink(opts: {
  write: (text: string) => void;
  key: string;
  verdict: (done: DonePackage) => PackageReport;
  paths: PathContext;
}): GoJsonSink {
  const held = new Map<string, Held[]>();
  const pending: Array<Promise<void>> = [];
  const out = (text: string): void => opts.write(text.endsWith('\n') ? text : `${text}\n`);

  // Consecutive package output events form lines; a line holding a verified record is dropped
  // (a test's text before it on the same line is kept).
  const flush = (lines: Held[], rewrite?: (output: string) => string): void => {
    let group: Held[] = [];
    let text = '';
    const emit = (): void => {
      const found = text.includes(RECORD_PREFIX) ? findRecord(text.replace(/\n$/, ''), opts.key) : undefined;
      if (found) {
        if (found.before !== '') out(JSON.stringify({ ...group[0]!.event, Output: `${found.before}\n` }));
      } else {
        for (const h of group) {
          const output = h.event.Output ?? '';
          const changed = rewrite ? rewrite(output) : output;
          out(changed === output ? h.line : JSON.stringify({ ...h.event, Output: changed }));
        }
      }
      group = [];
      text = '';
    };
    for (const h of lines) {
      group.push(h);
      text += h.event.Output ?? '';
      if (text.endsWith('\n')) emit();
    }
    if (group.length > 0) emit();
  };
  const take = (pkg: string): Held[] => {
    const lines = held.get(pkg) ?? [];
    held.delete(pkg);
    return lines;
  };

  const close = async (
    line: string,
    event: GoTestEvent,
    done: Promise<DonePackage>,
    trailing: Held[],
  ): Promise<void> => {
    let verdict: ReturnType<typeof goJsonVerdict> | undefined;
    try {
      const time = event.Time;
      verdict = goJsonVerdict(
        opts.verdict(await done),
        { action: event.Action, ...(time ? { time } : {}) },
        opts.paths,
      );
    } catch {
      // No verdict (an unreadable results file): the package's lines go out as Go wrote them.
    }
    for (const e of verdict?.events ?? []) out(JSON.stringify(e));
    if (verdict?.flip) {
      flush(trailing, failClosingLine);
      out(JSON.stringify({ ...event, Action: 'fail' }));
    } else {
      flush(trailing);
      out(line);
    }
  };

  const listener: StreamListener = (line, event, done) => {
    const pkg = event?.Package;
    if (!event || pkg === undefined) return out(line);
    if (event.Test === undefined && event.Action === 'output') {
      const lines = held.get(pkg);
      if (lines) lines.push({ line, event });
      else held.set(pkg, [{ line, event }]);
      return;
    }
    const trailing = take(pkg);
    if (done) {
      pending.push(close(line, event, done, trailing));
      return;
    }
    flush(trailing);
    out(line);
  };

  return {
    listener,
    async finish() {
      await Promise.all(pending);
      // Packages without a final event (go test was killed): what they printed still goes out.
      for (const pkg of [...held.keys()]) flush(take(pkg));
    },
  };
}
