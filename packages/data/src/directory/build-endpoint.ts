/** plannet-Endpoint resources: FHIR REST APIs of plans and facilities, Direct addresses of clinics. */
import { concept, coding, meta, reference, type DirectoryResource } from './datatypes.js';
import { email } from './contact-details.js';
import { SYSTEM } from './plannet-canonicals.js';
import { endpointUsecase } from './plannet-extensions.js';

interface EndpointInput {
  readonly id: string;
  readonly name: string;
  readonly organizationId: string;
  readonly contactEmail: string;
  readonly lastUpdated: string;
}

// Plan-Net's payload-type value set has a single code; it is what the IG's examples use too.
const payloadType = () => [concept(SYSTEM.endpointPayloadType, 'NA', 'Not Applicable')];

/** A FHIR R4 REST endpoint; `usecase` is a v3-ActReason code, `standard` the IG it implements. */
export function fhirEndpoint(input: EndpointInput & { address: string; usecase: string; standard?: string }): DirectoryResource {
  return {
    resourceType: 'Endpoint', id: input.id, meta: meta('Endpoint', input.lastUpdated),
    extension: [endpointUsecase(input.usecase, input.standard)],
    status: 'active',
    connectionType: coding(SYSTEM.endpointConnectionType, 'hl7-fhir-rest', 'HL7 FHIR'),
    name: input.name,
    managingOrganization: reference('Organization', input.organizationId),
    contact: [email(input.contactEmail)],
    payloadType: payloadType(),
    payloadMimeType: ['application/fhir+json'],
    address: input.address,
  };
}

/** A Direct (secure messaging) address for referrals and care coordination. */
export function directEndpoint(input: EndpointInput & { directAddress: string }): DirectoryResource {
  return {
    resourceType: 'Endpoint', id: input.id, meta: meta('Endpoint', input.lastUpdated),
    extension: [endpointUsecase('TREAT'), endpointUsecase('COC')],
    status: 'active',
    connectionType: coding(SYSTEM.endpointConnectionType, 'direct-project', 'Direct Project'),
    name: input.name,
    managingOrganization: reference('Organization', input.organizationId),
    contact: [email(input.contactEmail)],
    payloadType: payloadType(),
    address: `mailto:${input.directAddress}`,
  };
}
