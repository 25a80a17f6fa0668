// Goroutines as a traceback dump shows them.

/** One stack frame of a goroutine. */
export interface Frame {
  /** Fully qualified function, e.g. `example.com/m/a.(*Server).serve.func1`. */
  func: string;
  /** Raw argument text between the parentheses, e.g. `0xc000012345, 0x1` or `...`. */
  args: string;
  file: string;
  line: number;
}

/** `created by F in goroutine N` at the end of a goroutine's stack. */
export interface CreatedBy {
  func: string;
  file: string;
  line: number;
  /** Creator goroutine id (Go 1.21+ prints it). */
  goroutine?: number;
}

/** An `[originating from goroutine N]:` block printed under GODEBUG=tracebackancestors. */
export interface Ancestor {
  goroutine: number;
  frames: Frame[];
  createdBy?: CreatedBy;
  /** `...additional frames elided...` was printed. */
  truncated: boolean;
}

/** One goroutine of a traceback dump. */
export interface Goroutine {
  id: number;
  /** Wait reason or status: `chan receive`, `select`, `sleep`, `running`, `sync.Mutex.Lock`, … */
  state: string;
  /** `, N minutes` in the header; absent when blocked for under a minute. */
  waitMinutes?: number;
  lockedToThread: boolean;
  /** `(durable)`: durably blocked inside a synctest bubble. */
  durable: boolean;
  /** `synctest bubble N`. */
  bubble?: number;
  /** `(leaked)`: the GC proved it can never run again (goroutineleak profile, Go 1.26+ experiment). */
  leakedByGc: boolean;
  /** `labels:{"k": "v"}` (GODEBUG=tracebacklabels=1, default from Go 1.27). */
  labels: Record<string, string>;
  frames: Frame[];
  /** Count from `...N frames elided...`, 0 when none. */
  framesElided: number;
  createdBy?: CreatedBy;
  ancestors: Ancestor[];
  /**
   * Identical goroutines this one stands for, folded inside the test binary before printing
   * (same stack, state and creator; ids and argument values differ). Absent means 1.
   */
  folded?: { count: number; ids: number[] };
}

/** A line the parser could not make sense of; collected, never thrown. */
export interface ParseWarning {
  line: number;
  text: string;
  message: string;
}

/** Result of parsing one dump. */
export interface Dump {
  goroutines: Goroutine[];
  warnings: ParseWarning[];
}
