/**
 * Therapeutic classes of the synthetic formularies. This grouping is payerport's own, made for
 * realistic utilization management (not USP, AHFS or ATC): what matters to a formulary is
 * whether a class is taken for years (90-day and mail-order fills), whether it is a controlled or
 * easily misused drug (quantity limits), and whether it is a specialty product.
 */
export type DrugClassKey =
  | 'acei' | 'adhd-nonstimulant' | 'alpha2-agonist' | 'anaphylaxis' | 'antiarrhythmic' | 'anticoagulant'
  | 'anticonvulsant' | 'antidepressant' | 'antineoplastic' | 'antiplatelet' | 'arb' | 'arni' | 'aud'
  | 'beta-blocker' | 'biguanide' | 'bisphosphonate' | 'ccb' | 'cephalosporin' | 'contraceptive'
  | 'corticosteroid' | 'dementia' | 'dmard' | 'glp1' | 'gout' | 'ics' | 'ics-laba' | 'immunosuppressant'
  | 'insulin' | 'maoi' | 'nitrate' | 'nsaid' | 'opioid' | 'oud' | 'penicillin' | 'raas-combo' | 'saba'
  | 'sglt2' | 'smoking' | 'snri' | 'ssri' | 'statin' | 'stimulant' | 'tca' | 'tetracycline'
  | 'urinary-analgesic' | 'urinary-anti-infective' | 'weight-loss';

export interface DrugClass {
  readonly display: string;
  /** Long-term therapy: 3-month and mail-order fills are offered. */
  readonly maintenance: boolean;
  /** Controlled or misuse-prone: nearly always under a quantity limit. */
  readonly controlled: boolean;
  /** Excluded from Medicare Part D by statute (weight loss), so absent from Medicare formularies. */
  readonly partDExcluded?: true;
  /** ACA preventive service: $0 on commercial formularies. */
  readonly preventive?: true;
}

const c = (display: string, maintenance: boolean, controlled = false): DrugClass => ({ display, maintenance, controlled });

export const DRUG_CLASSES: Record<DrugClassKey, DrugClass> = {
  'acei': c('ACE inhibitors', true),
  'adhd-nonstimulant': c('ADHD agents, non-stimulant', true),
  'alpha2-agonist': c('Central alpha-2 agonists', true),
  'anaphylaxis': c('Anaphylaxis agents (epinephrine)', false),
  'antiarrhythmic': c('Cardiac glycosides', true),
  'anticoagulant': c('Anticoagulants', true),
  'anticonvulsant': c('Anticonvulsants', true),
  'antidepressant': c('Antidepressants, other', true),
  'antineoplastic': c('Antineoplastics (infused)', false),
  'antiplatelet': c('Antiplatelet agents', true),
  'arb': c('Angiotensin II receptor blockers', true),
  'arni': c('Angiotensin receptor-neprilysin inhibitors', true),
  'aud': c('Alcohol use disorder agents', true),
  'beta-blocker': c('Beta blockers', true),
  'biguanide': c('Biguanides', true),
  'bisphosphonate': c('Bisphosphonates', true),
  'ccb': c('Calcium channel blockers', true),
  'cephalosporin': c('Cephalosporins', false),
  'contraceptive': { ...c('Hormonal contraceptives', true), preventive: true },
  'corticosteroid': c('Systemic corticosteroids', false),
  'dementia': c('Dementia agents', true),
  'dmard': c('Disease-modifying antirheumatic drugs', true),
  'glp1': c('GLP-1 receptor agonists', true),
  'gout': c('Antigout agents', true),
  'ics': c('Inhaled corticosteroids', true),
  'ics-laba': c('Inhaled corticosteroid / long-acting beta agonist combinations', true),
  'immunosuppressant': c('Immunosuppressants', true),
  'insulin': c('Insulins', true),
  'maoi': c('Monoamine oxidase inhibitors', true),
  'nitrate': c('Nitrates', false),
  'nsaid': c('Nonsteroidal anti-inflammatory drugs', false),
  'opioid': c('Opioid analgesics', false, true),
  'oud': c('Opioid use disorder agents', true, true),
  'penicillin': c('Penicillins', false),
  'raas-combo': c('ACE inhibitor / ARB combinations', true),
  'saba': c('Short-acting beta agonists', false),
  'sglt2': c('SGLT2 inhibitors', true),
  'smoking': c('Smoking cessation agents', false),
  'snri': c('Serotonin-norepinephrine reuptake inhibitors (SNRIs)', true),
  'ssri': c('Selective serotonin reuptake inhibitors (SSRIs)', true),
  'statin': c('HMG-CoA reductase inhibitors (statins)', true),
  'stimulant': c('CNS stimulants (ADHD)', true, true),
  'tca': c('Tricyclic antidepressants', true),
  'tetracycline': c('Tetracyclines', false),
  'urinary-analgesic': c('Urinary analgesics', false),
  'urinary-anti-infective': c('Urinary anti-infectives', false),
  'weight-loss': { ...c('Anti-obesity agents', true), partDExcluded: true },
};
