/**
 * Drugs and alcohol, eating disorders, and radicalisation.
 */
import type { RuleSpec } from './engine.js';

const PARTY = 'party|parties|rave|raves|festival|club|clubbing|night out|gig|house party|afters|off it|buzzing|mashed|wasted|high|come up|coming up|comedown|come down|dealer|plug';
const BAD_REACTION =
  '(couldnt|cant|could not|can not|didnt|did not) (feel|move) (my)? ~1 (legs|arms|face|body|hands|feet|jaw|anything)|' +
  '(heart|chest) (was|is|went|kept)? ~1 (racing|pounding|going mad|going crazy|beating so fast|thumping|hurting)|' +
  'thought (i|id) (was|were)? ~1 (dying|going to die|die|gona die|have died)|' +
  '(had a fit|fitting|seizure|collapsed|foaming|turned blue|went blue|stopped breathing|couldnt breathe|cant breathe|ambulance|a and e|hospital|' +
  'jaw (was)? ~1 (swinging|going)|couldnt stop shaking|cant stop shaking|hallucinat*|seeing things|lost my mind)';

export const DRUGS_RULES: readonly RuleSpec[] = [
  {
    id: 'dr-party-pills',
    category: 'drugs',
    severity: 'medium',
    // Pills taken at a party, and drug harm: a body that stops working after taking something.
    match: [
      '(took|take|taking|popped|pop|popping|necked|neck|necking|dropped|drop|dropping|had|done|did|tried|swallowed) ~2 ({NUMBER}|a|some|two|three|four|half a|half|few|a few|couple|a couple of|couple of|another|more) ~1 (pills|pill|tabs|tab|caps|capsules|bombs|pingers|dots|blues|es)',
      `(${BAD_REACTION}) ~8 ({DRUG}|pills|tabs|pingers|snorted|sniffed|smoked|a line|lines|vodka|drunk|high|rave|mandy|bombs|took something|taken something|spiked)`,
      `({DRUG}|pills|tabs|pingers|snorted|sniffed|a line|lines|vodka|rave|mandy|bombs|took something|taken something|spiked) ~8 (${BAD_REACTION})`,
    ],
    needs: [`(${PARTY}|${BAD_REACTION}|again|every weekend|most weekends|saturday|friday|tonight)`],
    unless: [
      '(pills|pill|tabs|tablets|caps|capsules) ~4 (for|cos of|because of|from the doctor|from the gp|the doctor gave) (my|the|a)? ~1 (headache|period|cramps|toothache|cold|flu|migraine|pain|hayfever|allergies|temperature|infection|asthma|acne|epilepsy|adhd|anxiety|depression)',
      '({SESSION}) (on|about|around) ~3',
    ],
  },
  {
    id: 'dr-use',
    category: 'drugs',
    severity: 'medium',
    match: [
      '(smoke|smoking|smoked|take|taking|took|taken|do|doing|did|done|tried|try|use|using|used|sniff*|snort*|pop*|buy*|bought|addicted to|hooked on|high on|off my face on|wasted on|mashed on|need|needs|bang*|dropped|drop|inject*) ~2 ({DRUG})',
      '(doing|do|did|done|rack*|racked|rail|sniff*|snort*|had|have) (up)? ~1 (lines|a line|a bump|bumps|rails|a key|keys) ~4 (every|most|at|before|in the|with|of|again|weekend|weekends|party|parties|toilets|going out|night|nights|coke|ket)?',
      '({DRUG}|pills|tablets|painkillers) ~3 (every day|every night|everyday|all the time|to cope|to sleep|to forget|before school|to get through|on my own|alone|every weekend|most weekends|at weekends|weekends|most days|most nights|in the morning|at parties|every party)',
      '(sniff*|huff*|inhal*) (gas|glue|aerosols|lighter fluid|poppers|deodorant)',
      '(gave|give|given|offered|sold|sells|sell) (me|us) ~2 ({DRUG})',
      '(spik*|spiked) (my|our|me)? ~1 (drink|drinks)',
      '(smoke|smoking|smoked|tried|try|on) crack',
      'crack (cocaine|pipe|den|head|house)',
      '(drink|drinks) (was|got|were|had been) spiked',
    ],
    unless: [
      '({SESSION}) (on|about|around) ~3',
      '(learnt|learned|learning|talked|talking|heard|read|watched) about ~3',
      '(weed|weeds|weeding) (in|the) ~1 (garden|allotment|flowerbed|flower bed)',
      '(pull*|pulling|pulled) (up)? ~1 (the)? weed*',
      '(take|taking|took|pop*) (my|his|her) (pills|meds|medication|tablets) ~2 (for|like|as) ~2',
      '(pass|passed) me the pills',
      '(lines|line|a line) (in|for|at|from) (the)? ~1 (drama|play|show|rehearsal|rehearsals|class|detention|english|script|panto|musical|film)',
      '(learn*|learning|learnt|practis*|practic*|write|writing|wrote) (my|our|the|some|your)? lines',
      '(a|some|diet|cherry|vanilla|zero|can of|cans of|bottle of|glass of|the) coke',
      'coke (zero|float|can|bottle|and|or)',
      'joint (project|account|party|birthday|effort|winner|first|second|third|work|pain|pains)',
      '(spice) (rack|up|girls|jar|mix|bag|world)',
      '(lean) (on|back|forward|over|against)',
      'take (the|a|my|some) (drugs|pills) (test|quiz|awareness)',
      '(acid) (reflux|test|rain|house)',
      'nos (is|are) ~2 (bad|dangerous|illegal)',
    ],
  },
  {
    id: 'dr-intoxicated',
    category: 'drugs',
    severity: 'medium',
    match: [
      '(get|getting|got|gets|been|was|were|am|im|be|feel) (so|proper|well|really|totally|completely|absolutely|fully)? ~1 (high|stoned|baked|wasted|mashed|pissed|drunk|leathered|wrecked|off my face|off my head|trashed|paralytic|twatted|blazed|zooted|spaced out|munted|smashed)',
      '(battered|smashed|mashed|wasted|off my face|off my head|wrecked|leathered|twatted|fucked|gone|munted) on ({DRUG}|pills|vodka|drink|booze|alcohol|xans|ket|gas|nos)',
      '(passed out|blacked out|black out|pass out) ~6 (drunk|drinking|vodka|drink|party|park|high|after|pills)',
      '(drunk|drinking|vodka|pills|high|party|stoned) ~6 (passed out|blacked out|dont remember|cant remember|didnt remember)',
    ],
    unless: [
      'high (marks|score|scores|grades|up|five|school|street|on the leaderboard|enough|chair|heels|ropes)',
      '(got|get|was|were) (smashed|wrecked|hammered|mashed|battered) ~2 (at|in|by|on) ~3',
      '(team|we|they|tottenham|united|city|arsenal|chelsea|liverpool|spurs|rovers|villa|the boys|the girls) (got|get|were|was) ~1 (smashed|wrecked|hammered|battered|mashed)',
      '(phone|screen|car|bike) (got|is|was) (smashed|wrecked)',
      '(i am|im|feel) ~1 (high) (up|on) ~2',
      '(wasted|wasting) (my|the|a|our|so much|all) ~2 (time|money|day|life|chance|effort|breath|food|potential)',
    ],
  },
  {
    id: 'dr-alcohol',
    category: 'drugs',
    severity: 'medium',
    match: [
      '(drink|drinking|drank|drunk|necking|downing|downed|neck) ~3 (every (night|day|morning|weekend)|most nights|most days|all the time|alone|on my own|to forget|to cope|to sleep|before school|a bottle|bottles|a whole bottle|straight from the bottle)',
      '(drink|drinking|drank|necking|downing|downed|neck|buy*|bought|nick*) ~3 (vodka|cider|spirits|whisky|whiskey|rum|gin|wkd|lambrini|frosty jack|frosty jacks|cans|stella|alcohol|booze|bevvies|bevs)',
      '(cant|cannot|can not) stop (drinking|smoking|taking|using|vaping)',
      '(hooked on|addicted to) (vapes|vaping|vape|nicotine|cigs|fags|smoking|energy drinks)',
      '(nicking|stealing|stole|nick|steal|nicked) (money|cash|from my carers|from my mum|from my foster) ~3 (to buy|for) (vapes|drugs|weed|alcohol|drink|fags|cigs|booze|coke|ket)',
      '(line|lines|bump|bumps|key|keys) of ({DRUG})',
      '(taking|took|take|taken|nicking|nicked|stealing|stole|steal) (my)? ~1 (mums|dads|nans|carers|foster mums|someone elses|her|his|grans) (tablets|pills|meds|medication|painkillers|sleeping pills|prescription)',
      '(to feel|so i feel|so i dont feel|to stop feeling|to not feel) (numb|nothing|better|high|calm|out of it) ~3',
      '(cant|can not|cannot|dont) (sleep|cope|function|get through the day|get up|eat|relax|calm down|chill) without ~1 ({DRUG}|a drink|drinking|a smoke|smoking|a spliff|pills|vodka|alcohol|booze|getting high|getting drunk)',
      '(smoking|drinking|using|taking) ~2 (every day|every night|all day) ~2 (to cope|to get through|to forget|to sleep|or i cant)',
      'need (a|another)? drink ~2 (to|just to|before|every|in the morning|to cope|to sleep|to get)',
      '(addicted to|hooked on|dependent on) (alcohol|drink|drinking|booze|vodka)',
    ],
    unless: [
      '(cans|can|bottle|bottles) of (coke|pop|fanta|pepsi|tango|monster|red bull|water|juice|lucozade|squash)',
      '(drink|drinking|drank) ~3 (water|juice|tea|coffee|squash|milk|pop|coke|energy drinks|lucozade|fanta|pepsi|hot chocolate|smoothie)',
      '(glass of|a glass of) (wine|champagne|prosecco) ~4 (christmas|dinner|new year|wedding|birthday|with my (foster|carers|family))',
    ],
  },
];

