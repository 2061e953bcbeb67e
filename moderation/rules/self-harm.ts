/**
 * Suicide and self-harm. The one category where recall must be total: every
 * rule here is high or urgent, and the benign exceptions are narrow (an accident
 * while cooking, "killing myself laughing", a lesson about the topic).
 */
import type { RuleSpec } from './engine.js';

const URGENT = ['{TIME}', '{MEANS}'];
/** A film, book or lesson about someone else ("a film about a girl who is self harming"). */
const THIRD_PERSON_STORY =
  '({SESSION}|story|novel|play|character) (on|about) (a|an|the|this|some|one) ~1 (girl|boy|character|person|woman|man|kid|teen|teenager|family|lad|guy|student|young person) (who|that) (is|was|has|had|s|keeps|kept|started|tried|attempted|dies|died)? ~1 (self harm*|suicid*|cutting|kil* herself|kil* himself|kil* themselves)';


/** Something ordinary near a danger spot: an object, an animal, a view, a party. */
const SPOT_BENIGN = [
  '(cat|cats|kitten|dog|ball|football|balls|drone|frisbee|bird|birds|pigeon|pigeons|seagull|seagulls|kite|shoe|shoes|snow|solar panels|aerial|satellite dish|workmen|builders|roofers|scaffolding|plant|plants|cup|mug|candle|flowers|sign|graffiti) ~5 {DANGER_SPOT}',
  '{DANGER_SPOT} ~5 (for|having|with|watching|taking|to watch|to take|on our|on a|during) (the|a|some|my|our)? ~1 (party|picnic|photo|photos|pics|pic|selfie|selfies|view|views|sunset|sunrise|fireworks|bbq|barbecue|drinks|tour|lunch|hike|walk|dofe|trip|school trip|filming|video|tiktok|fishing|train spotting)',
  '(roof|rooftop) (terrace|garden|bar|pool|party|restaurant|cinema|deck)',
  '(stand|standing|stood|stay|keep|wait|waiting) (behind|back from|away from) (the)? ~1 (yellow line|edge|line)',
];
/** The concrete context that turns a finality phrase into a goodbye before an attempt. */
const FINAL_CONTEXT =
  '{DANGER_SPOT}|bridge|ledge|tracks|platform|motorway|cliff|jump|jumping|rope|noose|ligature|overdos*|suicid*|unaliv*|kil myself|end it|end it all|end my life|' +
  'all my pills|all my tablets|all my meds|the whole box|the whole packet|the lot|not wake up|never wake up|wont wake up|be gone|be dead|not be here|not exist|' +
  '(pills|tablets|meds|{OD_MEANS}) ~2 (ready|sorted|lined up|counted out|in front of me|next to me)';

