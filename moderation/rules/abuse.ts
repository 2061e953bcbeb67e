/**
 * Abuse disclosure (physical, sexual, emotional, neglect) and domestic abuse a
 * young person sees or hears at home. Physical and sexual harm to the young
 * person is high; emotional harm and neglect are medium, and high when the message names a
 * carer, residential staff or a worker (`highIf`).
 */
import type { RuleSpec } from './engine.js';

const GAME_IDIOMS = [
  '(beat*|batter*|smash*|hammer*) (me|us) (at|in|on) ~3',
  'beat (me|us) to (it|the)',
  'hit* (me|us) up',
  '(hit|hits) (me|us) (different|hard|harder|like a truck|like a ton) ~1',
  '(hit|hits) (me|us) with (the|that|this|some|a) ~1 (song|tune|news|link|facts|truth|info|details|banger|video|message|text|tea|gossip)',
  'it (hit|hits) me',
  '(kicked|kicks|kick) (me|us) out of (the|a)? ~1 (game|lobby|party|call|chat|group|server|team)',
  '(grab*) me (a|an|some|one|the|another) ~2',
  '(burn*|burnt) me (a|some|the) ~2',
  '(it|that|this|knee|leg|back|head|tummy|stomach|arm|foot|tooth|teeth|feelings|words) ~1 (hurts|hurt|hurting) (me|us)',
  'what (he|she|they|you) (said|did) ~1 (hurt|hurts) me',
  '(dog|cat|hamster|horse|snake|rabbit|bee|wasp|spider|mosquito|insect|puppy|kitten|ball) ~1 (bit|bites|stung|scratched|attacked|hit|hits) me',
  '(chok*) (me|us) up',
  '(punch*|hit|kick*|slap*) (me|us) ~3 (playing|training|boxing|at football|at rugby|in football|in rugby|in the game|in pe|by accident|accidentally|as a joke|for a laugh|joking|play fighting)',
];

/**
 * Emotional harm and neglect by someone in a position of trust over a young person in care (a
 * foster carer, residential staff, a worker) is an allegation the safeguarding lead must act on
 * at once, so those rules are high (not medium) when such a person is named in the message.
 */
const TRUSTED_ADULT =
  '(foster carer|foster carers|foster mum|foster dad|foster parent|foster parents|foster mam|my carer|my carers|the carers|carer|carers|' +
  'staff|key worker|keyworker|support worker|residential|the home|care home|childrens home|resi|the unit|placement|social worker|the workers|house parent)';

