// What a goroutine is blocked on, read from its stack when the profile has no wait reason
// (pprof protobuf and debug=1), and which wait reasons LeakProf counts as suspect.
import type { StackFrame } from './profile-types.js';

// Runtime and sync entry points → the wait reason Go's traceback would print for them
// (runtime2.go waitReasonStrings). The innermost matching frame wins.
const RUNTIME_WAITS: ReadonlyMap<string, string> = new Map([
  ['runtime.chansend', 'chan send'],
  ['runtime.chanrecv', 'chan receive'],
  ['runtime.selectgo', 'select'],
  ['runtime.block', 'select (no cases)'],
  ['sync.runtime_SemacquireMutex', 'sync.Mutex.Lock'],
  ['internal/sync.runtime_SemacquireMutex', 'sync.Mutex.Lock'],
  ['sync.runtime_SemacquireRWMutexR', 'sync.RWMutex.RLock'],
  ['sync.runtime_SemacquireRWMutex', 'sync.RWMutex.Lock'],
  ['sync.runtime_SemacquireWaitGroup', 'sync.WaitGroup.Wait'],
  ['sync.runtime_notifyListWait', 'sync.Cond.Wait'],
  ['sync.runtime_Semacquire', 'semacquire'],
  ['runtime.netpollblock', 'IO wait'],
  // debug=1 hides runtime.netpollblock but keeps its caller.
  ['internal/poll.runtime_pollWait', 'IO wait'],
  ['time.Sleep', 'sleep'],
]);

/** Wait reasons of channel operations: send, receive, select, and their nil-channel forms. */
const CHANNEL_STATES = new Set([
  'chan send',
  'chan receive',
  'select',
  'select (no cases)',
  'chan send (nil chan)',
  'chan receive (nil chan)',
]);

/** Wait reasons of sync primitives. */
const SYNC_STATES = new Set([
  'sync.Mutex.Lock',
  'sync.RWMutex.RLock',
  'sync.RWMutex.Lock',
  'sync.WaitGroup.Wait',
  'sync.Cond.Wait',
  'semacquire',
]);

/**
 * debug=1 hides the runtime frames above the first other frame, so a goroutine whose first
 * shown frame is the user's was parked by the runtime itself: a channel send, receive or select.
 */
export const HIDDEN_CHANNEL_OP = 'chan send, receive or select';

/** The wait reason the innermost recognised runtime frame stands for; '' when none is recognised. */
export function inferState(frames: readonly StackFrame[]): string {
  for (const f of frames) {
    const state = RUNTIME_WAITS.get(f.func);
    if (state !== undefined) return state;
  }
  return '';
}

/** True when LeakProf counts goroutines in this state: blocked on a channel operation or a sync primitive. */
export function isSuspectState(state: string): boolean {
  return CHANNEL_STATES.has(state) || SYNC_STATES.has(state) || state === HIDDEN_CHANNEL_OP;
}
