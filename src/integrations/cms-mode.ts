/*
 * Whether the correspondents' form edits this computer's content folder (npm run dev) or the
 * repository of site.yaml's cms: (a build): how Astro was started, as the cms integration (cms.ts)
 * saw it. Not import.meta.env.DEV, which the shell can set: a build made with DEV=1 would send
 * readers' forms to a helper on their own computer. Handed over in the environment, which the
 * integration sets before Astro renders a page and which reaches the pages wherever they run.
 * The same way, the port the integration's helper listens on.
 */
const variable = 'BULLETIN_CMS_STARTED_FOR';

/** Called by the cms integration with the command Astro was started with; overrides whatever the shell set. */
export function rememberCommand(command: string): void {
  process.env[variable] = command;
}

/** True in `astro dev`; false in a build, or when the integration has not said. */
export function cmsLocal(): boolean {
  return process.env[variable] === 'dev';
}

/*
 * The port the helper got: another dev server (another bulletin, a test) may hold 8081, and a form
 * that talked to that one's helper would edit the other content folder.
 */
const helperPortVariable = 'BULLETIN_CMS_HELPER_PORT';

/** Called by the cms integration once its helper listens. */
export function rememberHelperPort(port: number): void {
  process.env[helperPortVariable] = String(port);
}

/** The port of this dev server's helper, when it has one. */
export function localHelperPort(): number | undefined {
  return Number(process.env[helperPortVariable]) || undefined;
}