const NEGLECT: readonly string[] = [
  '(dont|doesnt|wont|never|didnt|dont even|wouldnt|will not) (give|feed|let) (me|us) ~1 (food|eat|any food|anything to eat|dinner|tea|breakfast|lunch|meals|a meal)',
  '(dont|never|not|hardly ever|rarely) (get|getting|gets) (fed|food|feed|any food|a meal|meals)',
  '(never|no|not enough|nothing|isnt any|isnt enough|never any) ~1 food (in|at) (the house|home|mine|the flat|my house|my mums|my dads|the fridge|the cupboards)',
  '(have to|got to|had to) steal food',
  '(lock|locks|locked|locking) (me|us) (in|out|up) ~4',
  '(havent|hasnt|not|never|dont) (had|been|have|get|got)? ~2 (clean clothes|a bath|a shower|washed|been fed|fed|anything to eat|a proper meal) (in|for) ~1 (days|weeks|ages|a week|months|a month)',
  '(no one|nobody|noone) (looks after|feeds|cooks for|takes care of|cares for) (me|us)',
  '(left|leaves|leave) (me|us) (alone|on my own|on our own|home alone) ~3 (for|all) ~1 (days|nights|weekend|week|night)',
  '(nobody|no one|noone) (washes|cleans|buys|irons|sorts) (my|our) (clothes|uniform|school uniform|stuff)',
  '(i|we) (smell|stink) ~2 (at school|in class|and people|and everyone|cos nobody|because nobody)',
  '(lock|locks|locked|locking) (the)? (fridge|cupboards|cupboard|kitchen|food|food cupboard) ~6',
  '(only|just) (feed|feeds|fed|give|gives|gave) (me|us) ~2 (once a day|one meal|1 meal|scraps|leftovers|bread|nothing)',
  '(not|never) (allowed|let) (to)? ~1 (eat|food|have food|have dinner|have tea|eat with)',
  '(make|makes|made) (me|us) (sleep|stay) (on the floor|outside|in the garden|in the shed|in the car|in the hallway)',
  '(i|we) (get|only get|just get) (leftovers|scraps|their leftovers)',
  '(mum|dad|my carer|carer|she|he|they) (sleeps|is asleep|stays in bed|lies in bed|is passed out|is always asleep) (all day|every day|most days)',
  '(dont|wont|doesnt|never|do not) let (me|us) (out of|leave|come out of) (my|the|our) (room|bedroom|house|flat) ~3',
  '(too|always|so|usually|often) (drunk|high|wasted|off her face|off his face|pissed|stoned|mashed) (to|for) ~1 (look after|care for|feed|get|take care of|notice|cook for|wake up for) (us|me|my)',
  '(no|without) (food|dinner|tea|meals|eating) ~5 (punishment|punished|when im bad|if im bad|for days|all day)',
  '(punishment|punished|as a punishment) ~8 (no food|without food|no dinner|no tea|no meals|nothing to eat)',
  '(made|make|makes|forced|force) (me|us)? (to)? (stay|sit|stand) (in|outside) (my|the) (room|bedroom|garden|cold|corner) ~3 (all day|all night|for hours|for days|no food|without food)',
  '(only|just) (get|gets|getting|got|allowed) (fed|food|dinner|tea|to eat|a meal|meals|breakfast) (if|when|after|once|unless) (i|we)',
  '(dont|doesnt|wont|never|didnt|stop|stopped|not) (feed|feeding|feeds) (me|us)',
  '(feed|feeding|food|eat|meals|dinner|tea|breakfast) ~6 (as a punishment|as punishment|to punish)',
];

/**
 * Signs of serious neglect at home: no food, no heating or power, a carer asleep or out of it all
 * day, only eating at school. Two of them in one message (within a window) is high.
 */
const NEGLECT_SIGN =
  '((never|no|isnt any|not enough|theres never any|never enough|nothing|no) (food|tea|dinner|anything to eat|food in)|nothing to eat|(cupboards|fridge|cupboard) ~2 (empty|bare)|' +
  '(heating|electric|electricity|gas|hot water|power|lights|meter) ~4 (off|cut off|ran out|run out|not on|doesnt work|disconnected)|no (heating|electric|electricity|gas|hot water|power)|' +
  '(sleeps|asleep|in bed|passed out|drunk|off her face|off his face|out of it|wasted|off her head|off his head) (all day|all the time|every day|most days|constantly|till (tea|night|the afternoon|dinner))|' +
  'only (eat|get fed|get food|have food|get a meal|eat properly|get dinner|eat anything|get a hot meal) (at|in) school|(same|dirty|smelly) (clothes|uniform) ~3 (days|week|weeks|every day)|' +
  '(nobody|no one|noone) (feeds|looks after|checks on|cooks for|takes care of|gets up with) (me|us)|hungry (all the time|every day|most days|every night))';

const NEGLECT_UNLESS: readonly string[] = ['(lock|locked|locking) (me|us) out ~3 (by accident|accidentally|again lol)', 'locked (me|us) in (the)? (game|lobby|call)'];

