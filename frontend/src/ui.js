import { api } from './api.js';
import { currentToken, forgetToken, keepSessionAlive, requireSignIn, takeNotice, leaveNotice } from './session.js';

/** Builds an element; children that are strings become text (never HTML), so names from the API are safe. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** A page parameter encoded for use in an API path or a link, so "1/../../account" stays one path segment. */
export function pathParam(name) {
  const value = param(name);
  return value === null ? null : encodeURIComponent(value);
}

/** Shows a message in a page's status line (polite) or alert line (errors are announced at once). */
export function say(target, text, kind = 'info') {
  const el = typeof target === 'string' ? $(target) : target;
  el.textContent = text ?? '';
  el.dataset.kind = kind;
  el.hidden = !text;
}

export function errorText(error) {
  if (error.forTeacher) return error.message;
  console.error(error);
  return 'Something went wrong. Please try again.';
}

/**
 * Wires a form: on submit the button is disabled while `action(values, form)` runs; an error is shown in the form's
 * [data-error] region and focused so keyboard and screen-reader users hear it.
 */
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errorBox = form.querySelector('[data-error]');
    if (errorBox) say(errorBox, '');
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => (b.disabled = true));
    form.setAttribute('aria-busy', 'true');
    try {
      await action(Object.fromEntries(new FormData(form)), form);
    } catch (error) {
      if (errorBox) {
        say(errorBox, errorText(error), 'error');
        errorBox.focus();
      } else {
        throw error;
      }
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      form.removeAttribute('aria-busy');
    }
  });
}

/** Runs a page's loading step; errors replace the main content with a readable message. */
export async function load(step) {
  try {
    await step();
  } catch (error) {
    const message = h('p', { class: 'message', 'data-kind': 'error', role: 'alert' }, errorText(error));
    const heading = $('main h1');
    if (heading) heading.after(message);
    else $('main').prepend(message);
  }
}

/** A modal yes/no question using the native <dialog> (focus is trapped and Escape cancels). */
export function confirmDialog({ title, text, confirmLabel, danger = true }) {
  return new Promise((resolve) => {
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title),
      text ? h('p', {}, text) : null,
      h(
        'form',
        { method: 'dialog', class: 'actions' },
        h('button', { value: 'cancel', class: 'secondary', autofocus: true }, 'Cancel'),
        h('button', { value: 'ok', class: danger ? 'danger' : 'primary' }, confirmLabel),
      ),
    );
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

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
  header.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h(
      'div',
      { class: 'bar' },
      h('a', { class: 'brand', href: '/' }, 'Rollcall'),
      h(
        'nav',
        { 'aria-label': 'Main' },
        h(
          'a',
          {
            href: '/',
            'aria-current': location.pathname === '/' || location.pathname === '/index.html' ? 'page' : null,
          },
          'Classes',
        ),
        h(
          'a',
          { href: '/account.html', 'aria-current': location.pathname === '/account.html' ? 'page' : null },
          'Account',
        ),
        h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'),
      ),
    ),
  );
  showNotice();
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

/** Fetches a CSV with the bearer token and hands it to the browser as a file download. */
export async function downloadCsv(url, fileName) {
  const csv = await api(url, { accept: 'text/csv' });
  const link = h('a', { href: URL.createObjectURL(csv), download: `${fileName.replace(/[^\w.-]+/g, '_')}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Wires the "Download CSV" button of a date-range form: the range is checked, then `${base}/attendance` is fetched
 * as CSV and saved under `attendance-<name>-<from>-to-<to>.csv`. The name is asked for at click time (the page's
 * subject is loaded after the button is wired).
 */
export function downloadRangeCsv(button, form, base, name) {
  button.addEventListener('click', async () => {
    if (!form.reportValidity()) return;
    const { from, to } = Object.fromEntries(new FormData(form));
    const errorBox = form.querySelector('[data-error]');
    say(errorBox, '');
    try {
      await downloadCsv(`${base}/attendance?from=${from}&to=${to}`, `attendance-${name()}-${from}-to-${to}`);
    } catch (error) {
      say(errorBox, errorText(error), 'error');
    }
  });
}

export function formatDate(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** Today's date (YYYY-MM-DD) in a class's time zone: attendance days follow the class, not the browser. */
export function todayIn(timeZone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  }
}

export function daysBefore(isoDate, days) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}
