/**
 * The one stylesheet, inline (no external assets). Colours meet WCAG 2.2 AA contrast on white
 * (text #1b1b1b 16.8:1, links and buttons #0b4f9c 8.3:1, errors #a4001d 8.7:1, muted #4a4a4a
 * 8.9:1); focus shows a 3px outline on every control; system fonts; 200% zoom reflows.
 */
import { createHash } from 'node:crypto';

export const STYLESHEET = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:1rem 1.25rem 3rem}
header.top{max-width:40rem;margin:0 auto;padding:.75rem 1.25rem;display:flex;justify-content:space-between;gap:1rem;border-bottom:1px solid #c9c9c9}
h1{font-size:1.75rem;line-height:1.25;margin:1rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
a{color:#0b4f9c;text-decoration:underline}
:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
label,legend{font-weight:600}
input[type=text],input[type=password]{display:block;width:100%;max-width:24rem;font:inherit;padding:.5rem;margin:.25rem 0 1rem;border:2px solid #595959;border-radius:4px}
input[aria-invalid=true]{border-color:#a4001d}
fieldset{border:0;padding:0;margin:1rem 0}
.choice{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem;border:1px solid #c9c9c9;border-radius:4px;margin:.5rem 0}
.choice input{width:1.25rem;height:1.25rem;margin:.2rem 0 0;flex:none;accent-color:#0b4f9c}
.choice label{display:block}
.hint,.muted{color:#4a4a4a;font-weight:400}
.alert{border-left:6px solid #a4001d;background:#fff4f5;color:#a4001d;padding:.75rem 1rem;margin:1rem 0;font-weight:600}
.note{border-left:6px solid #0b4f9c;background:#f1f6fc;padding:.75rem 1rem;margin:1rem 0}
.app{display:flex;gap:1rem;align-items:center}
.app img{width:64px;height:64px;object-fit:contain;border:1px solid #c9c9c9;border-radius:8px}
.buttons{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1.5rem}
button{font:inherit;font-weight:600;padding:.6rem 1.5rem;border-radius:4px;border:2px solid #0b4f9c;cursor:pointer;min-height:44px}
button.primary{background:#0b4f9c;color:#fff}
button.secondary{background:#fff;color:#0b4f9c}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{font-weight:600}
dd{margin:0}
.card{border:1px solid #c9c9c9;border-radius:4px;padding:1rem;margin:1rem 0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/**
 * Headers for every member page: a CSP allowing only this stylesheet (by hash) and https
 * images (app logos); no scripts at all; no framing (clickjacking on a consent page grants
 * data); no caching or referrer leaking the interaction URL. No `form-action`: browsers apply
 * it to the redirect back to the app after consent, which would break the flow.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'; img-src https:; base-uri 'none'; frame-ancestors 'none'`,
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
});
