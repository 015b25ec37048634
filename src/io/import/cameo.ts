// CAMEO event codes (the taxonomy GDELT and ICEWS code events in): short labels, paraphrased from the codebook.
// Root codes 01–20 and their 3-digit subdivisions; a 4-digit code is labelled by its 3-digit parent.

const CODES: Record<string, string> = {
  '01': 'Public statement',
  '010': 'Statement, unspecified',
  '011': 'Declines to comment',
  '012': 'Pessimistic remark',
  '013': 'Optimistic remark',
  '014': 'Considers policy option',
  '015': 'Acknowledges or claims responsibility',
  '016': 'Denies responsibility',
  '017': 'Symbolic act',
  '018': 'Expresses sympathy',
  '019': 'Expresses accord',
  '02': 'Appeal',
  '020': 'Appeal, unspecified',
  '021': 'Appeals for material cooperation',
  '022': 'Appeals for diplomatic cooperation',
  '023': 'Appeals for aid',
  '024': 'Appeals for political reform',
  '025': 'Appeals to yield',
  '026': 'Appeals to meet or negotiate',
  '027': 'Appeals to settle a dispute',
  '028': 'Appeals to accept mediation',
  '03': 'Intent to cooperate',
  '030': 'Intent to cooperate, unspecified',
  '031': 'Intends material cooperation',
  '032': 'Intends diplomatic cooperation',
  '033': 'Intends to give aid',
  '034': 'Intends political reform',
  '035': 'Intends to yield',
  '036': 'Intends to meet or negotiate',
  '037': 'Intends to settle a dispute',
  '038': 'Intends to accept mediation',
  '039': 'Intends to mediate',
  '04': 'Consult',
  '040': 'Consult, unspecified',
  '041': 'Talks by phone',
  '042': 'Visits',
  '043': 'Hosts a visit',
  '044': 'Meets on neutral ground',
  '045': 'Mediates',
  '046': 'Negotiates',
  '05': 'Diplomatic cooperation',
  '050': 'Diplomatic cooperation, unspecified',
  '051': 'Praises or endorses',
  '052': 'Defends verbally',
  '053': 'Rallies support',
  '054': 'Grants recognition',
  '055': 'Apologises',
  '056': 'Forgives',
  '057': 'Signs a formal agreement',
  '06': 'Material cooperation',
  '060': 'Material cooperation, unspecified',
  '061': 'Economic cooperation',
  '062': 'Military cooperation',
  '063': 'Judicial cooperation',
  '064': 'Shares intelligence',
  '07': 'Provide aid',
  '070': 'Aid, unspecified',
  '071': 'Economic aid',
  '072': 'Military aid',
  '073': 'Humanitarian aid',
  '074': 'Military protection or peacekeeping',
  '075': 'Grants asylum',
  '08': 'Yield',
  '080': 'Yields, unspecified',
  '081': 'Eases administrative sanctions',
  '082': 'Eases political dissent',
  '083': 'Accepts political reform',
  '084': 'Returns or releases',
  '085': 'Eases economic sanctions or embargo',
  '086': 'Allows international involvement',
  '087': 'De-escalates military engagement',
  '09': 'Investigate',
  '090': 'Investigates, unspecified',
  '091': 'Investigates crime or corruption',
  '092': 'Investigates human rights abuses',
  '093': 'Investigates military action',
  '094': 'Investigates war crimes',
  '10': 'Demand',
  '100': 'Demands, unspecified',
  '101': 'Demands material cooperation',
  '102': 'Demands diplomatic cooperation',
  '103': 'Demands aid',
  '104': 'Demands political reform',
  '105': 'Demands that the target yield',
  '106': 'Demands a meeting or negotiation',
  '107': 'Demands a settlement',
  '108': 'Demands mediation',
  '11': 'Disapprove',
  '110': 'Disapproves, unspecified',
  '111': 'Criticises or denounces',
  '112': 'Accuses',
  '113': 'Rallies opposition',
  '114': 'Complains officially',
  '115': 'Brings a lawsuit',
  '116': 'Finds guilty or liable',
  '12': 'Reject',
  '120': 'Rejects, unspecified',
  '121': 'Rejects material cooperation',
  '122': 'Rejects a request for aid',
  '123': 'Rejects political reform',
  '124': 'Refuses to yield',
  '125': 'Rejects a proposal to meet',
  '126': 'Rejects mediation',
  '127': 'Rejects a plan or agreement',
  '128': 'Defies norms or law',
  '129': 'Vetoes',
  '13': 'Threaten',
  '130': 'Threatens, unspecified',
  '131': 'Threatens non-force measures',
  '132': 'Threatens administrative sanctions',
  '133': 'Threatens political dissent',
  '134': 'Threatens to halt negotiations',
  '135': 'Threatens to halt mediation',
  '136': 'Threatens to halt international involvement',
  '137': 'Threatens repression',
  '138': 'Threatens military force',
  '139': 'Gives an ultimatum',
  '14': 'Protest',
  '140': 'Political dissent, unspecified',
  '141': 'Demonstrates or rallies',
  '142': 'Hunger strike',
  '143': 'Strike or boycott',
  '144': 'Obstructs passage or blocks',
  '145': 'Violent protest or riot',
  '15': 'Exhibit force posture',
  '150': 'Military or police posture, unspecified',
  '151': 'Raises police alert',
  '152': 'Raises military alert',
  '153': 'Mobilises police',
  '154': 'Mobilises armed forces',
  '155': 'Mobilises cyber forces',
  '16': 'Reduce relations',
  '160': 'Reduces relations, unspecified',
  '161': 'Reduces or breaks diplomatic relations',
  '162': 'Reduces or stops aid',
  '163': 'Imposes an embargo or sanctions',
  '164': 'Halts negotiations',
  '165': 'Halts mediation',
  '166': 'Expels or withdraws',
  '17': 'Coerce',
  '170': 'Coerces, unspecified',
  '171': 'Seizes or damages property',
  '172': 'Imposes administrative sanctions',
  '173': 'Arrests or detains',
  '174': 'Expels or deports individuals',
  '175': 'Represses with violence',
  '176': 'Cyber attack',
  '18': 'Assault',
  '180': 'Unconventional violence, unspecified',
  '181': 'Abducts or takes hostages',
  '182': 'Physical assault',
  '183': 'Bombing',
  '184': 'Uses human shields',
  '185': 'Attempts to assassinate',
  '186': 'Assassinates',
  '19': 'Fight',
  '190': 'Conventional military force, unspecified',
  '191': 'Blockade or restricts movement',
  '192': 'Occupies territory',
  '193': 'Fights with small arms',
  '194': 'Fights with artillery and tanks',
  '195': 'Aerial weapons',
  '196': 'Violates a ceasefire',
  '20': 'Mass violence',
  '200': 'Unconventional mass violence, unspecified',
  '201': 'Mass expulsion',
  '202': 'Mass killing',
  '203': 'Ethnic cleansing',
  '204': 'Weapons of mass destruction',
};

