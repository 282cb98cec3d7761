import { api } from '../api.js';
import { fillLimits } from '../limits.js';
import { forgetToken, leaveNotice } from '../session.js';
import { $ } from '../ui/dom.js';
import { confirmDialog, load, say } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { signOut, startSignedInPage } from '../ui/page.js';

startSignedInPage();
fillLimits();

load(async () => {
  const me = await api('/api/account');
  $('#me-name').textContent = me.displayName;
  $('#me-email').textContent = me.email;
  if (me.createdAt) $('#me-since').textContent = `Teacher since ${new Date(me.createdAt).toLocaleDateString()}`;
});

$('#sign-out').addEventListener('click', signOut);

onSubmit($('#password-form'), async ({ currentPassword, newPassword }, form) => {
  await api('/api/account/password', { method: 'PUT', json: { currentPassword, newPassword } });
  form.reset();
  say(form.querySelector('[data-saved]'), 'Password changed. Other devices have been signed out.', 'success');
});

onSubmit($('#delete-form'), async ({ password }) => {
  const sure = await confirmDialog({
    title: 'Delete your account?',
    text: 'Your classes, students, face photos and attendance records will be erased for good.',
    confirmLabel: 'Delete everything',
  });
  if (!sure) return;
  await api('/api/account', { method: 'DELETE', json: { password } });
  forgetToken();
  leaveNotice('Your account and all its data have been deleted.');
  location.assign('/signin.html');
});
