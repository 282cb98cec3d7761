import { api } from '../api.js';
import { fillLimits } from '../limits.js';
import { leaveNotice } from '../session.js';
import { $ } from '../ui/dom.js';
import { onSubmit } from '../ui/forms.js';
import { showNotice } from '../ui/page.js';

showNotice();
fillLimits();
const emailForm = $('#email-form');
const resetForm = $('#reset-form');
let email = '';

onSubmit(emailForm, async (values) => {
  email = values.email.trim();
  await api('/api/auth/password-reset/otp', { method: 'POST', json: { email } });
  $('#sent-to').textContent = email;
  emailForm.hidden = true;
  resetForm.hidden = false;
  $('#code').focus();
});

onSubmit(resetForm, async ({ code, newPassword }) => {
  await api('/api/auth/password-reset', { method: 'POST', json: { email, code: code.trim(), newPassword } });
  leaveNotice('Your password has been changed. Sign in with the new one.');
  location.assign('/signin.html');
});
