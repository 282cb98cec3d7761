// How a page tells the teacher what happened: status and alert lines, problems as sentences, failed loads.
import { $, h } from './dom.js';

/** Shows a message in a page's status line (polite) or alert line (errors are announced at once). */
export function say(target, text, kind = 'info') {
  const el = typeof target === 'string' ? $(target) : target;
  el.textContent = text ?? '';
  el.dataset.kind = kind;
  el.hidden = !text;
}

/** The sentence for a failure: the API's own (see messages.js) or, for a bug of ours, a general one (logged). */
export function errorText(error) {
  if (error.forTeacher) return error.message;
  console.error(error);
  return 'Something went wrong. Please try again.';
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