export const SELF_HARM_RULES: readonly RuleSpec[] = [
  {
    id: 'sh-kill-self',
    category: 'self-harm',
    severity: 'high',
    // Verbs that mean ending one's own life: first person is built into "myself".
    match: [
      '(kill*|unaliv*|hang*|top*|end*|suffocat*|strangl*|drown*|poison*|overdos*|gas|shoot*|stab*|electrocut*) (myself|my own life|my life)',
      '(kill*|unaliv*|end*|take|taking|took) (my own|my) life',
      '(kill*|unaliv*|hang*|top*|end*|suffocat*|strangl*|drown*|poison*|overdos*|shoot*|stab*|hurt*|harm*|cut*|burn*) (herself|himself|themselves|themself|her own life|his own life|her life|his life)',
    ],
    unless: [
      '(kill*|kil) (myself|me) (laugh*|lol|lmao)',
      'shoot* myself in the foot',
      'kill* myself (at|in|with) (the gym|gym|training|revision|work|this workout|the workout)',
      '(character|characters|book|film|movie|show|story|song|episode|series|novel|play|soap|documentary|game) ~6 (kill*|end*|hang*|drown*|shoot*|stab*|poison*|top*) (himself|herself|themselves|themself|his life|her life)',
      // literature and study: a third-person death in a text being studied
      '(kill*|end*|hang*|drown*|shoot*|stab*|poison*|top*) (himself|herself|themselves|themself|his life|her life|their lives) ~10 (essay|book|play|novel|poem|scene|act|chapter|exam|gcse|gcses|revision|revising|english lit|literature|coursework|homework|quote|quotes|analysis|shakespeare|an inspector calls|teacher said we)',
      '(romeo|juliet|hamlet|ophelia|macbeth|lady macbeth|othello|desdemona|cleopatra|antony|brutus|cassius|eva smith|javert|gatsby|judas|anna karenina|madame bovary|the speaker|the narrator|the poet) ~6 (kill*|end*|hang*|drown*|shoot*|stab*|poison*|top*) (himself|herself|themselves|themself|his life|her life|their lives)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-off-self',
    category: 'self-harm',
    severity: 'high',
    exact: true,
    match: ['(off|offing|offed|offin) (myself|my self|meself|herself|himself)'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-unalive',
    category: 'self-harm',
    severity: 'high',
    match: [
      '{I} ~3 unaliv*',
      'unaliv* (me|myself|my self)',
      '(thinking|think|thought|thoughts|urge|urges|want|wanted|plan|planning|tempted|going to|ready to|try|tried|attempt*) ~3 unaliv*',
      'unaliv* (thoughts|urges|urge|plans|plan|feelings|ideation|attempt|attempts|note)',
    ],
    unless: ['(character|characters|book|film|movie|show|story|episode|series|game|villain|he|she|they) ~4 (got|gets|was|were|been) unaliv*'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-want-die',
    category: 'self-harm',
    severity: 'high',
    match: [
      '{I} ~3 ({INTENT}|wish|hope|pray) ~2 (die|be dead|not be here|not exist|stop existing|disappear forever|sleep forever|not wake up|never wake up|stop breathing|stop living|not be alive)',
      '{I} ~2 (want|wana|wish|hope|pray|would rather|rather) (to be|i was|i were|i could be|id be|to just be|to) (dead|gone forever|die)',
      'let me die',
    ],
    unless: [
      'die (for|of|from|laughing|with laughter|in fortnite|in the game|in minecraft|my hair|her hair|his hair)',
      'dying to (see|go|know|try|meet|get|watch|hear|tell|eat)',
      'die (of|from) (boredom|embarrassment|laughter|laughing|hunger|cringe|shame|heat|cold|old age)',
      'die (if|without) (i)? (dont|cant)? (get|have|eat|see) ~2',
      '(die|dye) (my|her|his|your) hair',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-wish-dead',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(wish|hope|wished) (i|id) (was|were|could be|would be|had)? ~1 (dead|never born|not born|wasnt born|never been born|didnt exist|could die|would die|could disappear|could just disappear|disappeared|gone)',
      '(sleep|bed) and (not|never) wake up',
      '(dont|never) (want|wana) to wake up',
    ],
    urgentIf: URGENT,
  },
  // ---- Imminent risk (urgent): a dangerous place now, means in quantity, method-seeking, finality ----
  {
    id: 'sh-imminent-place',
    category: 'self-harm',
    severity: 'urgent',
    // At a height, an edge, a railway or a motorway now, or with a finality cue: "on the roof of my
    // block rn", "stood at the edge of the platform ... didnt do it this time".
    match: ['{DANGER_SPOT}'],
    needs: ['{NOW_CUE}', '{FINAL_CUE}'],
    unless: SPOT_BENIGN,
  },
  {
    id: 'sh-imminent-final',
    category: 'self-harm',
    severity: 'high',
    // A finality cue ("not even scared anymore", "this is goodbye", "didnt do it this time") with a
    // place, means or method in the same message.
    match: ['{FINAL_CUE}'],
    needs: [FINAL_CONTEXT],
    unless: [
      '(goodbye|say goodbye|said goodbye|saying goodbye) (to)? (my|the|our|his|her) ~2 (nan|grandad|dog|cat|mates|friends|class|teacher|school|old|last|year|holiday|summer)',
      '(not|no longer) (even)? (scared|afraid|frightened) (of)? (the)? ~1 (dark|spiders|dogs|heights|water|swimming|the dentist|needles|exams|him|her|them)',
    ],
    urgentIf: [...URGENT, '{DANGER_SPOT}'],
  },
  {
    id: 'sh-not-scared-to-die',
    category: 'self-harm',
    severity: 'high',
    match: ['(not|no longer|isnt|aint|never) (even)? (scared|afraid|frightened) (of|to) (die|dying|death|be dead|being dead|not waking up)'],
    unless: ['({SESSION}|character|book|film|soldier|soldiers|hero|knight|warrior) ~6'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-method-seeking',
    category: 'self-harm',
    severity: 'high',
    // Asking how to die, how long it takes, whether it would hurt, whether one would survive.
    match: [
      '(painless|painlessly|least painful|less painful|peaceful|most peaceful|gentlest|quick and painless|quiet) ~1 (way|ways|method|methods) (to|of) (go|die|dying|end it|end things|do it|end my life|kil myself|kil yourself|kil urself|commit suicide|check out|unaliv*|not wake up|od|overdose)',
      '(quickest|easiest|fastest|surest|simplest|best|most effective|quick|easy|guaranteed|sure|certain) ~1 (way|ways|method|methods) (to|of) (die|dying|end it|end things|end my life|kil myself|kil yourself|kil urself|commit suicide|check out|unaliv*|not wake up|od|overdose|top myself|off myself|hang myself)',
      'how long (does|would|will|did|do|can|till|until|before) (it)? ~1 (take|takes|it take|it takes)? (to|for|before|till|until) (you|u|someone|a person|me|i|a human|people)? (to)? (die|bleed out|drown|suffocate|stop breathing|pass out and die|od|overdose|not wake up)',
      '(would|does|will|did|do|is) (it|you|u|that) (hurt|feel anything|feel pain|feel it|painful|quick) ~3 (if|to|when|after)? (you|u|i|someone)? ~1 (jump*|hang*|drown*|od|oded|overdos*|die|dying|bleed out|slit*|step* in front|got hit by a train|get hit by a train|hit by a train|fall from|fell from|fall off|suffocat*|took all|take all)',
      '(does|would|is) (drowning|hanging|jumping|overdosing|dying|bleeding out|suffocating|an overdose|od ing) (hurt|painful|quick|slow|peaceful)',
      '(would|could|will|do|does) (i|you|u|someone|a person|people) (survive|die) ~2 (a fall|the fall|falling|jumping|if (i|you|u) (jumped|jump|fell)|from (a|the) ~2 (floor|storey|bridge|roof|building|height))',
      'how high ~6 (to die|to kil (you|u|me|someone|yourself|myself)|to not survive|to be fatal|so (i|you|u) (die|dont survive)|to make sure)',
      '(asking|ask|askin) for (me|myself|my self) ~1 not (a|for a|for|my)? ~1 (project|school project|friend|essay|homework|story|assignment|book)',
      '(which|what) ~2 ({OD_MEANS}|pills|tablets|meds) ~4 (would kil|kill|kil you|kil me|lethal|fatal|to die|not wake up|most dangerous|most deadly|stop your heart)',
    ],
    unless: [
      '(die|dye|dying|dyeing) (my|your|ur|her|his|the|their) (hair|fringe|roots|clothes|top|shoes)',
      '(hang|hanging|hung|hangs) (out|around|about|with|up|on)',
      '(way|ways) to (go|do it) (about|through|to|into|back|home|for|with|over|round|from|up|down|in|on|there|by|now|mate|babe|lad|girl)',
      '(best|quickest|easiest|fastest) (way|ways) to (die|dying) (in|on) (the)? ~1 (game|fortnite|minecraft|roblox|level|mario|terraria|dark souls|elden ring)',
      '(plant|plants|fish|goldfish|hamster|battery|phone|laptop|cactus|flowers|bacteria|cells|germs|virus) ~6',
      '({SESSION}|character|book|film|story) ~6 (how long|painless|quickest|would it hurt)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-means-totality',
    category: 'self-harm',
    severity: 'high',
    // A medicine named with totality or an effect asked about: "all my sertraline at once",
    // "the whole box of co-codamol", "if i took my prescription would it work".
    match: [
      '(took|taken|take|taking|swallow*|neck*|had|down|downed|downing|od on|overdose on|overdosed on) ~2 (all|all of|the whole|a whole|whole|every|every one of|every last|a months|a full|the full|the entire|an entire|the rest of) (my|the|me|of my|of the|her|his)? ~1 (box|boxes|pack|packs|packet|packets|bottle|bottles|strip|strips|tub|supply|months supply|weeks supply|load)? (of)? ~1 ({OD_MEANS})',
      '({OD_MEANS}) ~3 (all)? (at once|in one go|all at once|all together|in one night) ~4 (would|will|wil|could|kil|die|work|enough|happen|end|mess me up|wake up)?',
      '({OD_MEANS}) ~6 (would it work|would that work|will it work|would it kil|would that kil|would i die|would it be enough|is it enough|be enough|enough to (die|kil|not wake up|end it|do it))',
    ],
    unless: [
      '(take|took|taking|had) ~2 ({OD_MEANS}) ~3 (with|after|before) (breakfast|food|my food|dinner|tea|lunch|water|a meal)',
      '({OD_MEANS}) ~4 (like|as) (the|my) (doctor|gp|nurse|pharmacist|psychiatrist) (said|told|says|tells)',
      '({OD_MEANS}) ~4 (as prescribed|on time|every morning|every night|every day)',
      '(can|should|could|do) (i|you|u|we) ~2 (take|have) ~4 ({OD_MEANS}) (and|with|or) ~1 ({OD_MEANS})',
      '({NUMBER}|two|one|a couple of|couple of) ({OD_MEANS}) (at once|in one go)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-suicide-word',
    category: 'self-harm',
    severity: 'high',
    match: ['(suicid*|sucid*|suicd*|suisid*|suacid*|sucide|sucidal|suicidle|suacidal|suiside)', 'commit suicide'],
    unless: [
      'suicide (squad|prevention|awareness|helpline|hotline|line|charity)',
      '({SESSION}) (on|about|around|for) ~2 suicid*',
      'suicide (rates|statistics|stats|bomber|bombers|bombing|mission)',
      '(talked|talking|learnt|learned|learning|read|reading|watched|watching|wrote|writing) about suicid* (in|at|for|on) ~2',
      THIRD_PERSON_STORY,
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-self-harm-word',
    category: 'self-harm',
    severity: 'high',
    match: ['self (harm*|injur*|hurt*)', 'selfharm*'],
    unless: [
      'self harm (awareness|prevention|leaflet|session|training|workshop|week|charity|support group|info)',
      '({SESSION}) (on|about|around|for) ~2 self harm*',
      '(talked|talking|learnt|learned|learning) about self harm* (in|at|for|on) ~2',
      THIRD_PERSON_STORY,
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-hurt-self',
    category: 'self-harm',
    severity: 'high',
    // Weaker verbs: accidents are common ("burnt myself on the oven").
    match: [
      '(hurt*|harm*|cut*|burn*|burnt|scratch*|bite|bit|slash*|carve*|scar*|bruise*|bleed) (myself|my self|me self)',
      '(make|made|making) (myself|me) bleed',
      '(till|until) i bleed',
    ],
    unless: [
      '(hurt*|cut*|burn*|burnt|scratch*|bash*|hit|bit|bite) myself (at|in|during|playing|shaving|cooking|chopping|making|doing|accidentally|by accident|falling|tripping) ~4',
      '(hurt*|cut*|burn*|burnt|scratch*|bash*|hit|bit|bite) myself on (a|an|the|some|my|his|her|broken|glass|hot|paper|it) ~3',
      '(hurt*|cut*|burn*|burnt|scratch*|bash*|hit|bit|bite) myself (when|while) (i fell|falling|playing|training|cooking|shaving|skating|running|climbing|i tripped)',
      '(hurt*|cut*|burn*|burnt|scratch*|bash*|hit|bit|bite) myself with the (oven|kettle|iron|pan|straighteners|hob|tongs|toaster|curling tongs|knife when) ~2',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-hit-self',
    category: 'self-harm',
    severity: 'high',
    // Hitting oneself is rarely an accident when said this way; only narrow exceptions.
    match: ['(hit|hitting|hits|punch*|bash*|slap*|smack*|headbut*) (myself|my self|me self)', '(bang*|bash*|hit*) my head (against|on|off) (the|a) (wall|walls|floor|door) ~3 (till|until|when|cos|because|again)'],
    unless: ['(hit|bash*|smack*) myself ~3 (by accident|accidentally|on the (door|cupboard|table|shelf|car|bed|bunk|window|ceiling|corner))'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-hurt-self-on-purpose',
    category: 'self-harm',
    severity: 'high',
    match: ['(hurt*|harm*|cut*|burn*|burnt|scratch*|hit|punch*|bit|bite) ~3 (on purpose|deliberately|so i feel|to feel something|to punish myself|to cope)'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-cutting',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(been|keep|kept|started|start|still|back to|relapsed|relapse|stop|stopped|was|is|shes|hes|theyre|are) cutting',
      'cutting (again|myself|my arms|my legs|my wrists|my thighs|my skin|my stomach|my hips)',
      '(cut*|slice*|sliced|slit|slash*|carv*|gash*) ~1 (my|me) (wrist*|arm|arms|leg|legs|thigh*|skin|stomach|hips|hip) (open)?',
      '(scars|cuts|marks) (on|from) ~2 (wrist*|arms|thigh*|legs) ~4 (myself|did|i did|hiding|hide|showing|noticed|see)',
    ],
    unless: [
      'cutting (the|some|my hair|hair|grass|the grass|onions|paper|out|down|back|class|school|lessons|it|carbs|wood|cake|veg|vegetables|corners|ties|in|up|edge)',
      'cut* (my|me) (leg|arm|legs|arms) (on|at|playing|during|in|open on) ~3',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-overdose',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(took|take|taking|taken|swallow*|neck*|down|downed|downing|od|oded|overdos*) ~3 (too many|a load of|loads of|all|the whole|a whole|a handful of|handful of|all of|lots of|a bunch of|a box of|a bottle of|a packet of|a pack of|every one of) ~2 (pill*|tablet*|paracetamol|meds|medication|painkiller*|sleeping pills|them|my meds)',
      '(pill*|tablet*|paracetamol|meds|medication|painkiller*) ~4 (on purpose|to die|to end it|so i (die|dont wake up|wont wake up))',
      '{I} ~3 (overdosed|overdose|oded|od)',
      '(took|taken|take|taking|swallowed|swallow|necked|had|downed) ({NUMBER}|loads of|a load of|a lot of|too many|lots of|a whole|a full|the whole|all my|all of my|all the) ~1 ({OD_MEANS}|of my meds|of my tablets)',
      'how (many|much) ~4 (to die|to kill (you|yourself|me|someone)|to overdose|to od|is lethal|is fatal|would kill (you|me)|to not wake up)',
      '(ways|way|how|best way|easiest way|quickest way|painless way) to (die|kill myself|end it|end my life|commit suicide)',
      // asking how much of a drug it takes: the means of an overdose
      'how (many|much) ~2 ({OD_MEANS}) ~4 (tak*|to|would|does|before|until|kil*|lethal|fatal|deadly|enough|od|overdose|wil|could|for it|is too|it)',
      '(googl*|search*|looked up|looking up|look up|research*|checking|checked|reading up|read up|asked siri|asked alexa|asked chatgpt|asked ai) ~4 ({OD_MEANS}|lethal dose|overdose|how many|how much|od) ~4 ({OD_MEANS}|tak*|kil*|lethal|fatal|deadly|overdose|od|die|enough|wake up)',
      '(lethal|fatal|deadly|toxic) (dose|amount) (of)? ~2',
      '(amount|number|dose|how much|how many) (of)? ~1 ({OD_MEANS}) ~3 (it would take|it takes|would it take|would take|it will take|to die|to kill|to not wake up|to od|to overdose|is lethal|is fatal|would kill)',
    ],
    unless: [
      '({SESSION}) (on|about) ~2 overdos*',
      'how (many|much) ~3 (can|should|do|am) (i|you|u|we) ~2 (take|have) ~4 (a day|per day|in a day|in 24 hours|at once for|for a|for my|for the|for headache|for period|with food|every|hours)',
      'how (many|much) ~6 (headache|period|cramps|toothache|fever|temperature|cold|flu|hayfever|migraine|sore throat)',
      '(take|took|taking|had) ~2 ({OD_MEANS}) ~3 (with|after|before) (breakfast|food|my food|dinner|tea|lunch|water|a meal)',
      '({OD_MEANS}) ~4 (like|as) (the|my) (doctor|gp|nurse|pharmacist|psychiatrist) (said|told|says|tells)',
      '({OD_MEANS}) ~4 (as prescribed|on time|every morning|every night|every day)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-stockpile',
    category: 'self-harm',
    severity: 'urgent',
    match: [
      '(saving|saved|save|stockpil*|hoard*|collecting|collected|hiding|hid) (up)? ~2 (pill*|tablet*|meds|medication|paracetamol|painkiller*)',
      '(take|taking|took|swallow*|neck*) (them|it|the lot) (all|all at once)',
      '(take|taking|swallow*) the (lot|whole lot|whole packet|whole box|whole bottle)',
    ],
  },
  {
    id: 'sh-means-quantity',
    category: 'self-harm',
    severity: 'high',
    // Packs of tablets got together and kept: with a medicine named in the message.
    match: [
      '(got|have|ive got|bought|buying|buy|stocked|stocking|kept|keeping|keep|hid|hiding|hidden|stashed|stash|nicked|stole|saved) ~2 ({NUMBER}|few|loads of|lots of|a load of|a few|several|two|three|four|five|six|seven|eight|ten|enough|all these|extra) (packs|packets|boxes|bottles|strips|blister packs|tubs|pots)',
      '({NUMBER}|few|loads of|lots of|a load of|a few|several|two|three|four|five|six|ten|enough) (packs|packets|boxes|bottles|strips) ~3 (in my|under my|hidden|stashed|saved|ready|just in case|incase|in case)',
      '(enough|plenty of) ({OD_MEANS}) (to)? ~2 (do it|end it|kil*|not wake up|never wake up|die|overdose|od)',
    ],
    needs: ['{OD_MEANS}|overdos*|od|end it|not wake up'],
    unless: [
      '(packs|packets|boxes|bottles) ~4 (for|from) (my|the|a|her|his|our)? ~1 (headache|headaches|period|periods|cramps|toothache|cold|flu|first aid|first aid kit|mum|nan|dad|grandad|gran|hayfever|migraine|migraines)',
      '(packs|packets|boxes|bottles|strips) (of)? ~1 (cards|pokemon|stickers|crisps|sweets|gum|noodles|biscuits|juice|water|pop|coke|vapes|batteries|plasters|football cards|yugioh|tissues)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-method',
    category: 'self-harm',
    severity: 'high',
    match: [
      '{I} ~3 ({INTENT}|keep) ~3 (jump*|throw* myself|step*|walk*|drive|lie|lay|run) ~2 (off|in front of|into|onto|on) ~3 (bridge|building|roof|cliff|train|bus|car|lorry|traffic|motorway|sea|river|canal|tracks|track|railway|multi storey|car park|balcony|window)',
      '{I} ~3 ({INTENT}) ~2 (hang|hang myself|drown|overdose|od|poison|suffocate|electrocute|slit|cut my wrists)',
      '(slit|slice|cut|cutting) (my)? (wrist|wrists|throat)',
    ],
    unless: [
      'hang (my|the|a|some|up|out|around|about|with|on|in|pictures|posters|washing|clothes|decorations|lights|coat|them|it|these|those)',
      'drown (my|the|our) (sorrows|food|chips|pancakes) ~2',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-means',
    category: 'self-harm',
    severity: 'high',
    match: ['(rope|noose|ligature)'],
    needs: ['{I}', 'my', 'myself', 'tonight'],
    unless: [
      '(skipping|skip|jump|jumping|tow|climbing|washing|tug of war|rope swing|ropes course|high ropes|the ropes|learn the ropes|rope in|roped in) ~1 rope*',
      'rope (swing|course|bridge|climb*|ladder|lights)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-goodbye',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(goodbye|suicide|farewell) (letter*|note*|message*|text*|video*)',
      '(wrote|written|writing|write|left) ~3 (letters|notes|a note|a letter) ~3 (everyone|my family|my mum|my sister|my brother|goodbye|for when im gone)',
      '(giving|gave|give) away (all)? ~1 (my stuff|my things|my stuff|everything i own|my stuff)',
      'this is my last message',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-no-point',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(done|finished|over|through) with (life|living|everything|it all|being alive|this life|existing|the world)',
      '(no|dont see the|dont see any|whats the|what is the|there is no|theres no|see no|cant see the|cant see any) point ~2 (in|of|to)? ~1 (living|life|being alive|being here|anything|anymore|any more|going on|carrying on|it all|trying|existing|me being here|staying alive)',
      '(not|isnt|aint|never|no longer) worth (living|being alive|it anymore)',
      '(life|living|my life) (is|isnt|s|aint|not)? ~1 (pointless|worthless|meaningless|not worth it)',
      '(cant|cannot|can not) (do|take|cope with|handle|go on|carry on|keep going|live like|live with) ~2 (anymore|any more|no more|much longer)',
      '(dont|do not|dont even|never) (want|wana) ~1 (to)? (be alive|live|exist|be here anymore|be around anymore|be here any more|be here no more|be around no more|carry on|go on living|keep living|keep going)',
      '(whats|what is) the point (anymore|any more|no more|now|of it all|of anything)',
      '(want|need|wish) ~2 (it|everything|it all|the pain|life|this|my life) (to)? (stop|end|be over|go away forever)',
      '(want|wana|going|ready|planning|plan|thinking|think|about|decided|tried|try|trying|attempted) ~2 (end|ending) (it|it all|everything|things)',
      '(end|ending|ended) it all',
      '{I} ~2 (give|gave|giving) up on (life|living|everything|myself)',
    ],
    unless: [
      '(want|wish|need) ~2 (this|the|it) ~1 (lesson|meeting|day|week|term|exam|exams|holiday|game|song|film|queue|wait|rain|noise|session|school|homework) ~2 (to)? (stop|end|be over)',
      '(cant|cannot) (do|take|handle) (this|the|my|that) ~1 (homework|maths|noise|heat|weather|wifi|traffic|queue|lesson|teacher|song|game|level) ~1 (anymore|any more|no more)',
      '(end|ending|ended) (it|things) (with|between) ~3',
      'live (in|at|with|near|there|here|by|on|somewhere|anywhere|far|so) ~3',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-burden',
    category: 'self-harm',
    severity: 'high',
    match: [
      'better off (without me|dead|if i (was|were|wasnt|werent|was not|never) ~2)',
      '(happier|easier|better) ~3 if i (just|only)? ~1 (vanished|went away|was gone|wasnt|werent|was not|were not|was gone|was dead|died|disappeared|didnt exist|wasnt here|wasnt around|never existed|wasnt alive)',
      '(no one|nobody|none of them|noone) (would|will|wud|wld|wouldnt)? ~2 (care|notice|miss me|even notice|even care|cry|be sad|give a|mind) ~4 (if|when) i (died|was gone|was dead|killed myself|disappeared|wasnt here|wasnt around|die|went|left forever|didnt wake up)',
      '(im|i am|being|feel like|feel like im|just) (a|such a|nothing but a)? ~1 (burden|waste of space|waste of oxygen|waste of air)',
      'no one would miss me|nobody would miss me|nobody will miss me|no one will miss me',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-plan',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(plan*|planned|decided|know|worked out|figured out|picked) ~1 (how|when|where) (to|i will|im going to|il|i am going to|im gonna) ~2 (do it|end it|go through with it)',
      'going (to)? (do it|go through with it) (tonight|this weekend|tomorrow|soon|today)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-die-wish',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(want|wants|wanted|wanting|wana) to (die|be dead|not exist|not be here|not be alive|disappear forever)',
      '(to|just|properly|like|rather|could|wish i could|id|i would|i wana|i want to) (just|properly)? (not exist|stop existing|cease to exist|not be alive) (anymore|any more|no more|at all|forever|for good)?',
      '(want|wana|wish|wishing|rather|need|going) ~3 (disappear|vanish) ~8 (not exist|stop existing|cease to exist|properly gone|gone for good|forever|permanently|not be alive|not be here|never come back|not wake up)',
      '(picturing|imagining|thinking about|planning|plan) ~2 my (own)? funeral',
      '(sleep|rest) forever',
      '(cut|cuts|cutting) (too|so|really|very)? (deep|deeper|deeply)',
      '(wouldnt|wont|didnt|couldnt|would not|will not|did not|could not) stop bleeding',
      '(relapsed|relapse|relapsing) ~6 (days|weeks|months) clean',
      '(days|weeks|months) clean (gone|ruined|broken|over|wasted)',
      '(better|happier|easier) (off)? without me',
      'myself (and|n) (cutting|burning|scratching|hurting)',
      // self-harm community words for how deep a cut went, and for rows of cuts
      '(cut*|went|got|go|going|slash*|deep) ~2 (to|till|until|down to) (the)? (beans|styro|styrofoam|fat|the fat|bone|the bone)',
      '(beans|styro|styrofoam) (cut|cuts|level|deep)',
      '(arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|hips|stomach) ~3 (look like|looks like|like) (a)? (barcode|barcodes)',
      '(thinking about|thought about|thinking of|want to|wanted to|going to|gonna|planning to|tempted to|considering|nearly|almost) (jump|jumping|jumped)',
    ],
    unless: [
      '(lesson|class|school|day|week|exam|homework|meeting|queue|film|wait|revision|maths|english|science|traffic|bus) ~5 (want to|wana|could|gona) die (lol|lmao|haha)',
      '(want|wants|wanted|wana) to (die|dye) (my|her|his|your) hair',
      '(jump|jumping) (in|into|on|off) (the)? ~1 (pool|trampoline|bed|sofa|bouncy castle|lake|sea|river|waves|diving board|board) ~3',
      '(jump|jumping) (rope|the queue|for joy|up and down|around|about|on the bandwagon|to conclusions)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-jump-place',
    category: 'self-harm',
    severity: 'high',
    match: ['(jump|jumping|jumped|throw myself|step|stepping|stood|standing|stand) ~6 (bridge|roof|rooftop|cliff|train|tracks|edge|ledge|window|balcony|car park|motorway|multi storey|building)'],
    needs: ['(thinking|thought|want|wanted|going|gonna|planning|tempted|considering|nearly|almost|end it|die|kill|myself|again|last night|tonight|right now|now)'],
    unless: ['(jump|jumping|jumped) (on|onto|off) (the)? (train|bus) ~2 (to|at|home|late|just in time)'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-note',
    category: 'self-harm',
    severity: 'high',
    match: ['(written|wrote|writing|write|left|leave) (a|my|the) (note|letter|letters|notes)'],
    needs: ['(tonight|goodbye|doing it|do it|end it|gone|sorry|forgive|when im|after im|for my family|to my family|for everyone|to everyone|last)'],
    unless: ['(note|letter) (to|for) (school|my teacher|the teacher|the school|college|work|my boss|the council|my social worker|santa|the staff|staff)'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-goodbye-all',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(goodbye|bye|farewell|love you all|im sorry) (everyone|everybody|all|world|guys|forever|for good|for ever)',
      '(feel|felt|feeling) like (dying|death|im dying) ~3 (every|all the time|always|again|inside|day|night|constantly)',
    ],
    needs: ['(done|sorry|last|forever|cant|over|love you all|gone|dying|finished|enough|the end|for good)'],
    unless: ['(see|c) (you|u|yous|ya) (next|soon|tomorrow|later|on|at|in|monday|tuesday|wednesday|thursday|friday|saturday|sunday)', 'after (that|the|this|a) (run|match|game|workout|lesson|walk|hike|pe|training|session)'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-more-ways',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(want|need|just want) (out|to get out) (for good|of life|of everything|of this world|permanently|forever)',
      '(thoughts|thinking|think|thought) (about|of) (not being (alive|here|around)|dying|being dead|killing myself|ending it|ending my life)',
      '(wrote|written|writing|write|made|making|done) (my|a) (will|last will)',
      '(nobody|no one|noone|who) (would|will|wud)? ~2 (come to|go to|turn up to|turn up at|care at|cry at|be at) my funeral',
      '(drink*|drank|swallow*|took|taken|ate|eaten|eating) ~2 (bleach|poison|antifreeze|weedkiller|cleaning stuff|fairy liquid|washing powder|detergent|batteries|fabric softener|rat poison)',
      '(held|hold|holding|put|pressed|press|pressing) (a|the|my)? ~1 (knife|blade|razor|scissors|glass|lighter) (to|against|on) my (wrist|wrists|throat|neck|arm|arms|skin|leg|legs|chest)',
      '(dont|do not|couldnt|could not|didnt) care (if|whether) i (live|die|wake up|make it|survive|am alive)',
      '(dont think|not sure|doubt|dont know if) (i|il|ill|i will) (make it|be here|be alive|survive|last|be around) (to|till|until|past|much longer|another|the|next|by|this)',
      '(given|giving|gave|give) (away)? (all)? (my|of my) (stuff|things|clothes|games|belongings|possessions|jewellery|phone|console) (away)?',
      '(given|giving|gave|give) away ~3 (all my|all of my|everything|my stuff|my things|all)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-wake-up',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(wish|wishing|hope|hoping|pray|praying|wished|hoped|want) ~2 (i|id|that i) ~1 (wont|wouldnt|dont|didnt|never|do not|would not|will not) ~1 (wake up|wake|see the morning|see tomorrow)',
      '(wish|wishing|hope|hoping|pray|praying) ~2 (i|id|that i) ~1 (die|died|would die|could die|pass away) (in my sleep|tonight|soon)?',
      '(die|go) in my sleep',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-no-reason',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(no|dont have a|dont have any|havent got a|havent got any|cant find a|cant find any|no more) (reason|reasons|point) (for me)? (to|for) (live|living|be alive|be here|stay|carry on|keep going|exist)',
      '(nothing|noone|no one|nobody) (left)? (to|worth) (live|living) for',
      '(tired|sick|fed up|done) of (being alive|living|life|existing|being here|breathing|waking up)',
      '(wont|will not|not going to|might not) be (here|around|alive) (tomorrow|much longer|for long|next week|anymore|by morning|by the weekend)',
      '(whats|what is|wheres|where is) the point (of|in) (me|my life|living|being alive|being here|anything|carrying on|trying|it all|even being here|me even being here)',
      '(dont|do not|never) (want|wana) (to)? (be alive|live|exist) ~1 (no more|anymore|any more|now)?',
      '(dont|do not) (feel|think im|think i am) safe (with|around|from) (myself|me)',
      '(not|never) safe (with|around|from) myself',
      '(do|doing|going to do) something (stupid|silly|bad|dangerous|drastic) (tonight|to myself|later|soon|today|this time)',
    ],
    unless: ['(tired|sick|fed up) of (living|life) (in|at|with|here|like this in) (this|the|a|my) ~2 (placement|home|flat|house|town|room|area)'],
    urgentIf: URGENT,
  },
  {
    id: 'sh-marks',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(cuts|scars|burns|marks|scabs|wounds|slashes|scratches|gashes|scrapes) (on|all over|up|down|across|covering|on both) (my)? ~1 (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|chest|ankles|face)',
      '(arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|chest|ankles|face) (are|r|is|s) ~2 (covered in|full of|all|in) ~1 (cuts|scars|burns|marks|slashes|wounds|scratches|gashes)',
      '(fresh|new|deep|old) (cuts|scars|burns|wounds) ~4 (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|chest|ankles|face)',
      '(scars|cuts) from (cutting|self harm|burning|when i)',
    ],
    unless: [
      '(cuts|scars|marks|scabs|wounds) ~3 (from|after) (the|a|my|an) ~2 (operation|surgery|accident|fall|fell|chickenpox|acne|dog|cat|fence|bike|football|rugby|op)',
      '(cat|dog|kitten|puppy) ~3 (scratch*|bit|bite)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-instrument',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(burn*|burnt|cut*|scratch*|carv*|slash*|scrap*|slic*|stab*|mark*) ~2 (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|chest|ankles|face) ~2 (with|using) (a|an|the|my)? ~1 (lighter|razor|razors|blade|blades|sharpener|pencil sharpener|compass|scissors|glass|knife|lighters|cigarette|lit cig|iron|needle|pin)',
      '(lighter|razor|razors|blade|blades|sharpener|compass|scissors|glass) ~6 (on myself|on my self|on my arm|on my arms|on my wrist|on my wrists|on my legs|on my skin|on me)',
      '(use|using|used) (it|them|a blade|the blade|a razor|the razor|a knife|the knife|glass|the glass) on (myself|my self|my arm|my arms|my wrist|my wrists|my leg|my legs|my skin)',
      '(burn*|burnt|cut*|scratch*|carv*|slash*|scrap*|stab*) ~1 (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|chest|ankles|face) ~4 (till|until|so) (it|they|i) (bleed*|bled|hurt|hurts|feel)',
      '(burn*|burnt|cut*|scratch*|carv*|slash*|scrap*) ~1 (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|chest|ankles|face) ~4 (to calm down|to cope|to feel|to stop|to punish|when i get|when it gets|when im|cos i hate|because i hate|again)',
    ],
    unless: [
      '(cut*|burn*|burnt|scratch*|scrap*) ~2 (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|chest|ankles|face) ~3 (on|by|at|in|during|playing|cooking|chopping|making|ironing|shaving|fell|falling|accidentally|by accident|while) (a|an|the|some|my|football|accident)?',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-urges-to',
    category: 'self-harm',
    severity: 'high',
    match: [
      '(urge|urges|craving|cravings|tempted|temptation) ~3 (cut|cutting|burn|burning|self harm|hurt myself|harm myself|relapse|od)',
      '(want|wana|need|feel like|going) (to)? (cut|burn) (again|so bad|so badly|myself|my self|deep|deeper)',
      '(thinking|thought|think) (of|about) (hurting|harming|cutting|burning|killing) (myself|my self)',
    ],
    urgentIf: URGENT,
  },
  {
    id: 'sh-urges',
    category: 'self-harm',
    severity: 'high',
    match: ['(days|weeks|months) clean ~3 (urges|relapse*)', '(relapsed|relapse) ~2 (self harm|cutting|cut)'],
    urgentIf: URGENT,
  },
];