const UNRESPONSIVE =
  '(not|isnt|wont|cant|cannot|didnt|doesnt|couldnt|wasnt) (waking|wake|breathing|responding|moving|talking properly|making sense|stay awake|come round|coming round)|' +
  'passed out|unconscious|unresponsive|turned blue|went blue|lips (are|went|were|turned)? ~1 blue|fitting|having a fit|foaming|choking on (her|his|their) sick|' +
  '(keeps|kept|been|is) being sick ~4 (asleep|passed out|wont wake|floppy|grey|pale)';

/** Drug harm that is an emergency, dependence, and looking for drugs. */
export const DRUG_HARM_RULES: readonly RuleSpec[] = [
  {
    id: 'dr-emergency',
    category: 'drugs',
    severity: 'high',
    // Someone not waking, not breathing or fitting after taking something: an emergency.
    match: [
      `(${UNRESPONSIVE}) ~10 ({DRUG}|pills|pill|tabs|pingers|(took|taken|necked|had|dropped|swallowed|popped|done|did) something|spiked|drank|drunk|vodka|bombs)`,
      `({DRUG}|pills|pill|tabs|pingers|(took|taken|necked|had|dropped|swallowed|popped|done|did) something|spiked|drank|drunk|vodka|bombs) ~10 (${UNRESPONSIVE})`,
    ],
    unless: ['({SESSION}) (on|about|around) ~3'],
  },
  {
    id: 'dr-dependence',
    category: 'drugs',
    severity: 'medium',
    // Use that has become a need: "need it just to sleep", "takes all my money", "every day since i was 13".
    match: [
      '(need|needs|needing) ~3 (it|weed|a spliff|a zoot|a joint|a smoke|{DRUG}|a drink|vodka|pills|to smoke|to get high|to get stoned) ~3 (to sleep|to function|to get through|to cope|to feel normal|to get up|to calm down|to eat|every day|before school|just to|or i cant)',
      '(cant|can not|couldnt|cannot) ~2 (sleep|function|cope|get through the day|eat|relax|go a day|go a night|calm down) without ~2 (it|weed|spliff*|zoot*|joint|joints|smoke|smoking|{DRUG}|drink|drinking|vodka|pills|getting high|getting stoned)',
      '(smoking|smoked|using|taking|drinking|been on|on it) ~3 (every day|everyday|every single day|every night|daily|every morning) ~3 (since i was|since year|for years|for months|since)',
      '(all|most|every penny of) (my|of my) (money|wages|pocket money|allowance|benefits|uc|universal credit|pip|bursary) (goes|went|gets spent|get spent|is spent) on (it|weed|{DRUG}|drink|vodka|pills|smoking|zoots|spliffs)',
      '(takes|taking|took|spend|spending|spends|costs|goes on|went on) (all|most|every penny|all of) ~1 (my|of my) (money|wages|pocket money|allowance|benefits|uc|universal credit|pip|bursary)',
      '(addicted|hooked|dependent) (to|on) (it|weed|{DRUG}|pills|smoking|the weed|drinking)',
    ],
    needs: ['({DRUG}|smoking|smoke|smoked|spliff*|zoot*|drinking|drink|vodka|pills|habit|addicted|hooked|dealer|plug|high|stoned)'],
    unless: ['({SESSION}) (on|about|around) ~3', '(smoke|smoking) (alarm|detector|machine|bomb)', '(weed) (killer|killa)'],
  },
  {
    id: 'dr-seeking',
    category: 'drugs',
    severity: 'medium',
    // Looking for drugs, or to get out of one's head: "where to get ket round here".
    match: [
      '(where|who|how) ~3 (get|buy|find|score|cop|pick up|get hold of|sells|selling|sell|has|got) (some|any)? ~1 ({DRUG}) ~3 (round here|near me|near here|in|from|tonight|today|anyone|rn)?',
      '(need|want|wana|just want|just need|trying) to get (out of|out|off) my (head|face|nut|tits|mind|box)',
    ],
    unless: [
      '({SESSION}) (on|about|around) ~3',
      '(weed|weeds) (killer|killa|out|from the garden)',
      '(a|some|diet|cherry|vanilla|zero|can of|cans of|bottle of|glass of|the) coke',
      '(get|buy|find) ~2 coke (zero|float|can|bottle|and|or)',
      '(spice) (rack|up|girls|jar|mix|bag|world)',
      '(lean) (on|back|forward|over|against)',
    ],
  },
];

