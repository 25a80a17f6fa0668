// The overlay stage: adds or wraps TestMain so each test binary reports leftover goroutines.
export { loadTemplates } from './load-templates.js';
export { mapOverlayPaths } from './map-overlay-paths.js';
export { planOverlay } from './plan-overlay.js';
export type { OverlayFile, PackageOverlayPlan, Templates, WrittenOverlay } from './types.js';
export { writeOverlay } from './write-overlay.js';
