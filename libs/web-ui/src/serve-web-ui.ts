import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import { webUiAssetsDir } from './web-ui-assets';

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
  app.useStaticAssets(assetsDir, { index: 'index.html', setHeaders: securityHeaders, fallthrough: true, dotfiles: 'ignore' });
}
