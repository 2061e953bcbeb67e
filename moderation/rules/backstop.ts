/**
 * The recall backstop's concept lexicons and its (few, broad) rules.
 *
 * The phrase rules in the other files memorise phrasings; fresh text keeps
 * using new ones. The backstop instead asks a simpler question: does the
 * message put a PERSON (first person: i, im, me, my, myself; or someone doing
 * something to "me") within a few words of a harm or distress CONCEPT? Each
 * concept list is broad and normalised (written in plain words; the template
 * compiler squeezes repeated letters and `word*` takes any ending), so a new
 * phrasing of the same idea is still caught.
 *
 * Severity is conservative: self-harm concepts are high (urgent with a time or
 * means), concepts that are unambiguous for their category (sexual or criminal
 * exploitation, weapons carried, physical abuse, domestic abuse) are high, and
 * everything more ambiguous is medium: held and escalated for a person to look
 * at, never silently passed. Negation ("i would never hurt myself") and the
 * shared benign idioms (rules/benign.ts, plus BACKSTOP_BENIGN below) cancel
 * overlapping matches, exactly as for the phrase rules.
 *
 * Tuned only on tests/fixtures/safeguarding/tuning.jsonl (and the gating
 * sets' benign false-positive rate); see moderation/README.md.
 */
import { COERCIVE_HELP } from './abuse.js';
import type { RuleSpec } from './engine.js';
import type { Macros } from './template.js';

