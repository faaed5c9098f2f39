// The login form and the CSRF-aware POST helper. Every state-changing call goes through
// send()/post(): it asks GET /api/session for the current token (the token changes at
// login and logout) and returns it in X-CSRF-Token.
import { h } from './dom.js';

export const LOGIN_TEXTS = {
  az: {
    'login.title': 'Daxil olun',
    'login.name': 'İstifadəçi adı',
    'login.password': 'Şifrə',
    'login.submit': 'Daxil ol',
    'login.busy': 'Yoxlanılır…',
    'login.wrong': 'Ad və ya şifrə yanlışdır.',
    'login.tooMany': 'Çox sayda uğursuz cəhd. {minutes} dəqiqədən sonra yenidən cəhd edin.',
    'login.failed': 'Daxil olmaq alınmadı:',
    'login.as': 'Daxil olmusunuz:',
    'login.logout': 'Çıxış',
    'role.viewer': 'izləyici',
    'role.coder': 'kodlaşdırıcı',
    'role.admin': 'administrator',
  },
  en: {
    'login.title': 'Log in',
    'login.name': 'User name',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.busy': 'Checking…',
    'login.wrong': 'Wrong name or password.',
    'login.tooMany': 'Too many failed attempts. Try again in {minutes} minute(s).',
    'login.failed': 'Could not log in:',
    'login.as': 'Logged in as',
    'login.logout': 'Log out',
    'role.viewer': 'viewer',
    'role.coder': 'coder',
    'role.admin': 'admin',
  },
};

/** An API error that keeps the HTTP status and the server's JSON body. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

async function csrfToken() {
  const res = await fetch('/api/session', {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.csrfToken) throw new ApiError(res.status, body);
  return body.csrfToken;
}

/** POST, PUT, PATCH or DELETE with a fresh CSRF token; resolves to the JSON answer. */
export async function send(method, path, body) {
  const headers = { accept: 'application/json', 'x-csrf-token': await csrfToken() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, answer);
  return answer;
}

export function post(path, body) {
  return send('POST', path, body);
}

function errorText(err, t) {
  if (err?.status === 401) return t('login.wrong');
  if (err?.status === 429) {
    const minutes = Math.max(1, Math.ceil((err.body?.retryAfterSeconds ?? 60) / 60));
    return t('login.tooMany').replace('{minutes}', String(minutes));
  }
  return `${t('login.failed')} ${err?.message ?? String(err)}`;
}

/**
 * The login page, or who is logged in with a logout button. `api` is dom.js api(), `post`
 * the helper above; onLogin(user | null) is called after logging in or out.
 */
export function loginView({ api, post: postFn = post, t, onLogin = () => {} }) {
  const root = h('section', { class: 'login', 'aria-labelledby': 'login-title' });
  const status = h('p', { class: 'login-error', role: 'alert', 'aria-live': 'assertive' });

  function showForm() {
    const name = h('input', {
      id: 'login-name',
      name: 'name',
      autocomplete: 'username',
      required: true,
      autocapitalize: 'none',
      spellcheck: 'false',
    });
    const password = h('input', {
      id: 'login-password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    });
    const button = h('button', { type: 'submit' }, t('login.submit'));
    const form = h(
      'form',
      {
        onsubmit: async (e) => {
          e.preventDefault();
          status.textContent = '';
          button.disabled = true;
          button.textContent = t('login.busy');
          try {
            const { user } = await postFn('/api/login', {
              name: name.value,
              password: password.value,
            });
            password.value = '';
            showUser(user);
            onLogin(user);
          } catch (err) {
            password.value = '';
            status.textContent = errorText(err, t);
            password.focus();
          } finally {
            button.disabled = false;
            button.textContent = t('login.submit');
          }
        },
      },
      h('label', { for: 'login-name' }, t('login.name')),
      name,
      h('label', { for: 'login-password' }, t('login.password')),
      password,
      button,
    );
    root.replaceChildren(h('h1', { id: 'login-title' }, t('login.title')), form, status);
    name.focus();
  }

  function showUser(user) {
    const logout = h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          status.textContent = '';
          try {
            await postFn('/api/logout');
            showForm();
            onLogin(null);
          } catch (err) {
            status.textContent = err?.message ?? String(err);
          }
        },
      },
      t('login.logout'),
    );
    root.replaceChildren(
      h('h1', { id: 'login-title' }, t('login.title')),
      h('p', {}, `${t('login.as')} `, h('strong', {}, user.name), ` (${t(`role.${user.role}`)})`),
      logout,
      status,
    );
  }

  api('/api/session')
    .then((s) => (s.user ? showUser(s.user) : showForm()))
    .catch(() => showForm());
  return root;
}
