/** A tiny client for the admin API, for tests and scripts. Non-2xx answers throw AdminRequestError. */

export class AdminRequestError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(method: string, path: string, status: number, body: unknown) {
    super(`Failed to ${method} ${path} on the local Azure admin API: ${status} ${typeof body === "string" ? body : JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

export interface AdminResponse<T> {
  status: number;
  body: T;
}

/** Never throws for an HTTP status: for tests that look at error answers. */
export async function adminRequest<T = unknown>(adminUrl: string, method: string, path: string, body?: unknown): Promise<AdminResponse<T>> {
  const response = await fetch(new URL(path, adminUrl), {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: hand back the text as it came.
    }
  }
  return { status: response.status, body: parsed as T };
}

async function requestOk<T>(adminUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await adminRequest<T>(adminUrl, method, path, body);
  if (response.status < 200 || response.status > 299) throw new AdminRequestError(method, path, response.status, response.body);
  return response.body;
}

export function adminGet<T = unknown>(adminUrl: string, path: string): Promise<T> {
  return requestOk<T>(adminUrl, "GET", path);
}

export function adminPut<T = unknown>(adminUrl: string, path: string, body: unknown): Promise<T> {
  return requestOk<T>(adminUrl, "PUT", path, body);
}

export function adminPatch<T = unknown>(adminUrl: string, path: string, body: unknown): Promise<T> {
  return requestOk<T>(adminUrl, "PATCH", path, body);
}

export function adminPost<T = unknown>(adminUrl: string, path: string, body: unknown = {}): Promise<T> {
  return requestOk<T>(adminUrl, "POST", path, body);
}

export function adminDelete<T = unknown>(adminUrl: string, path: string): Promise<T> {
  return requestOk<T>(adminUrl, "DELETE", path);
}