/** Concept lexicons (template alternatives). */
export const CONCEPTS: Macros = {
	/** A first-person reference. */
	ME: 'i|im|ive|id|il|me|my|myself|mine|meself|i am',
	/** First person, singular or plural (a household: "we havent had food"). */
	WE_ME: 'i|im|ive|id|il|me|my|myself|we|us|our|were',
	/** Second person (aimed at someone else). */
	YOU: 'you|your|yourself|yours|ya',
	/** Self-harm and suicide concepts that still need a person nearby ("i" … "not be around"). */
	SH_NEAR:
		'suicid*|unaliv*|overdos*|od|paracetamol|ibuprofen|co codamol|end it|end it all|ending it|ending it all|end everything|' +
		'end things|jump off|jumping off|jump in front|jump from|step in front|throw myself|hang|hanging|noose|ligature|' +
		'not be here|not be around|wont be here|wont be around|not being here|not being around|not be alive|not alive anymore|' +
		'not exist|not existing|stop existing|tired of existing|sick of existing|done existing|' +
		'disappear forever|disappear for good|vanish forever|vanish for good|gone for good|gone forever|' +
		'not wake up|never wake up|not want to wake up|dont want to wake up|not to wake up|' +
		'no point in living|no point being alive|no point being here|no reason to live|no reason to stay|reason to live|reasons to live|' +
		'burden|give up on life|giving up on life|gave up on life|done with life|done with living|sick of life|tired of life|' +
		'sick of living|tired of living|cant go on|cant carry on|cant do this anymore|cant do this no more|cant do it anymore|' +
		'cant do it no more|cant take it anymore|cant take it no more|cant cope anymore|cant cope no more|' +
		'want it all to stop|want it to stop|want everything to stop|make it all stop|want it all to end|want it to end|' +
		'want everything to end|everything to go quiet|sleep forever|go to sleep and never|goodbye letters|goodbye letter|' +
		'goodbye note|goodbye notes|suicide note|wrote letters|wrote notes|write letters|writing letters|left a note|letters for|' +
		'scars|relapse*|razor|razors|sharpener|blades|' +
		'rather be dead|rather not be alive|rather not be here|rather die|better off dead|wish i was dead|wish i were dead|' +
		'wish i wasnt born|wish i was never born|wish i wasnt here|wish i wasnt alive|' +
		'(nobody|no one|noone) would (even)? (notice|care) ~1 if i (wasnt|werent|was gone|were gone|died|disappeared|went|left|vanished|didnt|never|stopped)|' +
		'(nobody|no one|noone) would (even)? miss me|wouldnt notice if i|wouldnt care if i|wouldnt miss me|' +
		'wasnt here anymore|werent here anymore|wasnt around anymore|not here anymore|not around anymore|ready to be gone|want to be gone|' +
		'not worth living|isnt worth living|life isnt worth|lifes not worth|' +
		'hate being alive|want to die|want to be dead|going to die|ready to die|deserve to die|die tonight|die soon|' +
		'dont want to live|not want to live|dont want to be alive|dont want to be here|dont want to exist|' +
		'end my life|take my life|take my own life|my last day|last day on earth|say goodbye|saying goodbye',
	/** Self-harm concepts that already name the self (no extra person word needed). */
	SH_SELF:
		'kil myself|kill myself|hurt myself|hurting myself|harm myself|harming myself|self harm*|cut myself|cutting myself|' +
		'cuts on my|cut my (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hips|hip)|' +
		'cutting (again|my arms|my wrists|my legs|my thighs)|started cutting|start cutting|stop cutting|been cutting|' +
		'scratch* my (arms|arm|wrists|wrist|skin|legs) ~4 (bleed*|raw)|scratch* ~3 (till|until) ~2 bleed*|' +
		'(till|until) (it|they|i) bleed*|make myself bleed|burn* myself|burnt myself|bang* my head|punch* (walls|the wall) till|' +
		'starv* myself|better off without me|better without me|point of me|point in me|whats the point of me|' +
		'(better|easier|happier|fine|cope|good|calmer|lighter|quieter|nicer|simpler|safer|cheaper|peaceful|more peaceful|less stressful|' +
		'relieved|glad|ok|okay|alright|sorted|free|lighter) ~4 (without me|if i wasnt|if i werent|when im gone|once im gone|if i was gone|if i died|if i wasnt here|if i wasnt around)|' +
		'(world|earth|everyone|everybody|family|they) ~4 without me (in it|around|here|anymore|alive|existing)|' +
		'(wont|not going to|not gona) be ~4 (much longer|for long|for much longer)|' +
		'(dont|cant|never) (see|imagine|picture) myself ~3 (alive|here|around|living|older|grown up|making it)|' +
		'(wrote|written|write|writing|left|leaving) (a)? (note|notes|letter|letters) ~5 (just in case|incase|in case|goodbye|when im gone|for after|for everyone|for my family)|' +
		'(bridge|tracks|train tracks|roof|cliff|ledge|multi storey|motorway|railway) ~6 (not coming back|never coming back|wont be back|wont come back|goodbye|for good|jump|end it)|' +
		'(took|taken|take|swallowed|taking|swallow) ~3 ({NUMBER}|all|loads|a load|handful|lots) ~2 (pills|tablets|paracetamol|meds|painkillers)|' +
		'(saving|saved|stash*|hoard*|stockpil*|collect*) ~2 (up)? ~2 (my)? (pills|tablets|meds|paracetamol|painkillers)|' +
		'how many (pills|tablets|paracetamol|painkillers) ~3 (take|kil|it would|to)',
	/** Distress that is worrying but ambiguous: medium. */
	SH_LOW:
		'hate myself|hate being me|want to disappear|wish i could disappear|empty inside|feel (so)? (empty|numb|hopeless|worthless)|' +
		'im worthless|i am worthless|cant cope|dark thoughts|dark place|falling apart|given up|no point anymore|whats the point anymore',
	/** Things done to me by someone (physical). */
	HIT_ME:
		'(grab*|chok*|strangl*|throttl*|punch*|kick*|slap*|hit|hits|hitting|beat*|batter*|whack*|thump*|smack*|belt*|whip*|' +
		'stamp* on|drag*|threw|throw*|shov*|pin*|pinned|bit|bites|headbut*|spat at) (me|my)',
	/** Sexual contact done to me. */
	TOUCH_ME:
		'touch* me|touched me|touching me|feel* me up|grop*|touch* my (body|private*|bum|chest|boobs|legs|thigh*|privates)|' +
		'(comes|came|creeps|gets|got|sneaks) (in|into) my (bed|room) ~2 (at night|when|and)|makes me touch|made me touch|' +
		'(hand|hands) (up|down|in|inside|under|on) my (top|skirt|shorts|trousers|pants|knickers|bra|shirt|clothes|pyjamas|leg|thigh|bum)|' +
		'(makes|made|make|forced|forces|force) me (do|have) (stuff|things|sex|sexual)',
	CARER_SUBJ:
		'he|she|they|dad|mum|stepdad|stepmum|uncle|auntie|aunt|carer|carers|foster carer|foster mum|foster dad|grandad|nan|cousin|brother|sister|' +
		'boyfriend|fella|partner|staff|worker|man|someone|somebody',
	/** Marks of harm on me. */
	MARKS: 'bruise*|black eye|bust lip|burn marks|welts|marks on',
	/** Emotional abuse: what a carer says to me. */
	PUT_DOWN:
		'(calls|called|call|calling) me (a|an)? (waste*|useless|worthless|mistake|stupid|fat|ugly|disgusting|pathetic|nothing|burden|slag|slut)|' +
		'wish* (i|id) (was|were|had)? never (born|had)|never wanted me|(if|wish*) ~2 (i|id|i had|i was) (never|not) been born|tells me (im|i am|i was) (useless|worthless|nothing|a mistake|a waste)',
	/** Neglect. */
	NEGLECT:
		'no food|never any food|nothing to eat|not fed|never fed|(hasnt|havent|not|never) been home|left (me|us) (alone|on my own|on our own)|' +
		'home alone|(havent|hasnt|hadnt|not) (had|got) (any)? (food|tea|dinner|anything to eat)|empty cupboards|' +
		'(no|any) food in the (house|cupboards|cupboard|fridge)',
	/** Being locked in or out. */
	LOCKED: '(lock*|shut*) me (in|out)|locks me|locked me',
	/** Sexual images of me. */
	PICS_OF_ME:
		'nudes|naked|nude|topless|private (pics|pictures|photos|videos|vids)|(pictures|photos|videos|vids|picture) of me|' +
		'my (pictures|photos|videos|vids|nudes)',
	/** Sexual images (any request for them is a concern). */
	NUDES: 'nudes|naked|nude|topless|private (pics|pictures|photos|videos|vids)|sexy (pics|pictures|photos)',
	/** Coercion around images of me. */
	PICS_THREAT:
		'post|posting|leak*|spread|everyone|whole school|whole year|unless|or else|if i dont|money|pay|screenshot*|blackmail*|expose|show everyone',
	/** Asking for images. */
	PICS_ASK: 'send|sending|sent|share|sharing|asking|asks|wants|keeps|more|post|leak*|everyone|unless|or else|money|pay|screenshot*',
	/** Secrecy. */
	SECRET:
		'(delete|deleted|deleting|clear) ~2 (our|the|my|his|all)? (chats|chat|messages|texts|convo|conversation|dms|snaps)|' +
		'(keep|keeps|kept) (it|this|us|everything) (a)? secret|our (little)? secret|its a secret|' +
		'(cant|not|never|mustnt|wont let me) (tell|telling|told) ~3 (anyone|anybody|no one|nobody|carer|carers|social worker|worker|sw|mum|dad|teacher|staff)|' +
		'not allowed to tell|told me not to tell|says i cant tell',
	/** Someone who may be exploiting a young person. */
	EXPLOITER:
		'older|man|men|guy|bloke|stranger|grown|adult|{ADULT_AGE}|online|insta|snap|snapchat|tiktok|discord|app|uncle|olders|elders',
	/** Debt and paying back. */
	OWE:
		'owe|owes|owed|owing|debt|pay (it|him|them)? back|paying (it|him|them)? back|paid (it|him|them)? back|work* it off|working off|in return',
	/** Criminal exploitation work. */
	CRIME_WORK:
		'(run*|ran|carry*|carried|deliver*|drop*|hold*|held|hide|hiding|stash*|move*|moving|bring*|take|taking|took) ~2 ' +
		'(bags|packages|parcels|packs|food|gear|drugs|a line|lines|county|the line)|trap house|trap phone|in the trap|at the trap|' +
		'trapping|county lines|county line|cuckoo*|shotting|plug|olders|elders|line phone|work phone|burner|' +
		'(sell*|deal*|sold|run*) (for them|for him|for the olders|for my olders)',
	/** Going missing. */
	MISSING:
		'run away|running away|ran away|runaway|run off|ran off|running off|do one|doing one|did one|leg it|legging it|' +
		'not going back|not coming back|never going back|never coming back|wont go back|wont be going back|not going home|cant go home|' +
		'cant face going home|dont want to go home|sleep* (rough|outside|on the street|on the streets|in the park|in a park|on a bench|in a car|in stairwells)|' +
		'slept (rough|outside|on the street|on the streets|in the park|in a park|on a bench|in a car)|kip* (on|in|at) (the street|the streets|a park|the park|a bench)|' +
		'dont look for me|nobody will find me|no one will find me|dont know where i am|doesnt know where i am|dont know where im|' +
		'not telling anyone where|wont tell anyone where|staying at some|stay at some|packed my bag|packing my bag|on the streets|' +
		'sofa surf*|couch surf*|sofa hop*|nowhere to (sleep|stay|go|live)|no where to (sleep|stay|go)|got nowhere|homeless|kicked out|' +
		'(ran|run|runing|runs|legged it|bolted|did one|done one|escaped|walked out|went awol|gone awol) (from|out of) (the|my) ~1 (unit|home|placement|resi|residential|childrens home|carers|hostel|house|flat|foster*|secure|hospital|ward)|' +
		'(sleep*|slept|kip*|stay*|stayed|crash*) (in|on|at|under) (the|a) (park|bench|bus stop|bus shelter|stairwell|stairs|car park|garage|shed|tent|doorway|station|underpass|bridge|woods|street)',
	/** Weapons, including slang that is only read as a weapon next to WEAPON_USE. */
	WEAPON_ANY: '{WEAPON}|ting|tings|strap|straps|shank|shanks|blade|blades',
	WEAPON_USE:
		'carry*|carried|bring*|brought|keep*|kept|hide*|hid|tuck*|pack*|holding|hold|started carrying|got|gave me|given me|give me|handed me',
	WEAPON_WHY:
		'protection|protect myself|protect me|incase|in case|just in case|on me|in my (bag|coat|pocket|room|sock|jacket|waistband|drawer)|' +
		'under my (bed|pillow|mattress)|for safety|to be safe|if anyone|if they',
	/** Hurting someone else (threat). */
	/** Sport and games: where bruises and "getting shot" are harmless. */
	SPORT:
		'rugby|football|boxing|training|the match|pe|hockey|paintball|netball|sport|cricket|karate|judo|bmx|skating|skatepark|' +
		'trampolin*|laser tag|lasertag|airsoft|nerf|dodgeball|game|fortnite|cod|kickboxing|mma|wrestling|climbing',
	HARM_OTHER:
		'smash|batter|stab|shank|hurt|kil|beat|jump|merk|bang|lamp|deck|knock|slap|punch|kick|glass|bottle|finish|wet|shoot|burn|end',
	OTHER_PERSON: 'him|her|them|his|their|you|your|someone|somebody|everyone|that (guy|lad|girl|kid|man|boy|bloke)|he|she|they',
	/** Violence done to me. */
	VICTIM:
		'(got|get|getting|been|was|were) (jumped|stabbed|mugged|robbed|attacked|beaten up|battered|glassed|slashed|shanked|shot|kicked in|rushed)|' +
		'(stamp*|kick*|punch*|stab*|slash*|batter*) (on|in)? (my|me) (in)? (the)? (head|face|ribs|stomach|body|back|legs|chest|neck)|(rushed|jumped|stabbed|slashed|mugged|robbed|shanked) me|' +
		'(threat*|theyd|theyl|hed|hel|shed|shel|gona|going to|said|saying|says|told me|coming to|wil|wud|would) ~3 (cut|slash|stab|shank|bore|wet|merk|jump|rush|glass|bottle|acid|slice|chef|juke|dip|poke) (up)? (me|my face|my head|my legs|my neck|me up|my face up|my mum|my family|my little brother|my little sister)',
	/** A fall or knock that explains a bruise (never "walked into a door": that is a cover story). */
	FALL:
		'(fell|falling|fall|came|coming|tripped|tripping|slipped|slipping|crashed|crashing|flew) (off|over|down|on|onto|into|from) (my|the|a|his|her)? ~1 ' +
		'(bike|scooter|skateboard|board|horse|pony|trampoline|wall|stairs|steps|ice|pitch|swing|climbing frame|monkey bars|skates|rollerblades|ladder|tree|bunk|bed|kerb|curb|handlebars)',
	/** Harm that was an accident or play. */
	ACCIDENT: 'by accident|accidentally|by mistake|in (his|her|their) sleep|playing|messing about|mucking about|for a laugh|play fighting',
	/** Peer harassment aimed at me. */
	BULLIED:
		'pick* on me|picking on me|push* me (around|over|about)|shov* me|nick* my (lunch|stuff|things|money|bag|phone)|' +
		'steal* my (lunch|stuff|money|things)|laugh* at me|trip* me|spit* on me|ignore* me|leave me out|left me out|' +
		'(talk*|chat*) ~2 (about|behind) me|(rumours|lies) about me|(group chats|groupchats|group chat|gc|pages|page|account|accounts|posts|videos|memes) about me|' +
		'make* fun of me|making fun of me|made fun of me|(take|taking|took|takes) the piss out of me|fake (account*|page*|profile*|acc|accs|insta*|snap*|tiktok*) ~2 (of|about|pretending to be|as) me|' +
		'(pretend*|pretending|posing) (to be|as) me|(messag*|texting|dming|sending) ~3 (my friends|my mates|people|everyone) ~3 (pretending|as me|from a fake)|' +
		'(call|calls|calling|called) me (names|ugly|fat|a)',
	/** Wishing someone dead. */
	YOU_DIE:
		'should die|go die|kil yourself|kil urself|deserve to die|should kil|nobody would care|no one would care|nobody would miss|' +
		'no one would miss|nobody likes you|no one likes you|everyone hates you|do (us|everyone) a favour|if you (died|kiled|disappeared)',
	/** Alcohol as something a young person is doing to cope. */
	ALCOHOL:
		'vodka|alcohol|booze|spirits|cider|whisky|rum|gin|drunk|wasted|stoned|mashed|off my face|off my head|blackout|blacked out|' +
		'cant remember getting home',
	HABIT: 'every|most|all the time|each|before school|to cope|to get through|to sleep|nick*|steal*|again',
	/** Eating disorders. */
	EATING:
		'make myself sick|made myself sick|making myself sick|throw* up after|threw up after|purg*|starv* myself|not eat*|stopped eating|' +
		'stop eating|skip* (meals|food|every meal|all my meals|most meals)|skip* (breakfast|lunch|tea|dinner) ~4 (every|again|most|all week|on purpose|so i|to lose|to be|weight|fat|thin|skinny|calories)|(only|barely|hardly) (had|ate|eaten|eat|eating|eats) ~5 (in|for|all) ~1 (days|day|week|weeks|today)|' +
		'feel (so|really)? fat|so fat|too fat|look fat|im fat|see my ribs|thigh gap|weigh myself|laxatives|' +
		'(count*|counting|track*|tracking|burn* off|under|only|less than|no more than|cut* my|cutting my|restrict*) ~2 calories|calories a day|' +
		'pro ana|thinspo|dont put weight on|scared of putting weight on|scared to gain weight',
	/** Harm to a parent at home. */
	HIT_HER:
		'(hand|hands|arm|arms|fingers) (round|around|on|against|over) (her|mums|my mums|my sisters|my nans) (neck|throat)|' +
		'(hit|hits|hitting|pinned|pins|grab*|chok*|strangl*|push*|shov*|threw|throws|slap*|punch*|kick*|beat*|batter*|hurt*|attack*) ' +
		'(her|mum|my mum|him|my dad|my nan|my sister|my brother)',
	COERCIVE:
		'smash* (mums|her|my mums|dads|his) phone|not allowed out|not allowed to leave|wont let (her|mum|us|me) (out|leave|see|go)|' +
		'controls (her|mum|mums|all the) (money|phone)|(if i|if we) (tell|told|say) ~5 (taken away|put in care|get taken|kil|hurt)|' +
		'(check*|read*|go* through|went through|track*|monitor*|control*|take*|took|hide*|hid|keep*|kept) (all)? (her|mums|my mums|my mum s) (phone|messages|texts|money|bank card*|card*|wages|benefits|keys|passport|location)|' +
		'(she|mum|my mum|her) (cant|can not|cannot|isnt allowed to|not allowed to|never allowed to|daren t|darent|dare not) (go|leave|see|talk|text|wear|spend|have|visit|ring|call) ~4 (without (him|his)|unless he|he says|his permission|him knowing|him checking|him finding out|him going mad)|' +
		'(wont|doesnt|never|will not|does not) let (her|mum|my mum) (have|keep|see|go|out|leave|work|use) ~3 (money|phone|friends|her friends|family|her family|her mum|anywhere|alone|on her own|car|card)',
	RADICAL:
		'fight back against|holy war|race war|wipe (them)? out|get rid of (them|all)|only way to save|save (our|the) (country|race|people|nation)|' +
		'take back (our|the) country|invaders|traitors|martyr*|(kiling|kil) them ~3 (only way|save|deserve)|' +
		'(real|true|proper) (muslims|patriots|believers|christians|englishmen|brits|whites|aryans|englishman) ~2 (should|must|need to|have to|would|will) ~2 (fight|go and fight|go fight|kil|die|join|rise up|take up arms|defend|attack|wage)|' +
		'(go|going|come|travel|join) (and|to) (fight|join the fight) (for|with|alongside|over|out|abroad) ~2 (the|our|my)? ~1 (brothers|cause|ummah|people|faith|religion|race|jihad|there|abroad|country)',
	RADICAL_PULL:
		'sending (them)? money|send (them)? money|join|joined|telegram|videos|make sense|makes sense|theyre right|hes right|recruit*|group|' +
		'(sort*|pay*|paid|book*|arrange*|organis*|cover*) ~2 (the|my|your|ur)? (travel|flights|flight|ticket|tickets|passport|visa)|' +
		'brother online|brothers online|the brothers|ummah|the cause|jihad|syria|abroad|overseas|out there|over there|i should come|come with',
};

