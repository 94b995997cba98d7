/**
 * The signed-in user: the bearer token in sessionStorage (gone when the tab closes, never sent
 * anywhere but our own API) and what it says about them. The server verifies the token; the UI
 * only reads its claims to show who you are and which menus apply.
 */
const TOKEN_KEY = 'jejak.token';

export function decodeToken(token) {
  const parts = typeof token === 'string' ? token.trim().split('.') : [];
  if (parts.length !== 3) return undefined;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    if (typeof claims !== 'object' || claims === null || typeof claims.sub !== 'string') return undefined;
    const roles = [claims.role ?? claims.roles ?? []].flat().filter((r) => typeof r === 'string');
    const kecamatan = [claims.kecamatan ?? []].flat().filter((k) => typeof k === 'string');
    return { sub: claims.sub, roles, kecamatan, expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined };
  } catch {
    return undefined;
  }
}

export function isExpired(user, now = new Date()) {
  return user.expiresAt !== undefined && user.expiresAt <= now;
}

export function currentToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function currentUser() {
  const token = currentToken();
  const user = token ? decodeToken(token) : undefined;
  return user && !isExpired(user) ? user : undefined;
}

export function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

export function signOut() {
  sessionStorage.clear();
}

export function hasRole(user, ...roles) {
  return user !== undefined && user.roles.some((r) => roles.includes(r));
}
