import { expect, test } from 'vitest';
import { withBase } from '../../../src/plugins/rehype-base-links.ts';

test('puts root-relative links under the base path', () => {
  expect(withBase('/articles/x/', '/dangjian/')).toBe('/dangjian/articles/x/');
});

test('leaves links already under the base, other sites, relative links and a root base alone', () => {
  expect(withBase('/dangjian/articles/x/', '/dangjian/')).toBe('/dangjian/articles/x/');
  expect(withBase('https://www.gov.cn/', '/dangjian/')).toBe('https://www.gov.cn/');
  expect(withBase('//cdn.example.cn/a.js', '/dangjian/')).toBe('//cdn.example.cn/a.js');
  expect(withBase('../images/a.jpg', '/dangjian/')).toBe('../images/a.jpg');
  expect(withBase('/articles/x/', '/')).toBe('/articles/x/');
});
