// Pure reading of a chunk's round log (templates/stress.go.tmpl): which round of -count each
// test goroutine ran in, and how many rounds ran.
//
// Each top-level test appends `<pid> <copy> <goroutine id> <R|S> <name>` as it starts. A
// round runs every selected test once, in the same order (-shuffle shuffles once), so a name
// seen again starts the next round. The copy ("i" or "x") keeps a TestX of the package apart
// from a TestX of package x_test.

/** What a chunk's log says. */
export interface RoundLog {
  /** Rounds in which at least one test ran (not skipped by the chunk's early stop). */
  rounds: number;
  /** Test goroutine id → its round, from 1. */
  roundOf: Map<number, number>;
  /** The chunk stopped early: tests were skipped because too many goroutines were left over. */
  stoppedEarly: boolean;
}

const LINE = /^(\d+) ([ix]) (\d+) ([RS]) (\S+)$/;

/** Reads the lines the binary with process id `pid` wrote; other lines (a test's child binary) are left out. */
export function parseRoundLog(text: string, pid: number): RoundLog {
  const roundOf = new Map<number, number>();
  const ran = new Set<number>();
  let round = 1;
  let seen = new Set<string>();
  let stoppedEarly = false;
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m || Number(m[1]) !== pid) continue;
    const key = `${m[2]} ${m[5]}`;
    if (seen.has(key)) {
      round++;
      seen = new Set();
    }
    seen.add(key);
    if (m[4] === 'S') {
      stoppedEarly = true;
      continue;
    }
    roundOf.set(Number(m[3]), round);
    ran.add(round);
  }
  return { rounds: ran.size, roundOf, stoppedEarly };
}
