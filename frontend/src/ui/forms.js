import { errorText, say } from './feedback.js';

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