const EMOTIONAL: readonly string[] = [
  '(calls|called|calling|call|tells|told|telling|says|said|saying) (me|i am|im|i was|me a|that i am|that im) ~2 (worthless|useless|a waste of space|waste of space|a mistake|a burden|nothing|pathetic|disgusting|a freak|a retard|thick|a slag|a whore|a slut|unlovable|unwanted|ugly|fat|a failure|a disappointment|evil|the devil)',
  '(wish|wishes|wished) (i|id) (was|were|had)? ~1 (never (been)? born|dead|not born|gone)',
  '(he|she|they|mum|dad|my mum|my dad|my carer|my carers|my stepdad|my stepmum) ~3 (wishes|wished|wish) (i|id) ~1 (never|dead|not born|gone)',
  '(scream*|shout*|yell*|swear*) at me (every day|all the time|constantly|every night|daily|for nothing|every single day)',
  '(no one|nobody|noone) will ever (want|love|care about|foster|adopt) (me|you)',
  '(threat*|says|said|say) ~3 if i (tell|told|say|said|speak to|talk to) (anyone|anybody|someone|social|my social worker|the police|a teacher|staff|my worker)',
  '(threaten*|threatened) to (send me away|kick me out|throw me out|hurt me|hit me|kill me|put me in care|have me moved)',
  'no one will believe me|nobody will believe me|no one would believe me|nobody would believe me',
  '({CARER}) ~4 (hates|hate|hated|doesnt love|dont love|never loved|never wanted) me',
  '(says|said|tells|told|keeps saying) (me)? ~3 (im|i am|its|it is|i was) (the reason|my fault|to blame|a mistake) ~4',
];

const EMOTIONAL_UNLESS: readonly string[] = [
  '(my mate|my friend|my bestie|my bf|my gf|my brother|my sister|he|she) ~2 (called|calls) me (a|an)? ~1 (idiot|div|melt|muppet|nerd|loser) ~2 (lol|haha|jokingly|as a joke)',
];

