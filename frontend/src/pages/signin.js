import { api } from '../api.js';
import { saveToken, currentToken, safeReturnPath } from '../session.js';
import { $ } from '../ui/dom.js';
import { onSubmit } from '../ui/forms.js';
import { showNotice } from '../ui/page.js';

/** Only our own pages are followed after sign-in, so a crafted link cannot send the teacher elsewhere. */
function nextPage() {
  return safeReturnPath(new URLSearchParams(location.search).get('next'), location.origin);
}

if (currentToken()) location.replace(nextPage());
showNotice();

onSubmit($('#signin-form'), async ({ email, password }) => {
  const token = await api('/api/auth/login', { method: 'POST', json: { email: email.trim(), password } });
  saveToken(token);
  location.assign(nextPage());
});