const URGENT = ['{TIME}', '{MEANS}'];
const NEGATED = '(not|never|dont|didnt|wont|wouldnt|cant|couldnt|no|nobody|noone|aint|isnt|wasnt|doesnt|stop) ~1';
/** Anything said about a lesson, campaign or show is talk ABOUT a topic, not a disclosure. */
const ABOUT_TOPIC = '{SESSION} ~3 (on|about|for|of) ~6';

/** Benign idioms only the backstop needs (the shared ones in benign.ts also apply). */
export const BACKSTOP_BENIGN: readonly string[] = [
	'(hang|hanging|hung) (out|around|about|on|up|with|the|my|a|some|his|her|our|your|washing|pictures)',
	'(dont want to be here|not be here|rather not be here) ~3 (this|the|in this|at this|at the|in the) ~1 (meeting|lesson|class|party|queue|session|assembly|school|room|shop|match|wedding|trip|rain|cold)',
	'(leg it|legging it|legged it|run off|ran off|running off|do one|did one) (to|for|down|up|round|over|into|across|after) ~1',
	'(cut|cuts|scratched|grazed|burnt|burned) my (arm|arms|leg|legs|hand|finger|knee|thigh|foot|head|wrist|lip|toe) (on|playing|at|falling|when i fell|in pe|in football)',
	'(grab*|get|got|bring*|brought|throw*|threw|bought|pass*) me (a|an|some|one|the|my|his|her|their|it|them)',
	'(beat|beats|beating|battered|thrashed|smashed|destroyed) (me|us|him|her) (at|in) ~2',
	'(kil|murder|strangle|batter) (my|me) ~1 (brother|sister|bro|sis|mum|dad|nan|mate|best mate|friend|cousin|bf|gf|boyfriend|girlfriend|teacher)',
	'(disappear|vanish|hide) (under|into|in) (the|my|a) ~1 (covers|duvet|bed|blanket|hoodie|room|sofa|book|quilt)',
	'(not going back|never going back|wont go back|not coming back|never coming back) (to|in|into) (that|this|the) (cafe|shop|chippy|restaurant|gym|club|dentist|hairdresser|barber|cinema|salon|maccies|mcdonalds|kfc|nandos|greggs|app|game|group chat|hotel|beach)',
	'(run|ran|running|runs) (away|off) with (the|it|a|an|my|his|her|their|first|gold)',
	'(rather die|rather be dead) than',
	'(not|never|dont|didnt) ~2 (want to|going to|gona)? (die|kil myself|hurt myself|self harm)',
	'(owe|owes|owed) ~3 ({NUMBER}|a fiver|a tenner|a quid|money|some money|a favour|an apology|a drink|a pint|a coffee|a lift|lunch|dinner)',
	'(my|his|her|our) (older|big) (brother|sister|cousin|bro|sis)',
	'(chop*|cut*|slic*|peel*|butter*|spread*|cook*|kitchen drawer|veg|vegetables|onion*|bread|cake|dinner|tea|food|fruit|apple|carrots|pizza|steak|sandwich) ~3 (knife|knives)',
	'(knife|knives) ~3 (chop*|cut*|slic*|peel*|for (the|my)? (veg|food|dinner|tea|cooking|cake|bread))',
	'(shot|shots) for the team|one for the team',
	'(burn*|burnt) (myself|my hand|my finger) (on|with) (the|an|a) (oven|iron|kettle|pan|stove|hob|straighteners|curlers|tray)',
	'(bleed*) ~2 (nose|nosebleed|gums|lip)',
	'(hurt|injured|cut|burnt|burned|scratched|bruised) (myself|my ~1) (playing|doing|falling|tripping|skating|climbing|training|at (football|rugby|the gym|gym|training|pe|practice|work)|in (pe|football|rugby|training|the game|the match|the gym|practice)|on (the|a) (trampoline|fence|stairs|bike|ice|pitch|glass|oven|iron))',
	'(nan|grandad|grandma|dog|cat|hamster|fish|uncle|auntie|friend|mate|dad|mum) ~3 (died|passed|passed away)',
	'(can|should|could|do) (i|you|u|we) ~2 (take|have|give) ~2 ({OD_MEANS}) (and|with|or) ~1 ({OD_MEANS}) ~3 (at the same time|together|in the same day|for|if)?',
	'(take|took|taking|had|taken) ~3 ({OD_MEANS}) ~3 (with|after|before) (breakfast|food|my food|dinner|tea|lunch|water|a meal)',
	'({OD_MEANS}) ~4 ((like|as) (the|my) (doctor|gp|nurse|pharmacist|psychiatrist) (said|told|says|tells)|as prescribed|on time)',
	'how (many|much) ~2 ({OD_MEANS}) ~1 (should|can|do|am|could) (i|you|u|we) ~1 (take|have|give) ~3 (for (my|a|the|period|headache|cramps|toothache|migraine|cold|flu|fever|pain)|a day|per day|in a day|every|with food)',
	'skip* (breakfast|lunch|tea|dinner) ~4 (cos|because|as|since|coz|bc) ~3 (late|overslept|slept in|rushing|no time|busy|forgot|wasnt hungry|not hungry|ate late|big|had a|running late|missed the bus)',
	'(kicked|kicks|kick) (me|us)? out (of)? (the|a|my)? ~1 (game|lobby|party|call|chat|group|server|team|class|lesson|shop|club|match)',
	'(sleep*|slept|stay*|stayed|camp*) ~4 (festival|tent|camping|camp|dofe|duke of edinburgh|sleepover|scouts|guides|cadets|trip|holiday)',
	'(no where|nowhere) to (go|sit|put|park|plug) ~2 (in|at|on|for) (the)? ~1 (canteen|lunch|class|bus|train|room|party)',
];

