/**
 * The coverage products test members hold, all with the directory's first payer (Kōkua Health
 * Plan, which sells every product line). Commercial and Medicare Advantage coverage names the
 * directory's cost-sharing plan by its plan id, so a Coverage leads to the Plan-Net InsurancePlan
 * and the formulary's drug benefit (same identifier). The directory has no Medicaid line, so the
 * Medicaid (QUEST Integration) product exists only here.
 */
import { NETWORKS, PAYERS, PRODUCT_LINES, type Payer, type ProductLine } from '../directory/payers.js';

export type ProductKey = 'hmo' | 'ppo' | 'ma' | 'medicaid';

/** The payer of every test member. */
export const MEMBER_PAYER: Payer = PAYERS[0] as Payer;

export interface CoverageClass {
  readonly value: string;
  readonly name: string;
}

export interface MemberProduct {
  readonly key: ProductKey;
  /** Coverage.type: Source of Payment Typology code and display. */
  readonly sopt: readonly [code: string, display: string];
  /** The directory product line, when the directory lists this product. */
  readonly line: ProductLine | undefined;
  /** The group of members not enrolled through an employer; employer groups come from the stories. */
  readonly group: CoverageClass | undefined;
  /** Coverage.class:plan for a plan year. */
  plan(year: number): CoverageClass;
  /** Coverage.network: the directory network's name. */
  readonly network: string | undefined;
}

/** The plan class of a directory line: the plan id of one of its cost-sharing plans (build-insurance-plan.ts). */
function directoryPlan(line: ProductLine, planType: string): (year: number) => CoverageClass {
  const info = PRODUCT_LINES[line];
  const [code, display] = info.planTypes.find(([c]) => c === planType) ?? [];
  if (code === undefined) throw new Error(`product line ${line} has no ${planType} plan`);
  const payer = MEMBER_PAYER;
  return (year) => ({
    value: `${payer.key.toUpperCase()}-${line.toUpperCase()}-${code.toUpperCase()}-${year}`,
    name: `${payer.name} ${info.productDisplay} ${display} ${year}`,
  });
}

const networkName = (line: ProductLine): string | undefined => NETWORKS.find((n) => n.payer === MEMBER_PAYER && n.line === line)?.name;

export const PRODUCTS: Record<ProductKey, MemberProduct> = {
  hmo: {
    key: 'hmo', sopt: ['511', 'Commercial Managed Care - HMO'], line: 'hmo', group: undefined,
    plan: directoryPlan('hmo', 'lowdeductible'), network: networkName('hmo'),
  },
  ppo: {
    key: 'ppo', sopt: ['512', 'Commercial Managed Care - PPO'], line: 'ppo', group: undefined,
    plan: directoryPlan('ppo', 'highdeductible'), network: networkName('ppo'),
  },
  ma: {
    key: 'ma', sopt: ['11', 'Medicare Managed Care (Includes Medicare Advantage Plans)'], line: 'ma',
    group: { value: 'KOKUA-MA-INDIVIDUAL', name: `${MEMBER_PAYER.name} Medicare Advantage individual enrollment` },
    plan: directoryPlan('ma', 'lowdeductible'), network: networkName('ma'),
  },
  medicaid: {
    key: 'medicaid', sopt: ['21', 'Medicaid (Managed Care)'], line: undefined,
    group: { value: 'MED-QUEST', name: 'Hawaiʻi Med-QUEST (Medicaid managed care)' },
    plan: (year) => ({ value: `KOKUA-QUEST-${year}`, name: `${MEMBER_PAYER.name} QUEST Integration ${year}` }),
    network: undefined,
  },
};
