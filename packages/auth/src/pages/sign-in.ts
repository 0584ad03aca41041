/** The member sign-in page (first step of the authorization interaction). */
import { html } from './html.js';
import { messages } from './i18n/messages.js';
import { formatDate, formStart, FORM_FIELDS, hiddenFields, page, planName, type PageOptions } from './layout.js';

export interface SignInOptions extends PageOptions {
  csrf: string;
  action: string;
  /** The app asking (its registered client name); absent when the member signs in to Connected apps. */
  clientName?: string;
  /** Why the last attempt failed; the same `invalid` for an unknown username and a wrong password. */
  error?: { reason: 'invalid' } | { reason: 'locked'; lockedUntil?: Date };
  /** The username typed last time, kept after an error (never the password). */
  username?: string;
}

const ERROR_ID = 'sign-in-error';

/** Username and password form; an error is announced (role="alert") and tied to both inputs. */
export function renderSignIn(options: SignInOptions): string {
  const m = messages(options.lang);
  const { error } = options;
  const errorText = error === undefined ? undefined
    : error.reason === 'invalid' ? m.signIn.invalid
      : error.lockedUntil === undefined ? m.signIn.lockedNoTime : m.signIn.locked(formatDate(error.lockedUntil, options));
  // On an error, both inputs point at the message and say they are invalid.
  const described = errorText === undefined ? html`` : html` aria-describedby="${ERROR_ID}" aria-invalid="true"`;
  return page(options, m.signIn.title, html`
<h1>${m.signIn.title}</h1>
<p>${options.clientName === undefined ? m.signIn.accountIntro(planName(options, m)) : m.signIn.intro(options.clientName, planName(options, m))}</p>
${errorText !== undefined && html`<div class="alert" role="alert" id="${ERROR_ID}">${errorText}</div>`}
${formStart(options.action)}
${hiddenFields(options.lang, options.csrf)}
<label for="username">${m.signIn.username}</label>
<input type="text" id="username" name="${FORM_FIELDS.username}" value="${options.username ?? ''}" autocomplete="username" autocapitalize="none" spellcheck="false" required${described}>
<label for="password">${m.signIn.password}</label>
<input type="password" id="password" name="${FORM_FIELDS.password}" autocomplete="current-password" required${described}>
<div class="buttons"><button type="submit" class="primary">${m.signIn.submit}</button></div>
</form>`);
}
