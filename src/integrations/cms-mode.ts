/*
 * Whether the correspondents' form edits this computer's content folder (npm run dev) or the
 * repository of site.yaml's cms: (a build): how Astro was started, as the cms integration (cms.ts)
 * saw it. Not import.meta.env.DEV, which the shell can set: a build made with DEV=1 would send
 * readers' forms to a helper on their own computer. Handed over in the environment, which the
 * integration sets before Astro renders a page and which reaches the pages wherever they run.
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
