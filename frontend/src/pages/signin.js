import { api } from '../api.js';
import { saveToken, currentToken } from '../session.js';
import { $, onSubmit, showNotice } from '../ui.js';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the teacher elsewhere. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

if (currentToken()) location.replace(nextPage());
showNotice();

onSubmit($('#signin-form'), async ({ email, password }) => {
  const token = await api('/api/auth/login', { method: 'POST', json: { email: email.trim(), password } });
  saveToken(token);
  location.assign(nextPage());
});
