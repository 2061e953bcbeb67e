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
    'aspirin|sleeping pills|sleeping tablets|antidepressants|sertraline|fluoxetine|insulin|tramadol|diazepam|anadin|nurofen|calpol|lemsip',
  /** An adult's age written as digits. */
  ADULT_AGE: { re: '1[89]|[2-6][0-9]' },
  NUMBER: { re: '[0-9]+' },
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
