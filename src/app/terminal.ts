// Terminal behaviour decided from the environment: colours and live progress (pure).

/** Colours: --color/--no-color, then FORCE_COLOR/NO_COLOR, then only on a TTY outside CI. */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean, cliColor: boolean | undefined): boolean {
  if (cliColor !== undefined) return cliColor;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && !isCi(env) && env.TERM !== 'dumb';
}

/** Progress redraws only where a person watches a terminal: never in CI logs or pipes. */
export function progressEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  return isTTY && !isCi(env) && env.TERM !== 'dumb';
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
}
