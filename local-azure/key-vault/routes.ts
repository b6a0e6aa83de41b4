/**
 * Method + path → operation. Pure, so the request log can name the operation even of a request
 * that never gets past the challenge. Path segments are percent-decoded: the SDK encodes names,
 * and invalid names must come back in the error as the caller spelled them.
 */

export type SecretOperation =
  | "SetSecret"
  | "GetSecret"
  | "UpdateSecret"
  | "DeleteSecret"
  | "GetSecrets"
  | "GetSecretVersions"
  | "GetDeletedSecrets"
  | "GetDeletedSecret"
  | "PurgeDeletedSecret"
  | "RecoverDeletedSecret"
  | "BackupSecret"
  | "RestoreSecret";

export type KeyOperation =
  "CreateKey" | "GetKey" | "GetKeys" | "GetKeyVersions" | "UpdateKey" | "WrapKey" | "UnwrapKey" | "Encrypt" | "Decrypt";

export type Operation = SecretOperation | KeyOperation;

/** Keys: version undefined = latest (the SDK sends an empty segment, `/keys/{name}//wrapkey`, for it). */
export type KeyRoute =
  | { operation: "GetKeys" }
  | { operation: "CreateKey" | "GetKeyVersions"; name: string }
  | { operation: "GetKey" | "UpdateKey" | "WrapKey" | "UnwrapKey" | "Encrypt" | "Decrypt"; name: string; version?: string };

export type Route = KeyRoute | SecretRoute;

export type SecretRoute =
  | { operation: "GetSecrets" | "GetDeletedSecrets" | "RestoreSecret" }
  | {
      operation:
        | "SetSecret"
        | "DeleteSecret"
        | "GetSecretVersions"
        | "GetDeletedSecret"
        | "PurgeDeletedSecret"
        | "RecoverDeletedSecret"
        | "BackupSecret";
      name: string;
    }
  /** version undefined = latest (`/secrets/{name}` and `/secrets/{name}/`). */
  | { operation: "GetSecret"; name: string; version?: string }
  | { operation: "UpdateSecret"; name: string; version: string };

export type RouteMatch = { kind: "route"; route: Route } | { kind: "method-not-allowed" } | { kind: "not-found" };

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Picks the route for the method among those a path shape allows; a known shape with another method is 405. */
function pick(method: string, routes: Partial<Record<string, Route>>): RouteMatch {
  const route = routes[method];
  return route === undefined ? { kind: "method-not-allowed" } : { kind: "route", route };
}

const KEY_ACTIONS: Record<string, KeyOperation> = { wrapkey: "WrapKey", unwrapkey: "UnwrapKey", encrypt: "Encrypt", decrypt: "Decrypt" };

function matchKeyRoute(method: string, segments: string[]): RouteMatch {
  const [, name, third, fourth, fifth] = segments;
  if (name === undefined || (name === "" && third === undefined)) return pick(method, { GET: { operation: "GetKeys" } });
  if (name === "" || fifth !== undefined) return { kind: "not-found" };
  if (third === undefined) return pick(method, { GET: { operation: "GetKey", name } });
  const version = third === "" ? undefined : third;
  if (fourth === undefined) {
    if (third.toLowerCase() === "create") return pick(method, { POST: { operation: "CreateKey", name } });
    if (third.toLowerCase() === "versions") return pick(method, { GET: { operation: "GetKeyVersions", name } });
    return pick(method, { GET: { operation: "GetKey", name, version }, PATCH: { operation: "UpdateKey", name, version } });
  }
  const action = KEY_ACTIONS[fourth.toLowerCase()];
  return action === undefined ? { kind: "not-found" } : pick(method, { POST: { operation: action, name, version } });
}

export function matchRoute(method: string, pathname: string): RouteMatch {
  const segments = pathname.split("/").slice(1).map(decodeSegment);
  const collection = segments[0]?.toLowerCase();
  const [, name, third, fourth] = segments;
  if (collection === "keys") return matchKeyRoute(method, segments);
  if (collection === "secrets") {
    // `/secrets/` (empty name) is the list's shape: a PUT there is 405, as recorded.
    if (name === undefined || (name === "" && third === undefined)) return pick(method, { GET: { operation: "GetSecrets" } });
    if (fourth !== undefined) return { kind: "not-found" };
    if (third === undefined) {
      if (name.toLowerCase() === "restore" && method === "POST") return { kind: "route", route: { operation: "RestoreSecret" } };
      return pick(method, {
        PUT: { operation: "SetSecret", name },
        GET: { operation: "GetSecret", name },
        DELETE: { operation: "DeleteSecret", name },
      });
    }
    // PATCH without a version is not a route: updates always address one version.
    if (third === "") return pick(method, { GET: { operation: "GetSecret", name } });
    if (third.toLowerCase() === "versions") return pick(method, { GET: { operation: "GetSecretVersions", name } });
    if (third.toLowerCase() === "backup" && method === "POST") return { kind: "route", route: { operation: "BackupSecret", name } };
    return pick(method, {
      GET: { operation: "GetSecret", name, version: third },
      PATCH: { operation: "UpdateSecret", name, version: third },
    });
  }
  if (collection === "deletedsecrets") {
    if (name === undefined || (name === "" && third === undefined)) return pick(method, { GET: { operation: "GetDeletedSecrets" } });
    if (fourth !== undefined) return { kind: "not-found" };
    if (third === undefined) {
      return pick(method, {
        GET: { operation: "GetDeletedSecret", name },
        DELETE: { operation: "PurgeDeletedSecret", name },
      });
    }
    if (third.toLowerCase() === "recover") return pick(method, { POST: { operation: "RecoverDeletedSecret", name } });
    return { kind: "not-found" };
  }
  return { kind: "not-found" };
}

/** The secret name a route addresses, if any (restore learns it from the blob). */
export function readRouteName(route: Route): string | undefined {
  return "name" in route ? route.name : undefined;
}

const KEY_OPERATIONS: ReadonlySet<string> = new Set<KeyOperation>([
  "CreateKey",
  "GetKey",
  "GetKeys",
  "GetKeyVersions",
  "UpdateKey",
  "WrapKey",
  "UnwrapKey",
  "Encrypt",
  "Decrypt",
]);

export function isKeyRoute(route: Route): route is KeyRoute {
  return KEY_OPERATIONS.has(route.operation);
}

export function isSecretRoute(route: Route): route is SecretRoute {
  return !KEY_OPERATIONS.has(route.operation);
}
