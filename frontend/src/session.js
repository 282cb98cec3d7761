// The access token lives in localStorage so every tab of the app shares one sign-in; it is dropped on sign-out,
// on expiry and as soon as the API answers 401.
const TOKEN_KEY = 'rollcall.token';
const NOTICE_KEY = 'rollcall.notice';

export function saveToken({ accessToken, expiresIn }) {
  const expiresAt = Date.now() + expiresIn * 1000;
  localStorage.setItem(TOKEN_KEY, JSON.stringify({ accessToken, expiresAt }));
}

export function currentToken() {
  try {
    const stored = JSON.parse(localStorage.getItem(TOKEN_KEY));
    if (stored?.accessToken && stored.expiresAt > Date.now()) return stored.accessToken;
  } catch {
    // a malformed entry is treated like no sign-in at all
  }
  return null;
}

export function forgetToken() {
  localStorage.removeItem(TOKEN_KEY);
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
const RETURN_PAGES = new Set(['/', '/index.html', '/account.html', '/class.html', '/student.html', '/student-new.html',
  '/attendance.html', '/history.html']);

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