export const EATING_RULES: readonly RuleSpec[] = [
  {
    id: 'ed-restricting',
    category: 'eating',
    severity: 'medium',
    match: [
      'stopped eating',
      '(havent|hasnt|not|didnt|dont|barely|hardly|cant|wont|refuse to|refusing to|refused to|not been) ~2 (eaten|eat|eating|ate) ~4 (days|on purpose|in days|for days|for a week|since|so i|to lose|till|until|in ~1 days|for ~1 days|in a week|all week|still feel fat|properly in)',
      '(starve|starving|starved) (myself|my self)',
      '(only|just|barely) (eat|ate|have|had|let myself (eat|have)) ~3 (once|one meal|1 meal|every|a day|an apple|a yoghurt|a banana|water|nothing) ~4 (days|so i|to lose|week|a day|weight|thin|skinny)',
      '(only|just|under|less than|no more than|max|maximum|below) ~3 ({NUMBER}) ~1 (calories|cals|kcal)',
      '(count*|counting) (every)? ~1 calorie*',
      '({LOW_NUMBER}) (calories|cals|kcal|cal) (a|per|each) day',
      '(weigh|weighing|weighed) myself ~4 (times a day|every day|every morning|after every|constantly|all the time|panic|twice a day|hourly|after i eat)',
      '(scared|afraid|terrified|frightened) of (food|eating|calories|gaining weight|getting fat|putting on weight)',
      // the least food one can live on, and a target weight
      '(lowest|least|fewest|minimum|min|smallest) ~2 (calories|cals|kcal|amount of food|food|you can eat|u can eat|i can eat)',
      'how (few|little) (calories|cals|kcal|food) ~4 (can|could|do|does|to|before|without)',
      '(get|getting|be|weigh|reach|hit|goal|target|want to be|need to be|until i am|till im|until im) ~2 (under|below|less than|down to) {WEIGHT}',
      '(only|just|barely) (eats|has|had) ~3 (once|one meal|1 meal|an apple|a yoghurt|a yogurt|a banana|water|nothing|a rice cake|crackers|half) ~4 (days|a day|all day|every day|week)',
      '(hides|hid|hiding|throws away|threw away|bins|binned|gives away|gave away|hide|throw away) (her|his|their|my) (lunch|food|dinner|tea|meals|packed lunch|sandwiches|breakfast)',
      '(hair|hairs) ~2 (falling out|coming out|comes out|fall out|thinning) ~8 (eat*|food|lunch|weight|thin|skinny|apple|calories|starv*)',
      '(eat*|food|lunch|weight|thin|skinny|apple|calories|starv*) ~8 (hair|hairs) ~2 (falling out|coming out|comes out|fall out|thinning)',
      '(skip*|skipping|skipped) (meals|breakfast|lunch|dinner|tea|food|every meal|all my meals) ~6 (thin|skinny|lose|weight|fat|calories|so i can|to be)',
      '(dont|do not|barely|hardly|never|cant|wont) eat ~6 (lose|lost|weight|thin|skinny|fat)',
      '(lost|losing|lose) ~3 weight ~4 (because|cos|since|as|by) (i|not) (dont|do not|barely|hardly|never|cant|wont|stopped)? ~1 (eat|eating)',
      '(not|stop|stopped|no) eating ~2 (till|until|unless) ~4 (stone|kg|kilos|thin|skinny|weight|lose)',
      '(need|have|want|got) to (be|get) (skinny|thin|thinner|skinnier) ~6 (not eating|starv*|eat less|eat nothing|dont eat)',
    ],
    unless: [
      '(bag|bags|suitcase|case|luggage|parcel|box|hand luggage|hold luggage|dog|cat|baby|puppy|fish|pumpkin|marrow) ~6 (under|below|less than) {WEIGHT}',
      '(dog|cat|puppy|kitten|hamster|rabbit|bird) ~3 (hides|hid|hiding|throws away|bins) (her|his|their) (food|dinner|tea|breakfast)',
      '(havent|not|didnt) (eaten|eat|ate) (yet|since breakfast|since lunch|since school) ~3 (starving|hungry|what|lol|can)',
      '({SESSION}) (on|about) ~3',
    ],
  },
  {
    id: 'ed-body-and-restricting',
    category: 'eating',
    severity: 'medium',
    match: ['(feel|feeling|look|looking|im|i am|so|being) (so|really|proper|too)? (huge|fat|massive|disgusting|gross|obese|heavy|big)'],
    needs: ['(skip*|skipping|not eating|dont eat|starv*|sick|purg*|calories|cals|eat less|stopped eating|throw up|laxative*|meals|dinner|lunch|breakfast|food)'],
    unless: ['(food|meal|meals|dinner|lunch|breakfast|portion|burger|pizza|plate) ~3 (so|really|too)? (huge|massive|big)', '(so|too|really) (big|massive|huge) ~2 (for|to) ~2 (eat|finish)'],
  },
  {
    id: 'ed-purging',
    category: 'eating',
    severity: 'medium',
    match: [
      '(make|making|made|makes) (myself|me) (sick|throw up|vomit|puke|be sick)',
      '(sick|throw|throwing|threw|chuck|chucking|chucked|puke|puking|puked|bring|bringing|brought|spew|spewing) (it)? ~1 (up|back up) ~2 (everything|all|anything|whatever|what) ~1 (i)? ~1 (eat|ate|have eaten|after)',
      '(sick|throw|throwing|threw|chuck|chucking|chucked|puke|puking|puked|bring|bringing|brought) (my|the|it|everything|all)? ~1 (food|dinner|tea|lunch|meals|meal|breakfast|it)? (back)? up (after|every|straight after|when i eat|once i eat)',
      '(throw*|threw|bring*|brought) (it|food|everything|my food|my dinner|my tea|my lunch|meals|it all) (back)? up',
      '(binge|binging|bingeing|binged) ~2 (and|then) ~1 (purge|purging|throw up|make myself sick|be sick)',
      'purg*',
      '(laxative*|diet pills|appetite suppressant*|slimming pills)',
    ],
    unless: ['the purge', 'purge (the|my|all) ~1 (files|photos|emails|wardrobe|clothes|room|camera roll|chat|messages)'],
  },
  {
    id: 'ed-pro-ana',
    category: 'eating',
    severity: 'medium',
    match: [
      '(pro ana|proana|pro mia|promia|ana coach|thinspo|thinspiration|bonespo|meanspo|ana tips|mia tips|ana buddy|ed twitter|edtwt)',
      '(im|i am|i feel|i look|i was|feel|feeling|i) (so|too|really|proper|that|soo)? (fat|huge|disgusting|gross|ugly|massive|obese) ~4 (eat|eating|ate|food|meal|meals)',
      '(hate|hates|cant stand|scared of|afraid of) eating',
      '(hate|scared of|afraid of|terrified of) food',
      '(tips|tricks|ways|how) ~3 (not feeling hungry|not feel hungry|stop feeling hungry|stop being hungry|suppress my appetite|curb my appetite|stop eating|eat less|lose weight fast|get thin|get skinny|ignore hunger|hide not eating)',
      '(trying|try|want|need|have) to (get|be|look|stay) (really|so|super|properly)? (thin|skinny|thinner|skinnier|bony)',
      '(only|just) (drink|have|eat|had|ate) (water|diet coke|black coffee|coffee|an apple|a few grapes|chewing gum|gum) ~2 (all day|a day|every day|for days)',
      '(eat|eating|ate) ~3 (feel|felt|feeling) ~2 (disgusting|so fat|gross|guilty|sick with myself)',
    ],
    unless: [
      '(hate|hates|cant stand) eating (sprouts|broccoli|veg|vegetables|fish|mushrooms|peas|beans|onions|olives|tomatoes|spicy|school dinners|the school|at school|in front of)',
      '(fat|huge|massive) ~2 (burger|pizza|kebab|portion|plate|meal|dinner|breakfast|chips|cake)',
    ],
  },
];

