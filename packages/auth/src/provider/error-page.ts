/** The page shown when an authorization error cannot be sent back to the app (unknown client or redirect URI). */
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  const error = typeof out.error === 'string' ? out.error : 'invalid_request';
  const description = typeof out.error_description === 'string' ? out.error_description : '';
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
<body><main><h1>This app's sign-in request could not be completed</h1><p>${escape(description)}</p><p><code>${escape(error)}</code></p>
<p>Return to the app and try again. If it keeps happening, contact the app's developer.</p></main></body></html>`;
}