export const ABUSE_RULES: readonly RuleSpec[] = [
  {
    id: 'ab-physical',
    category: 'abuse',
    severity: 'high',
    match: [
      '{HARM} (me|us|my little brother|my little sister|my baby brother|my baby sister)',
      '(push*|shov*) me (around|over|down|into the wall|against|about|down the stairs)',
      '(gave|give|gives|left|leaves) (me|us) (a|two)? (black eye|black eyes|bruise|bruises|fat lip|split lip|nosebleed|bloody nose|concussion|marks|scar)',
      '(throw*|threw|chuck*|lob*) (things|stuff|plates|a plate|cups|a cup|bottles|a bottle|shoes|a shoe|chairs|a chair|food|objects|a remote|the remote|his phone|her phone|anything) at (me|us)',
      '(grab*|drag*|pull*|pin*|hold*|held|shake*|shook|lift*) (me|us) ~3 (by|down|up against|against|across|up the|down the|along|into|out of bed) ~2 (the)? (neck|throat|hair|arm|arms|wrist|ear|collar|stairs|wall|floor|bed|room)',
      '(pins|pinned|pin|holds|held) (me|us) down',
      '(beat|beats|beating|kicked|kicks|kicking|battered|batters|knocked|knocks|punched|punches|slapped) (the)? (shit|crap|hell|living daylights|life|snot) out of (me|us|my little brother|my little sister)',
    ],
    unless: GAME_IDIOMS,
  },
  {
    id: 'ab-get-hurt',
    category: 'abuse',
    severity: 'high',
    match: [
      '(i|we|me) (get|got|gets|getting|been|was|were|am|keep getting) ~1 (hit|beaten|battered|slapped|punched|kicked|hurt|smacked|whipped|belted|strangled|choked|abused|touched|raped|molested|assaulted|groomed|burnt|burned|locked in|locked out|thrown out|kicked out|starved|beat|beat up|beaten up)',
      '(bruise*|marks|welts|black eye|cuts) (from|because|cos|where|after|that) ~1 (he|she|they|my|him|her|them|mum|dad)',
      '(scared|afraid|frightened|terrified) (of|to go home because of|to go home cos of) (my|me) ~1 ({CARER}) ~3 (hurt*|hit*|beat*|angry|drunk|violent|shouting|touch*)',
      '(scared|afraid|frightened|terrified) to go home',
    ],
    unless: [
      '(got|get|was|been) (hit|smacked|kicked|hurt|beaten|battered|whipped) ~3 (by a|by the|with a|with the|in) ~1 (ball|football|door|cricket|car|bus|bike|swing|game|match|rugby|training|pe)',
      '(got|get|was|been|were) (beaten|battered|thrashed|smashed|hammered) ~2 (at|in|on) (the)? (fifa|football|game|quiz|chess|pool|darts|rugby|netball|match|final|league|cup|ps5|xbox|fortnite|mario kart|monopoly|uno|cards|tennis|ping pong|race)',
      '(kicked|thrown) out of (class|the lesson|the class|the game|the shop|the cinema|the club|the team|lesson|the match)',
    ],
  },
  {
    id: 'ab-sexual',
    category: 'abuse',
    severity: 'high',
    match: [
      '(touch*|fondl*|grop*|feel* me up|felt me up|molest*|rape*|raping|sexually abus*|sexually assault*|abus*|assault*|groom*|finger*) (me|us|my (body|privates|private parts|chest|bum|boobs))',
      '(raped|molested|sexually abused|sexually assaulted)',
      '(comes|come|came|coming|gets|climbs) (in|into) (to)? my (room|bed|bedroom) (at night|when|while|and)',
      '(makes|made|make|forces|forced|forcing|force) (me|us) ~1 (watch porn|watch videos|touch him|touch her|touch it|do stuff|do things|do sexual|have sex|kiss him|kiss her|take my clothes off|undress|get undressed|get naked|sit on his|lie with|sleep in his)',
      '(makes|made|make|forces|forced|forcing) (me)? ~1 (do|doing) (things|stuff) ~3 (dont|didnt|do not) (want|like)',
      '(its|it is|our|a) (little)? secret ~4 (touch*|kiss*|body|bed|room|night|naked|private)',
      '(touch*|kiss*|naked|private|body|bed) ~6 (our|a) (little)? secret',
      '(where|somewhere) (he|she|they) (shouldnt|should not) (have)? ~1 (touch*|be)',
      '(comes|come|came|walks|walked|barges|barged|gets|keeps coming) (in|into) (the|my) (bathroom|shower|bedroom|room|toilet) (when|while|whilst) (im|i am|i was|im in) ~1 (shower|bath|changing|getting changed|asleep|naked|in bed|dressing|toilet)',
      '({CARER}|teacher|coach|staff|man|he|she|they|his mate|my mates dad) ~4 (touch*|stroke*|rub*|grop*|grab*) my (leg|legs|thigh|thighs|bum|chest|boobs|private|privates|body|knee|crotch|breasts|willy)',
      '(touches|touched|touching|strokes|stroked|stroking|rubs|rubbed|rubbing|gropes|groped|groping) my (thigh|thighs|bum|chest|boobs|private|privates|crotch|breasts|willy|leg|legs|knee|body|bottom)',
      '(sends|sent|send|showing|shows|showed|show) (me|us) ~3 (pictures|photos|videos|video|picture|photo) ~2 (of)? (his|her|their)? ~1 (private parts|privates|willy|dick|penis|body|naked|bits|boobs)',
    ],
    unless: [
      '(touch*|touched) me (deeply|so much|really|a lot)',
      '(dog|cat|puppy|kitten|horse|baby|doctor|nurse|physio|dentist|the doctor|the nurse) ~3 (touch*|stroke*|rub*|grop*) my',
      '(speech|story|film|song|words|letter|video) ~3 (touched|touches) me',
      '(abus*|assault*) (me|us)? ~1 (in|on) (the)? (game|chat|fortnite|roblox|minecraft)',
      '({SESSION}) (on|about) ~3 (abuse|abused|assault|rape|grooming)',
      '(learnt|learned|learning|talked|talking|heard|read) about ~3 (abuse|assault|rape|grooming)',
      '(abuse|abusive|assault) (of power|language|words)',
      '(sexual|child|domestic|online)? (abuse|assault) (awareness|prevention|training|session|charity|helpline|lesson|talk)',
      'abused (my|the|his|her) (trust|power|position)',
      'groom* (the|my|a|his|her) (dog|horse|pony|cat|pet|hair)',
    ],
  },
  {
    id: 'ab-neglect',
    category: 'abuse',
    severity: 'medium',
    match: NEGLECT,
    unless: NEGLECT_UNLESS,
    highIf: [TRUSTED_ADULT],
  },
  {
    id: 'ab-neglect-hungry',
    category: 'abuse',
    severity: 'medium',
    match: ['(brother|sister|siblings|we|i) (is|are|am|im)? (always|constantly) (hungry|starving)', '(never|no|isnt any|not enough|theres never any|never enough) (food|food in|food at)'],
    needs: ['(food|fed|feed|cupboard|cupboards|fridge|nothing to eat|no dinner|no tea|money for food|home|house|mum|dad|sleeps|drunk|nobody|no one)'],
  },
  {
    id: 'ab-neglect-home',
    category: 'abuse',
    severity: 'high',
    // Two signs of serious neglect together ("no food ... heating off for weeks ... she sleeps all day").
    match: [`${NEGLECT_SIGN} ~16 ${NEGLECT_SIGN}`],
    needs: ['(home|house|flat|at my|mums|dads|nans|carers|aunties|mum|dad|nan|carer|auntie|she|he|they|we|us|our)'],
    unless: ['(camping|tent|festival|holiday|dofe|power cut|storm|school trip|residential trip)'],
  },
  {
    id: 'ab-emotional',
    category: 'abuse',
    severity: 'medium',
    match: EMOTIONAL,
    unless: EMOTIONAL_UNLESS,
    highIf: [TRUSTED_ADULT],
  },
];

