/**
 * The fixed, size-independent part of the directory: three fictional Hawaii health plans, their
 * networks (one per product line: HMO, PPO, Medicare Advantage, QHP) and the insurance products
 * sold on each network. Coverage differs on purpose, so "which plans cover a county" has
 * answers that are neither empty nor everything.
 */
import type { CountyKey } from './hawaii-places.js';

export type ProductLine = 'hmo' | 'ppo' | 'ma' | 'qhp';

export interface Payer {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly domain: string;
  readonly counties: readonly CountyKey[];
  readonly lines: readonly ProductLine[];
}

export interface ProductLineInfo {
  /** InsuranceProductTypeCS code and display. */
  readonly productType: string;
  readonly productDisplay: string;
  readonly networkLabel: string;
  /** InsurancePlanTypeCS codes of the plans (cost-sharing options) offered within the product. */
  readonly planTypes: readonly (readonly [code: string, display: string])[];
}

export const PRODUCT_LINES: Record<ProductLine, ProductLineInfo> = {
  hmo: { productType: 'commhmo', productDisplay: 'Commercial HMO', networkLabel: 'HMO Network', planTypes: [['lowdeductible', 'Low Deductible'], ['highdeductible', 'High Deductible']] },
  ppo: { productType: 'commppo', productDisplay: 'Commercial PPO', networkLabel: 'PPO Network', planTypes: [['lowdeductible', 'Low Deductible'], ['highdeductible', 'High Deductible']] },
  ma: { productType: 'mediadv', productDisplay: 'Medicare Advantage', networkLabel: 'Medicare Advantage Network', planTypes: [['lowdeductible', 'Low Deductible']] },
  qhp: { productType: 'qhp', productDisplay: 'Qualified Health Plan', networkLabel: 'Marketplace (QHP) Network', planTypes: [['bronze', 'Bronze-QHP'], ['silver', 'Silver-QHP'], ['gold', 'Gold-QHP']] },
};

export const PAYERS: readonly Payer[] = [
  {
    key: 'kokua', name: 'Kōkua Health Plan', domain: 'kokuahealth.example.org',
    description: 'Kōkua Health Plan is a nonprofit health plan serving members on every Hawaiian island.',
    counties: ['hawaii', 'maui', 'honolulu', 'kauai', 'kalawao'], lines: ['hmo', 'ppo', 'ma', 'qhp'],
  },
  {
    key: 'islandcrest', name: 'Island Crest Health', domain: 'islandcresthealth.example.org',
    description: 'Island Crest Health offers PPO and Medicare Advantage coverage on Oʻahu and in Maui County.',
    counties: ['honolulu', 'maui'], lines: ['ppo', 'ma'],
  },
  {
    key: 'hoku', name: 'Hōkū Health Alliance', domain: 'hokuhealth.example.org',
    description: 'Hōkū Health Alliance is a neighbor-island health plan for Hawaiʻi, Maui, Kauaʻi and Kalawao counties.',
    counties: ['hawaii', 'maui', 'kauai', 'kalawao'], lines: ['hmo', 'qhp'],
  },
];

/** A network: one payer's product line. */
export interface Network {
  readonly id: string;
  readonly payer: Payer;
  readonly line: ProductLine;
  readonly name: string;
}

/** Every network, in a fixed order (payer, then product line). */
export const NETWORKS: readonly Network[] = PAYERS.flatMap((payer) => payer.lines.map((line) => ({
  id: `net-${payer.key}-${line}`,
  payer,
  line,
  name: `${payer.name} ${PRODUCT_LINES[line].networkLabel}`,
})));

const inCounty = (county: CountyKey): readonly Network[] => NETWORKS.filter((n) => n.payer.counties.includes(county));
const NETWORKS_BY_COUNTY: Record<CountyKey, readonly Network[]> = {
  hawaii: inCounty('hawaii'), maui: inCounty('maui'), honolulu: inCounty('honolulu'), kauai: inCounty('kauai'), kalawao: inCounty('kalawao'),
};

/** Networks whose payer covers `county`. */
export function networksIn(county: CountyKey): readonly Network[] {
  return NETWORKS_BY_COUNTY[county];
}

/** Networks grouped by payer, in payer order (NETWORKS is ordered by payer). */
export function byPayer(networks: readonly Network[]): [Payer, Network[]][] {
  const groups: [Payer, Network[]][] = [];
  for (const net of networks) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0] === net.payer) last[1].push(net);
    else groups.push([net.payer, [net]]);
  }
  return groups;
}