export const RADICALISATION_RULES: readonly RuleSpec[] = [
  {
    id: 'rd-recruit-travel',
    category: 'radicalisation',
    severity: 'high',
    // Someone offering to pay for or arrange travel to join a fight.
    match: [
      '(sort*|pay*|paid|book*|arrange*|organis*|cover*|get) ~3 (the|my|your|ur|a)? (travel|flights|flight|ticket|tickets|passport|visa|way over|way out there)',
      '(go|going|come|travel|join) (and|to)? (fight|fighting|join the fight|join them out there|join the brothers)',
    ],
    needs: ['(jihad|the brothers|brother online|brothers online|ummah|the cause|caliphate|martyr*|syria|the struggle|holy war|real muslims|true muslims|real patriots|true patriots|kuffar|infidels|race war)'],
    unless: ['(fight|fighting) (night|club|scene|card|tickets|ticket)', '(boxing|ufc|mma|wrestling|kickboxing|the match|the fight) ~3 (tickets|ticket|flights|travel)'],
  },
  {
    id: 'rd-ideology',
    category: 'radicalisation',
    severity: 'high',
    match: [
      '(race war|racewar|great replacement|white genocide|white race|white power|white pride|day of the rope|remigration|blood and soil|sieg heil|heil hitler|neo nazi|neonazi|accelerationism|kuffar|infidels must|holy war|caliphate|isis|daesh|jihad|jihadi|mujahideen|fourteen words|14 words)',
      '(kill|killed|exterminate|exterminated|gas|gassed|deport|deported|get rid of|wipe out|wiped out|shoot|shot|hang|hanged|burn|bomb) ~2 (all)? ~1 (the)? (muslims|jews|immigrants|blacks|whites|asians|gays|pakis|foreigners|refugees|migrants|christians|hindus|sikhs|trans people|women|feminists|lefties|poles|romanians)',
      '(muslims|jews|immigrants|blacks|whites|asians|gays|pakis|foreigners|refugees|migrants|christians|hindus|sikhs|trans people|women|feminists) ~3 (should|need to|must|deserve to|have to|ought to) ~2 (be)? ~1 (killed|die|shot|gassed|exterminated|wiped out|deported|burned|hanged|bombed|punished|removed)',
      'fight back against ~2 (muslims|jews|immigrants|blacks|whites|asians|foreigners|refugees|migrants|the west|women|gays|trans people)',
      'violence is the only (way|answer|language|option|solution)',
      '(violence|war|jihad|fighting|terror) (is|are) the only (answer|way|solution|option)',
      '(kill|hang|shoot|execute|get rid of) (the|all the|all)? (traitors|race traitors|politicians|mps|elites|infidels|kuffar|nonces|lefties|snowflakes)',
      '(rise up|uprising|revolution|day of reckoning|race war) ~6 (kill|fight|attack|hang|shoot|against|take back)',
      '(immigrants|muslims|foreigners|migrants|refugees|they|them) (are)? ~1 (invading|invasion|taking over|replacing us|replacing white|out breeding)',
      '(need|needs|have) to (take action|act|fight back|do something) ~4 (immigrants|muslims|jews|foreigners|migrants|refugees|invaders|them|they|traitors)',
      '(fight for|fighting for|stand up for|protect|save) (white|the white) (britain|england|race|people|europe|children|women)',
      '(do|carry out|plan|planning|planned|join|help with) (an|a|the) (attack|shooting|bombing|mission|massacre)',
      '(muslims|jews|immigrants|blacks|asians|gays|pakis|foreigners|refugees|migrants|christians|hindus|sikhs|trans people|women|whites) (are|r|is) (invaders|vermin|animals|rats|parasites|scum|a plague|the enemy|subhuman|cockroaches|a disease|a virus|evil)',
      '(muslims|jews|immigrants|blacks|asians|foreigners|refugees|migrants|them) ~3 (need|needs) to be (dealt with|removed|eliminated|wiped out|got rid of|sorted out|stopped|destroyed)',
      '(jews|muslims|immigrants|the elites|globalists|zionists) (control|run|own) (everything|the world|the media|the banks|the government|this country)',
      '(join|fight for|fight in|go to|travel to|going to) (isis|syria|the jihad|the caliphate|the cause|the fighters|the brothers|the movement|the war)',
      '(attack|bomb|burn|blow up|shoot up|burn down|smash up|set fire to|torch) (the|a|that|their|this|every|all the) (mosque|mosques|church|churches|synagogue|synagogues|temple|temples|gurdwara|mandir)',
      '(travel|go|move|fly) (abroad|overseas|to syria|to iraq|to afghanistan|out there) ~4 (fight|join|jihad|martyr|war)',
      '(bomb making|make a bomb|making a bomb|pipe bomb|nail bomb|build a bomb|how to make bombs|explosives)',
      '(do|did|copy|be like|be the next) ~1 what ~2 (shooter|bomber|breivik|elliot rodger|tarrant|the christchurch)',
      '(christchurch|buffalo|el paso|utoya|columbine) (shooter|shooting|guy|attack|manifesto)',
      // sympathy for an attacker, and dying for a cause
      '(manifesto|shooter|shooters|bomber|bombers|the guy who did the shooting|the guy who shot|the guy who did the attack|the attacker|the terrorist|gunman) ~8 (was right|were right|kinda right|kind of right|had a point|has a point|makes sense|made sense|is a hero|was a hero|hero|legend|based|right about|did nothing wrong)',
      '(die|dying|died|death) (for|in the name of) (the|our|his|my) (cause|faith|religion|ummah|race|nation|brothers|jihad|deen)',
      '(dying|to die|death) ~3 (best|greatest|most honourable|only) (thing|way|honour) ~3 (can|could|to) (do|be)|martyrdom',
      '(being|getting|are) (replaced|wiped out|outbred|out bred) ~8 (fight back|fight|rise up|take it back|before its too late|do something)',
      '(nationalist|national socialist|extremist|far right|white nationalist|incel|patriot) ~1 (group|groups|movement|server|chat|channel|brotherhood|cause)',
      '(recruit*|recruiting) (me|us) ~4 (group|movement|cause|fight|mission|army)',
      '(real|true|proper) (muslims|patriots|believers|christians|englishmen|englishman|brits|whites|aryans) ~2 (should|must|need to|have to|would|will) ~2 (fight|go and fight|go fight|kill|die|join|rise up|take up arms|attack|wage)',
      '(go|going|come|travel|join) (and|to) (fight|join the fight) (for|with|alongside|over|out|abroad) ~2 (the|our|my)? ~1 (brothers|cause|ummah|people|faith|religion|race|jihad|there|abroad|country)',
    ],
    unless: [
      '({SESSION}) (on|about|around) ~3',
      '(learnt|learned|learning|talked|talking|heard|read|watched|studying|revising) about ~3',
      'prevent (session|training|officer|lesson|team|workshop)',
      '(history|re|religious studies|citizenship) ~6',
      '(the|a) (egyptian|goddess|ancient)? ~1 isis (goddess|temple|myth)',
      'isis (the goddess|egyptian)',
      'martyr (to|of) (the|my) (cause|headaches|migraines)',
      '(communist|labour|tory|party|election|conservative|green|lib dem|reform|school council|student council|election) manifesto',
      '(die|dying|died) for the cause of ~3',
      '(people|someone|a man|a woman|girls|boys|teenagers|kids|those|british|young people|schoolgirls) who (travelled|went|tried|wanted|left) to (join|fight for|go to) (isis|daesh|the caliphate|syria)',
    ],
  },
];
