// The one way the pages talk to the server: the public API, its envelope and its errors.
// The token lives in sessionStorage (this tab only, never a cookie), so another origin's
// scripts cannot read it and closing the tab signs out.

const BASE = '/ecommerce/v1/';
const TOKEN_KEY = 'ecommerce.token';

export class ApiError extends Error {
  constructor(status, message, fields, data) {
    super(message);
    this.status = status;
    this.fields = fields || {};
    this.data = data || {};
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  set token(value) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
  },
};

// Called with the error when the API answers 401: the page sends the user to log in.
let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

function query(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(text));
  }
  return parts.length ? '?' + parts.join('&') : '';
}

/** A readable sentence for a status that the caller does not handle itself. */
export function statusMessage(status, message) {
  if (status === 0) return 'The shop cannot be reached. Check your connection and try again.';
  if (status === 503) return 'The shop is busy right now. Please try again shortly.';
  if (status === 504) return 'The answer took too long; it is not known whether it went through. Try again: nothing is done twice.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return message || 'The request was refused.';
}

/**
 * Calls one endpoint. GET sends params in the query string; other methods as a JSON body.
 * Resolves to the envelope's data; rejects with an ApiError (status 0 when the network failed).
 */
export async function call(method, endpoint, params, options = {}) {
  const headers = { Accept: 'application/json' };
  const token = session.token;
  if (token) headers.Authorization = 'Bearer ' + token;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let url = BASE + endpoint;
  let body;
  if (method === 'GET') {
    url += query(params);
  } else {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(params || {});
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, statusMessage(0));
  }
  if (options.raw && response.ok) return response;
  let envelope;
  try {
    envelope = await response.json();
  } catch (e) {
    throw new ApiError(response.status, statusMessage(response.status));
  }
  if (response.ok) return envelope.data;
  const status = response.status;
  const data = envelope.data || {};
  const fields = status === 422 && data && typeof data === 'object' ? fieldMessages(data) : {};
  const error = new ApiError(status, status === 422 || status === 409 || status === 404 || status === 403
    ? envelope.message : statusMessage(status, envelope.message), fields, data);
  if (status === 401 && !options.noRedirect) {
    session.token = null;
    onUnauthorized(error);
  }
  throw error;
}

/** The 422's field paths → readable sentences ("Value error, " is the validator's prefix). */
function fieldMessages(data) {
  const out = {};
  for (const [path, message] of Object.entries(data)) {
    if (typeof message !== 'string') continue;
    let text = message.replace(/^Value error,\s*/, '');
    text = text.charAt(0).toUpperCase() + text.slice(1);
    out[path] = /[.!?]$/.test(text) ? text : text + '.';
  }
  return out;
}

/** A fresh random key for one attempt (crypto.randomUUID needs a secure context; this does not). */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export const api = {
  get: (endpoint, params, options) => call('GET', endpoint, params, options),
  put: (endpoint, params, options) => call('PUT', endpoint, params, options),
  post: (endpoint, params, options) => call('POST', endpoint, params, options),
  patch: (endpoint, params, options) => call('PATCH', endpoint, params, options),
  del: (endpoint, params, options) => call('DELETE', endpoint, params, options),
};