export const ABUSE_THREAT_RULES: readonly RuleSpec[] = [
  {
    id: 'ab-threat-if-tell',
    category: 'abuse',
    severity: 'high',
    // Cuts through the "my dad will kill me" idiom: a threat tied to telling is never a joke.
    ignoreBenign: true,
    match: ['(kill|hurt|hit|batter|beat|stab) (me|us|my mum|my brother|my sister) (if|when) (i|we) (tell|told|say|said|speak|talk|grass|snitch) ~2'],
  },
];

/** Helping a parent with her phone or card is not control. */
export const COERCIVE_HELP =
  '(check*|read*|take*|took|keep*|kept|hold*|held) (all)? (her|my mums|mums) ~1 (phone|card|cards|keys|money|purse) ~4 (for her|while she|when she|because she|cos she|to help|safe|she asked|for the)';

export const DOMESTIC_ABUSE_RULES: readonly RuleSpec[] = [
  {
    id: 'da-relationship-control',
    category: 'domestic-abuse',
    severity: 'medium',
    // Coercive control in a young person's own relationship.
    match: [
      '(boyfriend|bf|girlfriend|gf|partner|fella|man) ~3 (check*|go* through|goes through|went through|read*|track*|monitor*|control*|take*|took) (all)? my (phone|messages|texts|location|money|snap map|passwords|password|dms|bank card|card)',
      '(boyfriend|bf|girlfriend|gf|partner|fella) ~3 (wont|doesnt|dont|never) let me (see|go out|go|talk to|wear|have|text|message) ~3 (my mates|my friends|friends|boys|girls|anyone|out|what i want|my family)',
      '(boyfriend|bf|girlfriend|gf|partner|fella) ~4 (goes mad|kicks off|gets angry|gets jealous|threatens|says hell|says shell) ~4 (if i|when i|unless i) ~3 (talk|see|go|wear|text|message|reply|dont answer|dont reply)',
    ],
    unless: ['(phone|location) ~3 (to help|for safety|because i asked|cos i asked|when i was lost)'],
  },
  {
    id: 'da-violence',
    category: 'domestic-abuse',
    severity: 'high',
    match: [
      '{HARM} (her|my mum|mum|my nan|my sister|my mums|them|my step mum|my stepmum|my mother|my dad|my mums partner|my parents)',
      '(threw|throws|throwing|chucked|chucks|lobbed) ~3 at (her|my mum|mum|my sister|my nan|my mother)',
      '(threat*|said|says) ~2 (to)? (kill|hurt|stab|hit) (my mum|her|mum|my mother|my sister|us all|all of us)',
      '(smash*|trash*|wreck*) (the house|the place|the flat|everything|the kitchen|the room|our house) (up)?',
      '(control*|check*|read*|go* through|went through|take*|took|smash*|broke|break*|hide*|hid|track*|monitor*|keep*|kept) (all)? (her|my mums|mums|my mum s) (phone|money|messages|texts|bank card*|card*|keys|passport|wages|benefits|location) ~3',
      '(she|mum|my mum|her) (cant|can not|cannot|isnt allowed to|not allowed to|never allowed to|darent|dare not) (go|leave|see|talk|text|wear|spend|have|visit|ring|call) ~4 (without (him|his)|unless he|he says|his permission|him knowing|him checking|him finding out|him going mad)',
      '(wont|will not|doesnt|does not|never) let (her|my mum|mum) (see|go out|talk to|have|leave|out) ~3',
      '(hand|hands|arm|arms|fingers|belt|rope|cord) (round|around|on|against|over) (her|mums|my mums|my sisters|my nans|my aunties|his|their) (neck|throat)',
      '(push*|shov*|drag*|grab*|pin*|strangl*|chok*) (her|my mum|mum|my nan|my sister|my mother) ~3 (into|against|down|by the|up|across|over|out|to the floor)?',
      '(threw|throws|throwing|chucked|pushed|shoved|slammed|smashed|flung) (her|my mum|mum|my sister|my nan) (against|into|down|across|on|onto|off) (the)? ~1 (wall|floor|door|stairs|table|ground|car|window|sofa|bed)',
      '(hitting|violence|beating|battering|hurting each other|punching|slapping) ~4 (at home|between my parents|between mum and|in my house|in the house|in our house)',
    ],
    needs: [
      '(dad|father|stepdad|stepmum|mum|mother|boyfriend|bf|partner|husband|fella|he|him|his|parents|family|home|house|flat)',
    ],
    unless: [
      COERCIVE_HELP,
      '(beat*|batter*|smash*|hammer*|thrash*) (her|my mum|mum|my nan|my sister|my dad|them) (at|in|on) ~3',
      '(hit|hits) (her|them|my mum) (up|with) (a|the|some)? ~1 (message|text|call|song|link|news)',
      '(smash*) (the)? ~1 (exam|test|it|game)',
      'hurt* (her|their|them) feelings',
    ],
  },
  {
    id: 'da-named',
    category: 'domestic-abuse',
    severity: 'high',
    match: [
      'domestic (violence|abuse)',
      '(restraining order|non molestation order|injunction against him|womens refuge|a refuge|womens aid)',
      '(boyfriend|bf|partner|dad|stepdad|husband|fella|he) (is|gets|s|can be|was|always) (so|really|proper)? ~1 (violent|aggressive|scary)',
      '(mum|she|my sister|my nan|my mother) (has|had|got|always has|always had|gets) (bruises|a black eye|black eyes|marks|cuts|a split lip)',
      '(police|feds|coppers) (came|come|were called|got called) ~6 (hitting|hit|beating|battering|fighting|hurting|screaming|smashed)',
      '(police|feds|coppers|old bill) (came|come|were called|got called|turned up) ~8 (fella|boyfriend|partner|husband|ex|stepdad|dad|he) ~3 (kicking off|kicked off|going mad|went mad|smashing|screaming|shouting)',
      // an injury explained away: "a black eye and says she walked into a door"
      '(black eye|black eyes|bruise*|bust lip|split lip|cut lip|marks|swollen|broken (arm|wrist|nose|finger|ribs)) ~8 (says|said|told|tells|reckons|claims|pretends|pretended|told everyone|made her say) (that)? (she|he|mum|my mum|her|they|my auntie|my nan|my sister) ~1 (walked into|fell down|fell into|fell over|fell off|bumped into|bumped|slipped|tripped|banged (it|her|his) ~1 on)',
    ],
    unless: [
      '({SESSION}) (on|about) ~2 domestic',
      '(learnt|learned|learning|talked|talking) about domestic',
      'domestic (abuse|violence) (awareness|charity|helpline|service|services|training|act|campaign|week)',
      '(used to|when i was little|when i was younger|years ago|before|back when) ~5 (refuge|restraining order|womens aid)',
    ],
  },
];
