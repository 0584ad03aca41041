/**
 * Opening-hours patterns and their three FHIR shapes: Location.hoursOfOperation,
 * HealthcareService/PractitionerRole.availableTime, and Plan-Net's contactpoint-availabletime
 * extension on phone numbers.
 */
import { EXTENSION } from './plannet-canonicals.js';
import type { Extension } from './datatypes.js';

export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** One run of days with the same hours; no times means open all day. */
export interface HoursRule {
  readonly days: readonly Day[];
  readonly open?: string;
  readonly close?: string;
}

export type Hours = readonly HoursRule[];

const WEEKDAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const HOURS = {
  office: [{ days: WEEKDAYS, open: '08:00:00', close: '17:00:00' }],
  officeWithSaturday: [{ days: WEEKDAYS, open: '07:30:00', close: '17:30:00' }, { days: ['sat'], open: '08:00:00', close: '12:00:00' }],
  officeLateWeekdays: [{ days: ['mon', 'tue', 'wed', 'thu'], open: '08:00:00', close: '19:00:00' }, { days: ['fri'], open: '08:00:00', close: '17:00:00' }],
  urgentCare: [{ days: EVERY_DAY, open: '08:00:00', close: '20:00:00' }],
  always: [{ days: EVERY_DAY }],
  laboratory: [{ days: WEEKDAYS, open: '06:30:00', close: '16:00:00' }, { days: ['sat'], open: '07:00:00', close: '11:00:00' }],
  laboratoryWeekdays: [{ days: WEEKDAYS, open: '07:00:00', close: '15:30:00' }],
  callCenter: [{ days: WEEKDAYS, open: '07:30:00', close: '20:00:00' }, { days: ['sat'], open: '08:00:00', close: '12:00:00' }],
} as const satisfies Record<string, Hours>;

/** Pharmacy hours vary: some are open around the clock, some on Sunday, some only on weekdays. */
export const PHARMACY_HOURS: readonly Hours[] = [
  [{ days: WEEKDAYS, open: '08:00:00', close: '21:00:00' }, { days: ['sat'], open: '09:00:00', close: '18:00:00' }, { days: ['sun'], open: '10:00:00', close: '17:00:00' }],
  [{ days: WEEKDAYS, open: '09:00:00', close: '18:00:00' }, { days: ['sat'], open: '09:00:00', close: '13:00:00' }],
  [{ days: EVERY_DAY }],
  [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], open: '08:00:00', close: '20:00:00' }, { days: ['sun'], open: '10:00:00', close: '16:00:00' }],
  [{ days: WEEKDAYS, open: '08:30:00', close: '17:30:00' }],
];

/** True if the hours include some time on `day`. */
export function isOpenOn(hours: Hours, day: Day): boolean {
  return hours.some((rule) => rule.days.includes(day));
}

/** Location.hoursOfOperation. */
export function hoursOfOperation(hours: Hours): Record<string, unknown>[] {
  return hours.map((rule) => rule.open === undefined
    ? { daysOfWeek: [...rule.days], allDay: true }
    : { daysOfWeek: [...rule.days], openingTime: rule.open, closingTime: rule.close });
}

/** HealthcareService.availableTime and PractitionerRole.availableTime. */
export function availableTime(hours: Hours): Record<string, unknown>[] {
  return hours.map((rule) => rule.open === undefined
    ? { daysOfWeek: [...rule.days], allDay: true }
    : { daysOfWeek: [...rule.days], availableStartTime: rule.open, availableEndTime: rule.close });
}

/** One contactpoint-availabletime extension per rule, for ContactPoint.extension. */
export function contactPointAvailableTime(hours: Hours): Extension[] {
  return hours.map((rule) => {
    const parts: Extension[] = rule.days.map((day) => ({ url: 'daysOfWeek', valueCode: day }));
    if (rule.open === undefined) parts.push({ url: 'allDay', valueBoolean: true });
    else parts.push({ url: 'availableStartTime', valueTime: rule.open }, { url: 'availableEndTime', valueTime: rule.close });
    return { url: EXTENSION.contactpointAvailableTime, extension: parts };
  });
}
