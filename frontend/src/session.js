// The access token lives in localStorage so every tab of the app shares one sign-in; it is dropped on sign-out,
// on expiry and as soon as the API answers 401. While a page is open the token is renewed before it expires
// (POST /api/auth/refresh), so a lesson never ends at the sign-in page; the server stops renewals after its
// session limit (12 h by default).
const TOKEN_KEY = 'rollcall.token';
const NOTICE_KEY = 'rollcall.notice';
/** Renew when less than this is left (and check this often: a laptop lid may have been closed meanwhile). */
const RENEW_BEFORE_MS = 10 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 1000;

export function saveToken({ accessToken, expiresIn }) {
  const expiresAt = Date.now() + expiresIn * 1000;
  localStorage.setItem(TOKEN_KEY, JSON.stringify({ accessToken, expiresAt }));
}

function stored() {
  try {
    const value = JSON.parse(localStorage.getItem(TOKEN_KEY));
    if (value?.accessToken && value.expiresAt > Date.now()) return value;
  } catch {
    // a malformed entry is treated like no sign-in at all
  }
  return null;
}

export function currentToken() {
  return stored()?.accessToken ?? null;
}

export function forgetToken() {
  localStorage.removeItem(TOKEN_KEY);
}

let renewing = null;

/**
 * Exchanges the token for a fresh one if it expires soon. Several tabs share the token: the one that renews first
 * wins, the others see the new token in localStorage (the server accepts each token's renewal only once).
 */
export function renewIfDue({ force = false } = {}) {
  const now = stored();
  if (!now || (!force && now.expiresAt - Date.now() > RENEW_BEFORE_MS)) return Promise.resolve(false);
  if (renewing) return renewing;
  renewing = (async () => {
    try {
      const answer = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { Authorization: `Bearer ${now.accessToken}`, Accept: 'application/json' },
      });
      if (answer.ok) {
        // another tab may have renewed meanwhile: keep whichever token lives longer
        if (currentToken() === now.accessToken) saveToken(await answer.json());
        return true;
      }
      return false;
    } catch {
      return false; // offline for a moment: the next check tries again
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/**
 * The renewal under way, if any: the server refuses the old token the moment it issues the new one, so a request
 * sent meanwhile must wait for the new token (or retry with it) instead of taking its 401 for the end of the session.
 */
export function renewalUnderWay() {
  return renewing ?? Promise.resolve(false);
}

/** Keeps the sign-in alive while the page is open: checks every minute and whenever the tab comes back into view. */
export function keepSessionAlive() {
  setInterval(() => renewIfDue(), CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') renewIfDue();
  });
  renewIfDue();
}

/** A message for the next page (e.g. "your session has ended"), shown once. */
export function leaveNotice(text) {
  sessionStorage.setItem(NOTICE_KEY, text);
}

export function takeNotice() {
  const text = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return text;
}

// The pages a sign-in may return to; the sign-in pages themselves are left out so a link cannot loop.
const RETURN_PAGES = new Set([
  '/',
  '/index.html',
  '/account.html',
  '/class.html',
  '/student.html',
  '/student-new.html',
  '/attendance.html',
  '/history.html',
]);

/**
 * Where to go after sign-in: `next` is parsed the way the browser will follow it (a backslash or a tab can turn
 * "/\\evil.example" into another host), and only a page of ours on our own origin is kept.
 */
export function safeReturnPath(next, origin) {
  if (!next) return '/';
  let url;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || !RETURN_PAGES.has(url.pathname)) return '/';
  return url.pathname + url.search + url.hash;
}

export function goToSignIn(notice) {
  if (notice) leaveNotice(notice);
  const here = location.pathname + location.search;
  const next = here.startsWith('/signin') ? '' : `?next=${encodeURIComponent(here)}`;
  location.assign(`/signin.html${next}`);
}

/** Without a usable token the visitor goes to sign in (told so if the token has expired); false then. */
export function requireSignIn() {
  if (currentToken()) return true;
  const hadToken = localStorage.getItem(TOKEN_KEY) !== null;
  forgetToken();
  goToSignIn(hadToken ? 'Your session has expired. Please sign in again.' : null);
  return false;
}
