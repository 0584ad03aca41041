/** Addresses and contact points of directory entries (US Core address shape, Plan-Net available-time extension). */
import { geolocation } from './datatypes.js';
import { contactPointAvailableTime, type Hours } from './opening-hours.js';
import type { Place } from './sites.js';

/** A work address in Hawaii; with `withGeolocation`, the geolocation extension Plan-Net Organization supports. */
export function address(place: Place, withGeolocation = false): Record<string, unknown> {
  const value: Record<string, unknown> = {
    use: 'work', type: 'both',
    line: [place.line], city: place.town.city, state: 'HI', postalCode: place.town.zip, country: 'US',
  };
  if (withGeolocation) value.extension = [geolocation(place.latitude, place.longitude)];
  return value;
}

/** A work phone, with the hours it is answered when known. */
export function phone(value: string, hours?: Hours, rank?: number): Record<string, unknown> {
  const contact: Record<string, unknown> = { system: 'phone', value, use: 'work' };
  if (hours !== undefined) contact.extension = contactPointAvailableTime(hours);
  if (rank !== undefined) contact.rank = rank;
  return contact;
}

export function website(url: string, rank?: number): Record<string, unknown> {
  return rank === undefined ? { system: 'url', value: url, use: 'work' } : { system: 'url', value: url, use: 'work', rank };
}

export function email(value: string): Record<string, unknown> {
  return { system: 'email', value, use: 'work' };
}

/** A fax number next to a phone: same exchange, the last digits moved on by one. */
export function faxFor(phoneNumber: string): Record<string, unknown> {
  const last = Number(phoneNumber.slice(-4));
  return { system: 'fax', value: `${phoneNumber.slice(0, -4)}${String((last + 1) % 10000).padStart(4, '0')}`, use: 'work' };
}

/** A web-site slug from a name: "Hilo Family Medicine" → "hilofamilymedicine". */
export function slug(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}
