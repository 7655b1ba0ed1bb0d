/* global window */
// The correspondents' form (/admin/, src/pages/admin/index.astro) starts Decap CMS itself, once its
// own script has registered the site's preview and file naming (src/scripts/admin.ts). Decap reads
// this flag as it loads, so it is set just before it, from a file: the form's Content-Security-Policy
// (docs/nginx.conf) allows no inline script.
window.CMS_MANUAL_INIT = true;
