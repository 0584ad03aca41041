/** C4BB-Coverage resources: one per person, naming subscriber, relationship, payer, group and plan. */
import { coding, concept, reference, type DirectoryResource } from '../directory/datatypes.js';
import { C4BB_PROFILE, MEMBER_SYSTEM } from './c4bb-canonicals.js';
import { MEMBER_ID, MEMBER_ID_SYSTEM, type PersonFacts } from './member-facts.js';
import { MEMBER_PAYER, PRODUCTS, type CoverageClass } from './member-products.js';

const RELATIONSHIP = { self: 'Self', spouse: 'Spouse', child: 'Child' } as const;

function coverageClass(code: 'group' | 'plan', value: CoverageClass): Record<string, unknown> {
  return { type: concept(MEMBER_SYSTEM.coverageClass, code, code === 'group' ? 'Group' : 'Plan'), value: value.value, name: value.name };
}

export function coverage(facts: PersonFacts, asOfYear: number, lastUpdated: string): DirectoryResource {
  const { story, subscriber } = facts;
  const product = PRODUCTS[story.coverage.product];
  const group = subscriber.coverage.employer ?? product.group;
  // An ended coverage names the plan of its last year; the directory and formularies hold the current year's.
  const planYear = facts.period.end === undefined ? asOfYear : Number(facts.period.end.slice(0, 4));
  const subscriberRef = reference('Patient', MEMBER_ID.patient(subscriber.key));
  const resource: DirectoryResource = {
    resourceType: 'Coverage', id: facts.coverageId,
    meta: { lastUpdated, profile: [C4BB_PROFILE.Coverage] },
    identifier: [{
      type: { coding: [coding(MEMBER_SYSTEM.identifierType, 'MB', 'Member Number')] },
      system: MEMBER_ID_SYSTEM, value: facts.memberId,
    }],
    // "active" describes the record, not the enrolment (R4 fm-status): an ended coverage keeps it,
    // and its period says it ended, as CARIN's own example of a past coverage does.
    status: 'active',
    type: concept(MEMBER_SYSTEM.sopt, product.sopt[0], product.sopt[1]),
    policyHolder: subscriberRef,
    subscriber: subscriberRef,
    subscriberId: facts.subscriberId,
    beneficiary: reference('Patient', facts.patientId),
    dependent: facts.dependent,
    relationship: concept(MEMBER_SYSTEM.subscriberRelationship, story.coverage.relationship, RELATIONSHIP[story.coverage.relationship]),
    period: { ...facts.period },
    payor: [reference('Organization', MEMBER_ID.payer(MEMBER_PAYER.key), MEMBER_PAYER.name)],
    class: [...(group === undefined ? [] : [coverageClass('group', group)]), coverageClass('plan', product.plan(planYear))],
  };
  if (product.network !== undefined) resource.network = product.network;
  return resource;
}
