/** @payerport/auth — SMART App Launch 2 / OpenID Connect authorization server per environment (oidc-provider). */
export {};
