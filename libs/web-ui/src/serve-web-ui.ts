import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import serveStatic from 'serve-static';
import { webUiAssetsDir } from './web-ui-assets';

/** Paths that are never files of the UI: the API, probes, metrics and the API documents. */
// Express matches routes case-insensitively, so the API's paths are recognised in any case too
const NOT_THE_UI = /^\/(v1|health|metrics|docs)(\/|-|$)/i;

/** whether a request path may name a file of the UI (the API's paths skip the file system) */
export function isWebUiPath(path: string): boolean {
  return !NOT_THE_UI.test(path);
}

/**
 * The page may only run its own scripts and talk to its own origin: names and notes typed by
 * anyone are shown in it, so even a rendering mistake must not let a script string execute.
 */
export const WEB_UI_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', WEB_UI_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // revalidate on every load (the ETag makes that cheap), so a deploy reaches phones at once
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * Serves the caseworkers' web UI (static HTML, CSS and ES modules, no build step) at `/`.
 * Call it in the app's `configure` hook; the API stays under `/v1`, which the UI calls with the
 * bearer token the user pasted, so these files themselves need no authentication.
 */
export function serveWebUi(app: NestExpressApplication, assetsDir: string = webUiAssetsDir()): void {
  const files = serveStatic(assetsDir, { index: 'index.html', setHeaders: securityHeaders, fallthrough: true, dotfiles: 'ignore' });
  // Mounted at `/`, the static handler would stat() a file for every API request first (a
  // syscall per request, ~4% of the server's CPU under load): API paths go straight on.
  app.use((req: Request, res: Response, next: NextFunction) => (isWebUiPath(req.path) ? files(req, res, next) : next()));
}
