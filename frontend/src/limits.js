// The server's limits (GET /api/limits: photos per request, history range, password length, …), fetched once per
// page when first needed, so that the pages check what the server checks without keeping copies of its numbers.
import { ApiError } from './api.js';

let loading;

/**
 * Asked for without the token: the limits are public, and a token revoked elsewhere must not turn reading them into
 * a trip to the sign-in page (on the marking page that trip is taken by the marking itself, which keeps the chosen
 * photos first). A failure (e.g. offline for a moment) is not kept, so that the next call asks again.
 */
export function serverLimits() {
  loading ??= (async () => {
    let answer;
    try {
      answer = await fetch('/api/limits', { headers: { Accept: 'application/json' } });
    } catch {
      throw new ApiError({ status: 0 });
    }
    if (!answer.ok) throw new ApiError({ status: answer.status });
    return answer.json();
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Writes the server's limits into the page, named by their path in the answer: an element with
 * `data-limit="password.minLength"` shows the number, an input with `data-minlength="password.minLength"` gets it as
 * its minlength. Without an answer the page stays as it is: the server checks the same limits anyway.
 */
export async function fillLimits(root = document) {
  const texts = root.querySelectorAll('[data-limit]');
  const inputs = root.querySelectorAll('[data-minlength]');
  if (!texts.length && !inputs.length) return;
  let limits;
  try {
    limits = await serverLimits();
  } catch (error) {
    console.warn('the limits could not be loaded', error);
    return;
  }
  const value = (path) => path.split('.').reduce((part, key) => part?.[key], limits);
  texts.forEach((el) => (el.textContent = value(el.dataset.limit)));
  inputs.forEach((input) => (input.minLength = value(input.dataset.minlength)));
}
