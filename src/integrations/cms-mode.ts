/*
 * Whether the correspondents' form edits this computer's content folder (npm run dev) or the
 * repository of site.yaml's cms: (a build). It is how Astro was started, set by the cms
 * integration (cms.ts) as a constant of the page's code: import.meta.env.DEV can be set from the
 * shell, and a build made with DEV=1 would have sent readers' forms to a helper on their own computer.
 */
declare const __BULLETIN_CMS_LOCAL__: boolean | undefined;

export const cmsLocal: boolean = typeof __BULLETIN_CMS_LOCAL__ === 'boolean' ? __BULLETIN_CMS_LOCAL__ : false;
