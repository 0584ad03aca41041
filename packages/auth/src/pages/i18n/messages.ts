/**
 * The words of the member pages, one catalogue per language. Functions take the values a
 * sentence needs and return plain text (the pages escape it). Adding a language: copy en.ts,
 * translate, add it to LANGUAGES and CATALOGUES; tsc reports anything missing.
 */
import type { CategoryId } from '../../consent/categories.js';
import type { Relationship } from '../../members/relationships.js';
import { en } from './en.js';
import { es } from './es.js';
import type { Lang } from './pick-language.js';

export interface Messages {
  /** BCP 47 locale for dates (`en-US`). */
  locale: string;
  /** This language's name in itself, for the switch link on pages in the other language. */
  languageName: string;
  /** Accessible name of the switch link (in this language). */
  switchLabel: string;
  defaultPlanName: string;
  opensInNewTab: string;

  signIn: {
    title: string;
    intro(clientName: string, planName: string): string;
    /** Signing in to see Connected apps (no app is asking). */
    accountIntro(planName: string): string;
    username: string;
    password: string;
    submit: string;
    invalid: string;
    locked(until: string): string;
    lockedNoTime: string;
  };
  picker: {
    title: string;
    signedInAs(name: string): string;
    legend: string;
    relationship: Record<Relationship, string>;
    submit: string;
  };
  consent: {
    title(appName: string): string;
    intro(appName: string, patient: string, planName: string): string;
    logoAlt(appName: string): string;
    privacyPolicy: string;
    terms: string;
    noPolicyLink: string;
    attested: string;
    notAttested: string;
    hipaaNotice(planName: string): string;
    legend: string;
    hint: string;
    categories: Record<CategoryId, { label: string; description: string }>;
    otherTypes(types: string): string;
    expires(date: string): string;
    allow: string;
    deny: string;
  };
  connectedApps: {
    title: string;
    intro(name: string): string;
    none: string;
    logoAlt(appName: string): string;
    shares: string;
    patient: string;
    connected: string;
    lastUsed: string;
    neverUsed: string;
    expires: string;
    revoke: string;
    signOut: string;
  };
  outcome: {
    signedOutTitle: string;
    signedOutBody: string;
    signInAgain: string;
    deniedTitle: string;
    deniedBody(appName: string): string;
    revokedTitle: string;
    revokedBody(appName: string): string;
    expiredTitle: string;
    expiredBody: string;
    errorTitle: string;
    errorBody: string;
    tooManyTitle: string;
    /** Sign-in refused for a while (too many attempts from one address); `minutes` ≥ 1. */
    tooManyBody(minutes: number): string;
    continue: string;
  };
}

const CATALOGUES: Record<Lang, Messages> = { en, es };

/** The catalogue of `lang`. */
export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}
