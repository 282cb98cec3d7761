import { api } from '../api.js';
import { fillLimits } from '../limits.js';
import { saveToken } from '../session.js';
import { $ } from '../ui/dom.js';
import { errorText, say } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { showNotice } from '../ui/page.js';

showNotice();
fillLimits();
const emailForm = $('#email-form');
const accountForm = $('#account-form');
let email = '';
// once the code is accepted it cannot be used again, so a retry after e.g. a weak password skips that step
let verified = false;

async function sendCode() {
  await api('/api/auth/email-otp', { method: 'POST', json: { email } });
}

onSubmit(emailForm, async (values) => {
  email = values.email.trim();
  await sendCode();
  verified = false;
  $('#sent-to').textContent = email;
  emailForm.hidden = true;
  accountForm.hidden = false;
  $('#code').focus();
});

$('#resend').addEventListener('click', async () => {
  const box = accountForm.querySelector('[data-error]');
  try {
    await sendCode();
    verified = false;
    say(box, `A new code is on its way to ${email}.`, 'info');
  } catch (error) {
    say(box, errorText(error), 'error');
  }
});

onSubmit(accountForm, async ({ code, displayName, password }) => {
  if (!verified) {
    await api('/api/auth/email-verification', { method: 'POST', json: { email, code: code.trim() } });
    verified = true;
  }
  await api('/api/auth/register', { method: 'POST', json: { email, password, displayName: displayName.trim() } });
  saveToken(await api('/api/auth/login', { method: 'POST', json: { email, password } }));
  location.assign('/');
});
