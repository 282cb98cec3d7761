// What every page starts with: the header with its navigation, a notice left by the previous page, and for the pages
// about one class the crumb back to it.
import { api } from '../api.js';
import { currentToken, forgetToken, keepSessionAlive, leaveNotice, requireSignIn, takeNotice } from '../session.js';
import { $, h } from './dom.js';
import { say } from './feedback.js';
import { classUrl, pathParam } from './links.js';

/** Shows a one-time notice left by the previous page (e.g. "your session has ended"). */
export function showNotice() {
  const text = takeNotice();
  const box = $('#notice');
  if (text && box) say(box, text, 'info');
}

/** Start of every signed-in page: sends visitors without a token to sign in, draws the header. */
export function startSignedInPage() {
  if (!requireSignIn()) return;
  keepSessionAlive();
  const header = $('#app-header');
  const here = (...paths) => (paths.includes(location.pathname) ? 'page' : null);
  header.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h(
      'div',
      { class: 'bar' },
      h('a', { class: 'brand', href: '/' }, 'Rollcall'),
      h(
        'nav',
        { 'aria-label': 'Main' },
        h('a', { href: '/', 'aria-current': here('/', '/index.html') }, 'Classes'),
        h('a', { href: '/account.html', 'aria-current': here('/account.html') }, 'Account'),
        h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'),
      ),
    ),
  );
  showNotice();
}

/**
 * Start of a page about one class (`?class=`): the signed-in page, and the crumb "Classes › class" drawn into the
 * page's `<p class="crumbs">`. `loadClass()` fetches the class once and names it in the crumb, in the heading's
 * `#class-name` (if the page has one) and, when `title` is given, in the tab's title.
 */
export function startClassPage({ title } = {}) {
  startSignedInPage();
  const classId = pathParam('class');
  const base = `/api/classes/${classId}`;
  const link = h('a', { id: 'class-link', href: classUrl(classId) }, 'Class');
  $('.crumbs').replaceChildren(h('a', { href: '/' }, 'Classes'), ' › ', link);
  let loading;
  const loadClass = () =>
    (loading ??= api(base).then((klass) => {
      link.textContent = klass.name;
      const name = $('#class-name');
      if (name) name.textContent = `· ${klass.name}`;
      if (title) document.title = `${title} · ${klass.name} · Rollcall`;
      return klass;
    }));
  return { classId, base, loadClass };
}

/**
 * Forgets the token first, so answers still in flight cannot turn this into "your session has ended", then asks the
 * server to revoke it. Signing out locally is what matters to the teacher: a failed revocation is only logged.
 */
export async function signOut() {
  const token = currentToken();
  forgetToken();
  if (token) {
    try {
      const answer = await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      if (!answer.ok && answer.status !== 401) console.warn('logout answered', answer.status);
    } catch (error) {
      console.warn('logout failed', error);
    }
  }
  leaveNotice('You have signed out.');
  location.assign('/signin.html');
}
