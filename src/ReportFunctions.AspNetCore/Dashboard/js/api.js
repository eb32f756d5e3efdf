// The API the dashboard reads: same host, under /api (the page is at /api/dashboard/). In Azure every API route takes a
// function key: it is entered once in the page, kept in sessionStorage (this tab only) and sent as the x-functions-key
// header; it is never put in a URL, so a link copied from the address bar never carries it.
export const apiBase = new URL('../', document.baseURI);
const keyName = 'reportfunctions.functionKey';

export const functionKey = {
  get: () => sessionStorage.getItem(keyName),
  set: key => sessionStorage.setItem(keyName, key),
  forget: () => sessionStorage.removeItem(keyName),
};

/** A key someone put in the page's URL (?code=) is moved to session storage and taken out of the address bar. */
export function adoptKeyFromUrl() {
  const url = new URL(location.href);
  const code = url.searchParams.get('code');
  if (!code) return;
  functionKey.set(code);
  url.searchParams.delete('code');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

function headers(extra) {
  const h = new Headers(extra);
  const key = functionKey.get();
  if (key) h.set('x-functions-key', key);
  return h;
}

/** The URL of an API route with its query (empty values left out). */
export function apiUrl(path, query = {}) {
  const url = new URL(path, apiBase);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  return url;
}

export async function request(path, { query, method = 'GET', body, contentType, accept = 'application/json' } = {}) {
  const response = await fetch(apiUrl(path, query), {
    method, body, headers: headers({ Accept: accept, ...(contentType ? { 'Content-Type': contentType } : {}) }),
    credentials: 'same-origin', cache: 'no-cache',
  });
  if (response.status === 401) { onUnauthorized(); throw new ApiError(401, { detail: 'A function key is needed: enter it above.' }); }
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof payload === 'object' ? payload : { detail: payload });
  return { body: payload, response };
}

export async function getJson(path, query) { return (await request(path, { query })).body; }

/** Every page of a paged list (continuation tokens), concatenated. */
export async function getAllPages(path, query, listName) {
  const items = [];
  let continuation;
  do {
    const page = await getJson(path, { ...query, page_size: 1000, continuation });
    items.push(...page[listName]);
    continuation = page.continuation;
  } while (continuation);
  return items;
}

/** The same answer, or 404 as null (no ranking yet, no target yet). */
export async function getJsonOrNull(path, query) {
  try { return await getJson(path, query); }
  catch (e) { if (e instanceof ApiError && e.status === 404) return null; throw e; }
}

export const enc = encodeURIComponent;
