import type { BrowserContext, Route } from 'playwright-core';

/**
 * A stand-in for a GitLab at `origin`, answered inside the browser: what Decap CMS asks of one to
 * sign in with PKCE and open an empty content repository. The browser enforces the page's
 * Content-Security-Policy before a request reaches these routes, so a request the policy refuses
 * never shows in `requests`.
 */
export async function fakeGitLab(context: BrowserContext, origin: string): Promise<{ requests: string[] }> {
  const requests: string[] = [];
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-expose-headers': '*' };
  const json = (route: Route, body: unknown, headers: Record<string, string> = {}) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: { ...cors, ...headers }, body: JSON.stringify(body) });
  const empty = { 'x-total': '0', 'x-total-pages': '0', 'x-page': '1', 'x-per-page': '100' };
  await context.route(`${origin}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...cors, 'access-control-allow-methods': '*' } });
    requests.push(`${request.method()} ${url.pathname}`);
    // The sign-in page: the user agrees at once, and GitLab sends them back to the form with a code.
    if (url.pathname === '/oauth/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'code-from-gitlab');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return route.fulfill({ status: 302, headers: { location: back.href } });
    }
    if (url.pathname === '/oauth/token')
      return json(route, { access_token: 'token', refresh_token: 'refresh', token_type: 'Bearer', expires_in: 7200 });
    if (url.pathname === '/api/v4/user')
      return json(route, {
        id: 1,
        name: '通讯员',
        username: 'tongxunyuan',
        avatar_url: `${origin}/uploads/-/system/user/avatar/1/avatar.png`,
      });
    if (url.pathname.endsWith('/avatar.png'))
      return route.fulfill({
        status: 200,
        contentType: 'image/svg+xml',
        headers: cors,
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>',
      });
    if (/^\/api\/v4\/projects\/[^/]+$/.test(url.pathname))
      return json(route, { id: 7, default_branch: 'main', permissions: { project_access: { access_level: 40 }, group_access: null } });
    // An empty repository: no articles, pictures or open merge requests yet.
    return json(route, [], empty);
  });
  return { requests };
}