export const BACKSTOP_RULES: readonly RuleSpec[] = [
	{
		id: 'backstop-self-harm',
		category: 'self-harm',
		severity: 'high',
		match: ['{ME} ~4 {SH_NEAR}', '{SH_NEAR} ~4 {ME}', '{SH_SELF}'],
		unless: [ABOUT_TOPIC, '(character|book|film|movie|show|story|song|episode|series|novel|game) ~6 {SH_NEAR}'],
		urgentIf: URGENT,
	},
	{
		id: 'backstop-distress',
		category: 'self-harm',
		severity: 'medium',
		match: ['{SH_LOW}'],
		unless: [ABOUT_TOPIC],
	},
	{
		id: 'backstop-abuse-physical',
		category: 'abuse',
		severity: 'high',
		match: ['{CARER_SUBJ} ~4 {HIT_ME}', '{TOUCH_ME}', '{LOCKED}'],
		unless: [`${NEGATED} {HIT_ME}`, '(hit|hits) me up', '(pin*) me (the|a|your) (location|loc|address)', '{HIT_ME} ~5 {SPORT}', '{SPORT} ~5 {HIT_ME}', '{HIT_ME} ~4 {ACCIDENT}', '{LOCKED} ~4 {ACCIDENT}'],
	},
	{
		id: 'backstop-abuse',
		category: 'abuse',
		severity: 'medium',
		match: ['{ME} ~5 {MARKS}', '{MARKS} ~5 {ME}', '{PUT_DOWN}', '{WE_ME} ~6 {NEGLECT}', '{NEGLECT} ~6 {WE_ME}'],
		unless: [
			ABOUT_TOPIC,
			'{MARKS} ~5 {SPORT}',
			'{SPORT} ~8 {MARKS}',
			'{MARKS} ~6 {FALL}',
			'{FALL} ~6 {MARKS}',
			'(forgot|forgotten|left|lost) (my)? ~1 (lunch|dinner money|packed lunch|lunch money|food|dinner|purse|wallet) ~4 (no food|nothing to eat|not had|havent had|hadnt had)',
		],
	},
	{
		id: 'backstop-sexual-images',
		category: 'sexual-exploitation',
		severity: 'high',
		match: ['{PICS_OF_ME} ~6 {PICS_THREAT}', '{PICS_THREAT} ~6 {PICS_OF_ME}', '{NUDES} ~6 {PICS_ASK}', '{PICS_ASK} ~6 {NUDES}', 'screenshot* my {PICS_OF_ME}'],
		unless: [ABOUT_TOPIC],
	},
	{
		id: 'backstop-grooming',
		category: 'sexual-exploitation',
		severity: 'high',
		match: ['{SECRET}', '(give*|gave|given|buy*|bought|get*|got) (me|us) ~2 (vapes|money|cash|weed|drink|alcohol|gifts|presents|phone|trainers|clothes|lifts|a lift)'],
		needs: ['{EXPLOITER}|boyfriend|bf|him|he|then|have to|has to|in return|party|parties|mates|friends'],
		unless: [ABOUT_TOPIC],
	},
	{
		id: 'backstop-sexual-debt',
		category: 'sexual-exploitation',
		severity: 'high',
		match: ['{OWE}', '(have to|had to|made to|make me|makes me|made me|forced me to|forces me to) ~2 (do stuff|do things|sleep with|have sex|go to (parties|his|their)|go with)'],
		needs: ['stuff|things|sex|sleep with|mates|friends|parties|party|pictures|nudes|with him|with them|for him'],
		unless: ['(owe|owes|owed) ~3 ({NUMBER}|a fiver|a tenner|a quid|money|a favour|an apology|lunch|dinner)'],
	},
	{
		id: 'backstop-criminal',
		category: 'criminal-exploitation',
		severity: 'high',
		match: ['{ME} ~6 {CRIME_WORK}', '{CRIME_WORK} ~6 {ME}', '{ME} ~6 {OWE}', '{OWE} ~6 {ME}', '(new|burner|work|second|another) phone ~6 (answer*|whenever|ring|rings)'],
		needs: ['{CRIME_WORK}|olders|elders|robbed|owe|debt|they|them|he|lads|man|men|or else|come for|or they|theyl|hel|find me|hurt'],
		unless: [ABOUT_TOPIC, '(owe|owes|owed) ~3 ({NUMBER}|a fiver|a tenner|a quid|money|a favour|an apology|lunch|dinner|a drink)', '(carry*|carried) ~2 (bags|food) ~3 (for|from) (my|the)? (nan|mum|dad|carer|shop|shopping)'],
	},
	{
		id: 'backstop-missing',
		category: 'missing',
		severity: 'medium',
		match: [
			'{ME} ~5 {MISSING}',
			'{MISSING} ~5 {ME}',
			'dont look for me|nobody will find me|no one will find me',
			'(sleeping|slept|staying|stayed|kipping|kiped|living) ~8 (nobody knows|no one knows|noone knows|carers dont know|carer doesnt know|staff dont know|social worker doesnt know)',
		],
		unless: [ABOUT_TOPIC, '(film|book|show|game|dog|cat) ~4 {MISSING}'],
	},
	{
		id: 'backstop-weapon',
		category: 'weapons',
		severity: 'high',
		match: ['{WEAPON_USE} ~3 {WEAPON_ANY} ~6 {WEAPON_WHY}', '{WEAPON_ANY} ~5 {WEAPON_WHY}', '(carry*|carried|started carrying) ~3 {WEAPON_ANY}'],
		unless: [`${NEGATED} ~2 {WEAPON_ANY}`, ABOUT_TOPIC],
	},
	{
		id: 'backstop-threat',
		category: 'violence',
		severity: 'medium',
		match: ['{ME} ~2 {INTENT} ~2 {HARM_OTHER} ~1 {OTHER_PERSON}', '{ME} ~2 {INTENT} ~2 {HARM_OTHER} ~2 (his|her|their|your) ~1 (face|head|legs)', '{VICTIM}'],
		unless: [`${NEGATED} {INTENT}`, '(smash|kil|beat) (it|the|that|this) (test|exam|game|level|boss|match)', '{VICTIM} ~5 {SPORT}', '{VICTIM} ~4 {ACCIDENT}'],
	},
	{
		id: 'backstop-bullying',
		category: 'bullying',
		severity: 'medium',
		unless: ['left me out of (the|a|our|their) ~3 (team|squad|game|photo|match|side)'],
		match: ['{BULLIED}', '{YOU} ~4 {YOU_DIE}', '(said|saying|says|say|told me|tell me|telling me) ~3 (should|to|go) ~2 (die|kil myself|kil yourself|disappear)'],
	},
	{
		id: 'backstop-substances',
		category: 'drugs',
		severity: 'medium',
		match: ['{ME} ~5 {DRUG}', '{DRUG} ~5 {ME}', '{ME} ~5 {ALCOHOL} ~5 {HABIT}', '{HABIT} ~5 {ALCOHOL} ~5 {ME}', '{ME} ~3 {HABIT} ~3 {ALCOHOL}'],
		unless: [`${NEGATED} ~2 {DRUG}`, ABOUT_TOPIC, '(smoke|smoking) (alarm|detector)', '(a|some|diet|cherry|vanilla|zero|can of|cans of|bottle of|glass of) coke', 'coke (zero|float|can|cans|bottle|bottles)'],
	},
	{
		id: 'backstop-eating',
		category: 'eating',
		severity: 'medium',
		match: ['{EATING}'],
		unless: [ABOUT_TOPIC],
	},
	{
		id: 'backstop-domestic',
		category: 'domestic-abuse',
		severity: 'high',
		match: ['{CARER_SUBJ} ~3 {HIT_HER}', '{COERCIVE}'],
		needs: ['my|mum|dad|home|house|we|us|i|im'],
		unless: [`${NEGATED} {HIT_HER}`, COERCIVE_HELP],
	},
	{
		id: 'backstop-radicalisation',
		category: 'radicalisation',
		severity: 'high',
		match: ['{RADICAL}'],
		needs: ['{RADICAL_PULL}'],
		unless: [ABOUT_TOPIC],
	},
];
