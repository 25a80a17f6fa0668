// The --stress stage: hunts leaks that show only in some runs (see README "flaky leaks").
export { annotateStress } from './annotate.js';
export { ensureHelper, loadStressTemplates } from './helper-binary.js';
export { reproduceCommand } from './reproduce.js';
export { rewriteFiles } from './run-helper.js';
export { rewriteRequest, stressPlan } from './stress-overlay.js';
export type { StressSetup } from './stress-setup.js';
export { stressPackage, type StressLoopResult } from './stress-package.js';
export { startSupervisor } from './supervisor.js';
