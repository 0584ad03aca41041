/** Constructors for the FHIR datatypes the directory builders repeat (R4, https://hl7.org/fhir/R4/datatypes.html). */
import { EXTENSION, PROFILE, type ProfileName } from './plannet-canonicals.js';

/** A generated resource: plain JSON, ready for the store. */
export type DirectoryResource = { resourceType: string; id: string } & Record<string, unknown>;

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding: Coding[];
  text?: string;
}

export interface Reference {
  reference: string;
  display?: string;
}

export interface Extension {
  url: string;
  [value: string]: unknown;
}

export function coding(system: string, code: string, display?: string): Coding {
  return display === undefined ? { system, code } : { system, code, display };
}

export function concept(system: string, code: string, display?: string, text?: string): CodeableConcept {
  const value: CodeableConcept = { coding: [coding(system, code, display)] };
  if (text !== undefined) value.text = text;
  return value;
}

export function reference(resourceType: string, id: string, display?: string): Reference {
  const value: Reference = { reference: `${resourceType}/${id}` };
  if (display !== undefined) value.display = display;
  return value;
}

/** meta with the Plan-Net profile; lastUpdated is required by every Plan-Net profile. */
export function meta(profile: ProfileName, lastUpdated: string): { lastUpdated: string; profile: string[] } {
  return { lastUpdated, profile: [PROFILE[profile]] };
}

/** The geolocation extension on an Address (http://hl7.org/fhir/StructureDefinition/geolocation). */
export function geolocation(latitude: number, longitude: number): Extension {
  return {
    url: EXTENSION.geolocation,
    extension: [{ url: 'latitude', valueDecimal: latitude }, { url: 'longitude', valueDecimal: longitude }],
  };
}