/** A CAMEO code as files write it, with the leading zero some tables drop ("42" → "042"). */
function normalise(code: string): string {
  const c = code.trim();
  if (/^\d{2}$/.test(c) && CODES[c] === undefined) return `0${c}`;
  if (/^\d{3}$/.test(c) && CODES[c] === undefined && CODES[`0${c}`] !== undefined) return `0${c}`;
  return c;
}

/** The readable label of a CAMEO code, or null when the code is not one. */
export function cameoLabel(code: string): string | null {
  const c = normalise(code);
  const exact = CODES[c];
  if (exact !== undefined) return exact;
  if (/^\d{4}$/.test(c)) {
    const parent = CODES[c.slice(0, 3)];
    if (parent !== undefined) return `${parent} (${c})`;
  }
  return null;
}

/** The root (two-digit) code's label, used as the type's family. */
export function cameoRoot(code: string): { code: string; label: string } | null {
  const c = normalise(code).slice(0, 2);
  const label = CODES[c];
  return label === undefined ? null : { code: c, label };
}

/** CAMEO roots 01–08 are cooperation and 09–20 conflict, as GDELT's QuadClass groups them. */
export function cameoSign(code: string): 'cooperative' | 'hostile' | null {
  const root = cameoRoot(code);
  if (!root) return null;
  return Number(root.code) <= 8 ? 'cooperative' : 'hostile';
}

/** The code as stored: text with its leading zeros ("042"), a 2-digit ICEWS code padded. */
export function cameoCode(code: string): string {
  return normalise(code);
}
