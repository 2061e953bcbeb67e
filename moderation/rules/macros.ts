/**
 * Shared vocabulary for the rule templates. Written in plain words; the
 * template compiler squeezes repeated letters, so `kill` also matches `killl`.
 */
import type { Macros } from './template.js';

export const MACROS: Macros = {
  /** First person, as young people write it (apostrophes are already gone: i'm → im). */
  I: 'i|im|ive|id|il|i am|i was|i have|i had|i will|i would|me|we|were|weve',
  /** Intent, plan or wish. `wanna`/`gonna` are already expanded by the normaliser. */
  INTENT:
    'want to|wanted to|going to|about to|will|wil|ready to|planning to|planing to|plan to|thinking about|thinking of|' +
    'think about|thought about|tempted to|might|might just|need to|have to|should|could|wish i could|decided to|' +
    'try to|tried to|trying to|gonna|keep thinking about|keep thinking of|cant stop thinking about|been thinking about|' +
    'feel like|felt like|just want to|really want to|literally want to|actually want to|just going to|im going to|' +
    'attempted to|attempt to|deserve to|rather',
  /** When, plan or means: raises a self-harm or threat finding to urgent. */
  TIME:
    'tonight|today|tomorrow|right now|rn|this weekend|this week|after school|in an hour|when everyone is asleep|' +
    'before morning|in the morning|this time|on friday|on saturday|on sunday|later tonight|later today',
  MEANS:
    'pills|tablets|paracetamol|meds|medication|rope|noose|ligature|blade|razor|knife|bridge|train|tracks|' +
    'goodbye|note|letters|planned|planning|plan|decided|know how|know where|worked out|saved up|saving up|stockpiled|' +
    'roof|car park|ledge|edge|cliff|balcony|multi storey|motorway',
  /** Lessons and campaigns: talk ABOUT a topic, not a disclosure. */
  SESSION:
    'session|sessions|lesson|lessons|workshop|talk|assembly|pshe|class|training|leaflet|poster|video|documentary|' +
    'film|programme|course|campaign|awareness|module|project|presentation|quiz|week|day|month|charity|prevention|' +
    'school|group|meeting|hub|youth club|book|article|episode|show|series|debate|essay|research|homework|coursework|' +
    'assignment|dissertation|podcast|docuseries|sociology|criminology|psychology|citizenship',
  /** People who care for or live with a young person. */
  CARER:
    'dad|father|mum|mother|parents|stepdad|stepmum|foster carer|foster carers|foster dad|foster mum|foster parents|' +
    'foster parent|carer|carers|uncle|auntie|aunty|aunt|nan|nana|grandad|grandma|granddad|brother|sister|cousin|' +
    'mums boyfriend|mums partner|mums fella|dads girlfriend|dads partner|stepbrother|stepsister|he|she|they|someone|' +
    'somebody|a man|a woman|a staff|staff|key worker|worker|boyfriend|girlfriend|partner|his mate|her mate',
  /** Physical harm verbs (past, present and -ing forms via the star). */
  HARM:
    'hit|hits|hitting|punch*|kick*|slap*|beat|beats|beating|batter*|chok*|strangl*|whip*|belt*|smack*|thump*|' +
    'burn*|stamp*|shov*|throttl*|bit|bites|hurts|hurt|hurting|attack*|headbut*|knock*|lays into|laid into',
  /** What an overdose is taken with. */
  OD_MEANS:
    'paracetamol|paracetamols|pills|tablets|painkillers|painkiller|meds|medication|ibuprofen|cocodamol|co codamol|codeine|' +
    'aspirin|sleeping pills|sleeping tablets|antidepressants|sertraline|fluoxetine|insulin|tramadol|diazepam|anadin|nurofen|calpol|lemsip|' +
    // a maintained list of common prescribed medicines (antidepressants, antipsychotics, sleep, pain)
    'citalopram|escitalopram|amitriptyline|mirtazapine|venlafaxine|duloxetine|paroxetine|quetiapine|olanzapine|risperidone|aripiprazole|' +
    'lithium|melatonin|zopiclone|promethazine|propranolol|pregabalin|gabapentin|morphine|oxycodone|naproxen|dihydrocodeine|' +
    'lorazepam|temazepam|sleeping meds|antipsychotics|anti depressants|my prescription',
  /**
   * Places of danger (imminent risk): a height, an edge, a railway, a motorway or deep water. Only the
   * specific forms ("roof of my block", "edge of the platform", "on the tracks"), never a bare
   * "roof" or "platform" (a roof terrace, waiting on the platform).
   */
  DANGER_SPOT:
    '(on|onto|off|over|out on) (the|a|this|my) (ledge|window ledge)|edge of (the|a|this) ~1 (roof|bridge|platform|cliff|building|car park|balcony|tracks|block|tower|quarry|river|canal|water|pier|multi storey)|' +
    'roof of (the|my|our|a|this|his|her) ~1 (block|flats|building|school|car park|tower|house|hospital|multi storey|shopping centre|college|estate|unit|home)|' +
    '(on|up on|onto|off) (the|a|this|my) (roof|rooftop)|(on|onto|by|near|next to|down by|across|along|beside|in the middle of|down on|lying on|lay on|laying on) (the)? (train|railway)? (tracks|railway line|rail line|level crossing)|' +
    'top (floor|level|deck|storey) of (the|a) (car park|multi storey)|top of (the|a|this|my) ~1 (car park|multi storey|block|tower|building|flats|bridge|cliff|quarry)|' +
    '(on|over|off|by) (the|a) (motorway|dual carriageway) (bridge)?|(over|on the other side of|past|through) (the|a) (railing|railings|barrier|barriers|safety fence)|' +
    '(cliff|cliffs) edge|(sat|sitting|stood|standing|sit|stand|hanging) (on|over|off) (the|a) (bridge|edge|ledge|wall of the bridge|side of the bridge)',
  /** Being there now: with a danger spot, a present-time cue is enough. */
  NOW_CUE:
    'rn|right now|atm|at the moment|currently|tonight|sat here|stood here|standing here|sitting here|up here|been here|im on|im at|im stood|im sat|im standing|im sitting|i am on|i am at',
  /** Finality: the fear gone, the decision made, the goodbye said, the near attempt. */
  FINAL_CUE:
    '(not|no longer|isnt|aint) (even)? (scared|afraid|frightened) (anymore|any more|now|of it|of dying|of death|to die)?|' +
    'its time|it is time|this is goodbye|this is it|tonights the night|tonight is the night|ready to go|im ready|i am ready|' +
    'said (my)? goodbyes|saying (my)? goodbyes|say goodbye|goodbye|love you all|sorry for everything|forgive me|' +
    '(didnt|did not|couldnt) do it (this time|today|tonight|yet)|(nearly|almost|so close to) (did it|doing it|went through with it|jumped|stepped|let go)|' +
    'next time (i|il|ill) (wont stop|will do it|wil do it|go through with it|do it)|wont stop myself|' +
    '(waiting|waited|wait) for (the)? (fast|next fast|non stopping|express) (one|train)|' +
    'one step|just one step|(could|can|should) just (jump|step|let go|fall|lean|walk off)|let go|looking down|how high|the drop|would i survive|' +
    'no one would notice|nobody would notice|not coming back|wont be coming back|for good|for the last time|' +
    'giving (away)? my (stuff|things)|gave away my|wrote (my)? (letters|notes|a letter|a note)|left (a note|letters|notes)',
  /** An adult's age written as digits. */
  ADULT_AGE: { re: '1[89]|[2-6][0-9]' },
  NUMBER: { re: '[0-9]+' },
  /** A body weight: "45kg", "45 kg", "7 stone", "7st", "100lbs" (the normaliser keeps number+unit words). */
  WEIGHT: { re: '[0-9]{1,3}(?:kg|kgs|st|lb|lbs)|[0-9]{1,3} (?:kg|kgs|kilos|kilo|stone|st|lbs|lb|pounds)' },
  /** 1 to 999: a calorie count no one should live on. */
  LOW_NUMBER: { re: '[1-9][0-9]{0,2}' },
  /** Someone a young person may be exploited by. */
  OLDER:
    'older|grown|adult|grown up|way older|much older|a lot older|' +
    'man|men|guy|bloke|blokes|stranger|someone online|somebody online|someone i met online|' +
    'a guy i met online|someone i met|a man i met',
  DRUG:
    'weed|cannabis|skunk|spliff*|joint|joints|zoot*|coke|cocaine|ket|ketamine|mdma|xanax|lean|heroin|spice|' +
    'mamba|nos|lsd|shrooms|drugs|pingers|benzos|valium|diazepam|codeine|oxy*|meth|dabs|thc|ecstasy|acid|' +
    'crack cocaine|smack|legal highs|mkat|mcat|meow meow|poppers',
  WEAPON:
    'knife|knives|blade|blades|shank|shanks|machete*|zombie knife|gun|guns|strap|straps|firearm|pistol|' +
    'knuckle duster|knuckledusters|crossbow|acid|taser|flick knife|switchblade|stanley knife|hunting knife|' +
    'kitchen knife|rambo knife|baseball bat|skeng|skengs|ching|chings|nank|nanks|rambo|bora|borer|wap|waps|machet|pocket knife|box cutter',
};
