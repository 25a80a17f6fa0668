// I/O: a tiny detached shell that cleans up after goleak-run if node dies without doing it
// (SIGKILL, OOM killer): it stops go test's process group and removes the run's temp dir.
// It learns that node is gone from the end of its stdin pipe, which the kernel closes when
// node dies however it dies: no polling, and nothing is added to the test binaries (a
// goroutine there would show up in the users' own goleak checks).
import { spawn } from 'node:child_process';

// $1 = temp dir. Lines on stdin: `group PGID` once go test runs, `stop` when node has cleaned
// up itself. End of input without `stop`: interrupt the group as Ctrl-C would (go removes its
// own work dir then), kill it if still there after 3s, and remove the temp dir.
const SCRIPT = `
g=
while read -r cmd arg; do
  case "$cmd" in
    group) g=$arg ;;
    stop) exit 0 ;;
  esac
done
if [ -n "$g" ] && kill -s INT -- "-$g" 2>/dev/null; then
  n=0
  while [ $n -lt 30 ] && kill -s 0 -- "-$g" 2>/dev/null; do sleep 0.1; n=$((n+1)); done
  kill -s KILL -- "-$g" 2>/dev/null
fi
rm -rf -- "$1"
`;

/** The running watchdog: tell it which process group to guard, and stop it when cleanup is done. */
export interface Watchdog {
  /** Guards go test's process group (its leader's pid) from now on. */
  watchGroup: (pgid: number) => void;
  /** Node cleaned up itself: the watchdog exits without touching anything. */
  stop: () => void;
}

/** Starts the watchdog for `tempDir`; a no-op where there is no POSIX shell (Windows). */
export function startWatchdog(opts: { tempDir: string; platform: NodeJS.Platform; shell?: string }): Watchdog {
  if (opts.platform === 'win32') return { watchGroup: () => undefined, stop: () => undefined };
  // detached: its own session, so the terminal's Ctrl-C and a kill of node's group spare it.
  const child = spawn(opts.shell ?? '/bin/sh', ['-c', SCRIPT, 'goleak-run-watchdog', opts.tempDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => undefined);
  child.stdin.on('error', () => undefined);
  child.unref();
  let stopped = false;
  return {
    watchGroup: (pgid) => {
      if (!stopped) child.stdin.write(`group ${pgid}\n`);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      child.stdin.end('stop\n');
    },
  };
}
