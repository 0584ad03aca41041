/**
 * Every authorization asks the member: the consent step is where they choose the patient and
 * what the app may read, so it must run even when an earlier grant covers the scopes. Asking
 * for consent also keeps `offline_access`, which oidc-provider drops (an OpenID Connect rule)
 * unless `prompt=consent` was requested. Both are done by treating SMART requests as if they
 * carried `prompt=consent` — one getter, wrapped here, instead of rewriting request bodies.
 */
import type Provider from 'oidc-provider';

export function alwaysAskConsent(provider: Provider): void {
  const proto = (provider as unknown as { OIDCContext: { prototype: object } }).OIDCContext.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'prompts');
  if (original?.get === undefined) throw new Error('oidc-provider changed: OIDCContext.prompts is not a getter');
  const get = original.get;
  Object.defineProperty(proto, 'prompts', {
    configurable: true,
    get(this: { params?: { prompt?: unknown } }): Set<string> {
      const prompts = get.call(this) as Set<string>;
      // `prompt=none` asks for no UI at all; adding consent would turn it into an error of another kind.
      if (!prompts.has('none')) prompts.add('consent');
      return prompts;
    },
  });
}
