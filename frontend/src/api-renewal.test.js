import { test } from 'node:test';
import assert from 'node:assert/strict';

// api.js and session.js run in the browser; these stand-ins are just enough of it for one page's requests.
const store = new Map();
globalThis.localStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
};
globalThis.sessionStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
const visited = [];
globalThis.location = { pathname: '/attendance.html', search: '?class=1', assign: (url) => visited.push(url) };

const { api } = await import('./api.js');
const { renewIfDue, saveToken } = await import('./session.js');

const later = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

test('a request answered 401 because a renewal just replaced its token is sent again with the new token', async () => {
  // the server as it behaves: issuing token B refuses token A at once
  let current = 'A';
  globalThis.fetch = async (path, { headers }) => {
    const token = headers.Authorization?.slice('Bearer '.length);
    if (path === '/api/auth/refresh') {
      current = 'B';
      return later(50, json(200, { accessToken: 'B', expiresIn: 3600 }));
    }
    return later(
      10,
      token === current
        ? json(200, { token })
        : json(401, { code: 'UNAUTHORIZED' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
    );
  };
  saveToken({ accessToken: 'A', expiresIn: 120 });

  // the page's request leaves with A, the renewal right behind it; A's 401 arrives before B does
  const answer = api('/api/classes');
  const renewal = renewIfDue();
  const outcome = await Promise.race([answer, later(1000, 'never answered')]);

  assert.deepEqual(outcome, { token: 'B' });
  assert.equal(await renewal, true);
  assert.deepEqual(visited, [], 'the teacher was sent to sign in');
});
