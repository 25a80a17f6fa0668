// Typed errors: each is one line for the user and maps to exit code 2 (usage, config or tool error).

/** Base class: a problem with the input or the environment, reported as one line with exit code 2. */
export class GoleakRunError extends Error {
  override readonly name: string = 'GoleakRunError';
  readonly exitCode = 2 as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Bad command-line usage: unknown flag, conflicting flags, a go test flag we cannot honour. */
export class UsageError extends GoleakRunError {
  override readonly name = 'UsageError';
}

/** A file we read (config or baseline) is malformed; the message starts with `file:line:`. */
export class FileFormatError extends GoleakRunError {
  override readonly name = 'FileFormatError';
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${detail}`, options);
  }
}

/** The Go toolchain is missing, too old, or failed in a way that is not a test result. */
export class ToolchainError extends GoleakRunError {
  override readonly name = 'ToolchainError';
}

/** `go list` could not resolve what the user asked for (not in a module, no matching packages). */
export class ResolveError extends GoleakRunError {
  override readonly name = 'ResolveError';
}
