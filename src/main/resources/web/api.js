// The daemon's JSON API, called with the login cookie (same origin, so fetch sends it).
export class ApiError extends Error {
  constructor(status, data) {
    super(data.error || ('HTTP ' + status));
    this.status = status;
    this.data = data;
  }
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let data = {};
  try { data = await response.json(); } catch (e) { /* an empty body */ }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// "error (hint)" for a refusal, as the CLI prints it.
export function errorText(e) {
  if (e instanceof ApiError && e.data.hint) return e.message + ' (' + e.data.hint + ')';
  return e.message;
}
