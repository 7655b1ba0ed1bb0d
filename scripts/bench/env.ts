/**
 * The environment the measured commands get: the user's, without the variables a test runner
 * sets (NODE_ENV=test, VITEST…), which Astro and Vite would read as a test run, and without
 * colours and telemetry.
 */
export function commandEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
