// The parse stage's public surface: goroutine dumps and the go test -json stream.
export { parseDump } from './goroutine-dump.js';
export { parseEventLine, isParseWarning } from './event-line.js';
export { createRunFold, type FoldProgress, type RunFold, type RunFoldOptions } from './run-fold.js';
export { MARKER_PREFIX } from './leak-markers.js';
