// Lexical topic classifier: weighted stem patterns in English, French and (cheaply) Ukrainian.
// A topic is kept when the weights of its distinct matching patterns reach 1.
export const TOPICS = [
  'equipment',
  'defence-industry',
  'training',
  'intelligence',
  'cyber-hybrid',
  'economic-energy',
  'financial-reform',
  'sanctions',
  'accountability',
  'consultation',
  'nato-eu-path',
  'termination-duration',
  'general',
] as const;
export type Topic = (typeof TOPICS)[number];

export type Language = 'en' | 'fr' | 'uk';

type Rule = [RegExp, number];

const RULES: Record<Exclude<Topic, 'general'>, Rule[]> = {
  equipment: [
    [/\b(?:military|security|defence|defense)\s+(?:assistance|support|aid|equipment|capabilit\w*|materiel|matériel)/iu, 1],
    [/\b(?:air\s+defen[cs]e|artillery|ammunition|munitions?|armou?red|tanks?|howitzers?|missiles?|drones?|UAVs?|F-16|fighter|aircraft|helicopters?|weapons?|armaments?|demining|mine\s+action|minehunters?|radars?|equipment)\b/iu, 1],
    [/\b(?:aide|soutien|assistance|équipements?)\s+militaires?|défense\s+(?:aérienne|antiaérienne)|munitions|artillerie|blindés|avions|armes|armements?|drones|obus|déminage|matériels?\s+militaires?/iu, 1],
    [/(?:озброєнн|боєприпас|військов\p{L}*\s+(?:допомог|техні)|ППО|протиповітрян)/iu, 1],
    [/\b(?:maritime|naval|land|air)\s+(?:capabilit|security|domain)/iu, 0.5],
  ],
  'defence-industry': [
    [/\bdefen[cs]e[-\s]industr\w*|\bindustrial\s+(?:base|cooperation|capacit\w*)|\bco-?production|\bjoint\s+(?:production|ventures?|manufactur\w*)|\bproduction\s+capacit\w*|\barms\s+industry/iu, 1],
    [/industrie\s+de\s+(?:la\s+)?défense|base\s+industrielle|coproduction|production\s+conjointe|capacités\s+de\s+production|industriel\w*\s+de\s+défense/iu, 1],
    [/оборонн\p{L}*\s+промисловіст\p{L}*|ОПК/iu, 1],
  ],
  training: [
    [/\btrain(?:ing|s|ed)?\b|\bexercises?\b|\binstructors?\b|\bmilitary\s+education/iu, 1],
    [/\bformation\b|entraînement|\bexercices?\b|instructeurs?|former\s+(?:les|des)/iu, 1],
    [/навчанн\p{L}*|підготовк\p{L}*/iu, 1],
  ],
  intelligence: [
    [/\bintelligence\b|\bcounter-?intelligence|\bsituational\s+awareness/iu, 1],
    [/renseignement/iu, 1],
    [/розвід\p{L}*/iu, 1],
  ],
  'cyber-hybrid': [
    [/\bcyber\w*|\bhybrid\b|\bdisinformation|\bforeign\s+information\s+manipulation|\bFIMI\b|\bstrategic\s+communications?/iu, 1],
    [/cyber\p{L}*|hybride\p{L}*|désinformation|manipulation\s+de\s+l['’]information/iu, 1],
    [/кібер\p{L}*|гібридн\p{L}*|дезінформац\p{L}*/iu, 1],
  ],
  'economic-energy': [
    [/\beconom\w*|\breconstruction|\brecovery|\binvestment\w*|\btrade\b|\benergy\b|\bpower\s+grid|\bcritical\s+infrastructure|\bhumanitarian/iu, 1],
    [/économi\p{L}*|reconstruction|relèvement|investissement\p{L}*|commerce|énergi\p{L}*|infrastructures?\s+critiques?|humanitaire/iu, 1],
    [/економі\p{L}*|відновленн\p{L}*|енергет\p{L}*|інвестиц\p{L}*/iu, 1],
  ],
  'financial-reform': [
    [/\breforms?\b|\brule\s+of\s+law|\banti-?corruption|\bcorruption|\bgood\s+governance|\bgovernance\b|\bjudicial|\btransparen\w*|\bpublic\s+administration|\bbudget(?:ary)?\s+support|\bmacro-?financial|\bfinancial\s+(?:support|assistance|stability)|\bdemocratic\s+institutions/iu, 1],
    [/réformes?|état\s+de\s+droit|corruption|gouvernance|judiciaire|transparence|soutien\s+budgétaire|macrofinanci\p{L}*|aide\s+financière|soutien\s+financier/iu, 1],
    [/реформ\p{L}*|корупц\p{L}*|верховенств\p{L}*\s+права|фінансов\p{L}*\s+підтримк\p{L}*/iu, 1],
  ],
  sanctions: [
    [/\bsanctions?\b|\brestrictive\s+measures|\bsanctions?\s+evasion|\bimmobili[sz]ed\s+(?:sovereign\s+)?assets|\bfrozen\s+assets|\bexport\s+controls?/iu, 1],
    [/sanctions?|mesures\s+restrictives|avoirs\s+(?:gelés|immobilisés)|contournement/iu, 1],
    [/санкц\p{L}*/iu, 1],
  ],
  accountability: [
    [/\baccountab\w*|\bwar\s+crimes?|\bcrimes?\s+of\s+aggression|\bInternational\s+Criminal\s+Court|\btribunal|\bcompensation|\breparations?|\bregister\s+of\s+damage|\bimpunity|\bprosecut\w*|\bjustice\b/iu, 1],
    [/responsabilité\s+(?:pour|des)|crimes?\s+de\s+guerre|crime\s+d['’]agression|Cour\s+pénale|tribunal|réparations?|indemnisation|impunité|poursuites?/iu, 1],
    [/відповідальн\p{L}*\s+за|воєнн\p{L}*\s+злочин\p{L}*|трибунал\p{L}*|компенсац\p{L}*/iu, 1],
  ],
  consultation: [
    [/\bconsult\w*/iu, 1],
    [/\bfuture\s+armed\s+attack|\barmed\s+attack|\bwithin\s+(?:\d+|twenty-four)\s+hours/iu, 0.5],
    [/consult\p{L}*|se\s+concerter|dans\s+les\s+\d+\s+heures|agression\s+armée|attaque\s+armée/iu, 1],
    [/консультац\p{L}*/iu, 1],
  ],
  'nato-eu-path': [
    [/\bNATO\b|\bEuro-?Atlantic|\bEuropean\s+Union\s+(?:membership|accession)|\bEU\s+(?:membership|accession)|\binteroperab\w*|\baccession\b|\bmembership\b/iu, 1],
    [/\bOTAN\b|euro-?atlantique|adhésion|interopérabilité|intégration\s+européenne/iu, 1],
    [/НАТО|євроатлант\p{L}*|членств\p{L}*|інтероперабел\p{L}*/iu, 1],
  ],
  'termination-duration': [
    [/\benter(?:s)?\s+into\s+(?:force|effect)|\bentry\s+into\s+(?:force|effect)|\bremain\s+in\s+(?:force|effect)|\bterminat\w*|\bnotice\b|\bnotification\s+of\s+(?:its\s+)?intention|\bamend(?:ed|ment|ments)?\b|\bvalid\s+for|\bremain\s+valid|\bperiod\s+of\s+(?:\w+\s+)?years|\bfor\s+(?:ten|\d+)\s+years|\bexpir\w*|\bextended\b/iu, 1],
    [/entre(?:ra)?\s+en\s+vigueur|entrée\s+en\s+vigueur|rester?\s+en\s+vigueur|dénonc\p{L}*|préavis|modifi\p{L}*\s+(?:par|d['’]un\s+commun)|durée\s+de|prend\s+fin|prorog\p{L}*|reconduit\p{L}*/iu, 1],
    [/набира\p{L}*\s+чинност\p{L}*|припин\p{L}*\s+ді\p{L}*/iu, 1],
  ],
};

/** Weighted score per topic (only topics above zero). */
export function scoreTopics(text: string): Partial<Record<Topic, number>> {
  const scores: Partial<Record<Topic, number>> = {};
  for (const [topic, rules] of Object.entries(RULES) as [Exclude<Topic, 'general'>, Rule[]][]) {
    let score = 0;
    for (const [pattern, weight] of rules) if (pattern.test(text)) score += weight;
    if (score > 0) scores[topic] = score;
  }
  return scores;
}

/**
 * Topics of a clause, in the order of `TOPICS`; `['general']` when nothing specific matches. The
 * language is a hint only: every language's patterns run, since agreements mix them. When the text
 * alone names no topic, the heading of the clause's article or section (if given) decides.
 */
export function classifyClause(text: string, _lang?: Language, context: { heading?: string } = {}): Topic[] {
  const topics = topicsOf(text);
  // A clause such as "The Participants will cooperate on:" says its subject only in its heading.
  if (topics.length === 0 && context.heading) return classifyClause(context.heading);
  return topics.length > 0 ? topics : ['general'];
}

function topicsOf(text: string): Topic[] {
  const scores = scoreTopics(text);
  return TOPICS.filter((topic) => (scores[topic] ?? 0) >= 1);
}

/** The G7 Joint Declaration's categories: a) 1–5 security and military, b) economic, c) reform. */
export const G7_CATEGORIES = ['a1', 'a2', 'a3', 'a4', 'a5', 'b', 'c'] as const;
export type G7Category = (typeof G7_CATEGORIES)[number];

export const TOPIC_TO_G7: Partial<Record<Topic, G7Category>> = {
  equipment: 'a1',
  'defence-industry': 'a2',
  training: 'a3',
  intelligence: 'a4',
  'cyber-hybrid': 'a5',
  'economic-energy': 'b',
  'financial-reform': 'c',
};
