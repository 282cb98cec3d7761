import { currentToken, forgetToken, goToSignIn, renewalUnderWay, requireSignIn } from './session.js';
import { teacherMessage } from './messages.js';

/** An answer from the API that is not a success, with the problem's stable `code` and a sentence for the teacher. */
export class ApiError extends Error {
  constructor({ status, code, detail, body = {} }) {
    super(teacherMessage({ status, code, detail }));
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    // the whole problem body: some codes carry properties a page acts on (ALREADY_ENROLLED_AS: studentId)
    this.problem = body;
    this.forTeacher = true;
  }
}

/**
 * A 401 that says the request needs a (valid) token, as opposed to e.g. a wrong password at sign-in: the server
 * challenges for a bearer token. Which endpoints are public is the server's to say (org.rollcall.web.PublicEndpoints),
 * so the browser keeps no list of them.
 */
const needsToken = (response) =>
  response.status === 401 && (response.headers.get('WWW-Authenticate') ?? '').startsWith('Bearer');

/** The page is on its way to the sign-in page: its pending work simply never finishes. */
const leavingPage = () => new Promise(() => {});

/**
 * Sends with XMLHttpRequest, which (unlike fetch) reports upload progress; answers like fetch's Response as far as
 * api() needs.
 */
function sendWithProgress(path, { method, headers, body }, onUploadProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    Object.entries(headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.onprogress = (e) => e.lengthComputable && onUploadProgress(e.loaded, e.total);
    xhr.upload.onload = () => onUploadProgress(1, 1);
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onload = () =>
      resolve(
        new Response(xhr.status === 204 ? null : xhr.response, {
          status: xhr.status,
          headers: {
            'Content-Type': xhr.getResponseHeader('Content-Type') ?? '',
            'WWW-Authenticate': xhr.getResponseHeader('WWW-Authenticate') ?? '',
          },
        }),
      );
    xhr.responseType = 'blob';
    xhr.send(body);
  });
}

/**
 * Calls the Rollcall API. `json` is sent as a JSON body, `form` (FormData) as multipart; `onUploadProgress(sent,
 * total)` follows an upload. When the server asks for a token (none was sent, or it expired or was revoked), the
 * token is dropped and the browser goes to sign in with a message. A 401 because this page or another tab
 * renewed the token meanwhile is retried once with the new token.
 */
export async function api(path, options = {}, retried = false) {
  const { method = 'GET', json, form, accept = 'application/json', onUploadProgress } = options;
  // the server refuses the old token as soon as a renewal is issued: send with the new one
  await renewalUnderWay();
  const token = currentToken();
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = onUploadProgress
      ? await sendWithProgress(path, { method, headers, body }, onUploadProgress)
      : await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (needsToken(response)) {
    if (!token) {
      requireSignIn(); // tells an expired sign-in from none
      return leavingPage();
    }
    // sent just before a renewal replaced the token: the renewal's answer may not have arrived yet
    await renewalUnderWay();
    const now = currentToken();
    if (now && now !== token && !retried) return api(path, options, true);
    // a request still in flight when the teacher signed out must not replace the "signed out" message
    if (now === token) {
      forgetToken();
      goToSignIn('Your session has ended. Please sign in again.');
    }
    return leavingPage();
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204 || response.status === 202) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return response.json();
  return response.blob();
}

async function readProblem(response) {
  const problem = { status: response.status };
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      const body = await response.json();
      problem.code = body.code;
      problem.detail = body.detail;
      problem.body = body;
    } catch {
      // an unreadable body still has its status
    }
  }
  return problem;
}
