/**
 * Going missing or running away, weapons, threats of violence, and bullying or
 * harassment (including "kill yourself" aimed at someone, which is blocked as
 * well as escalated).
 */
import type { RuleSpec } from './engine.js';

export const MISSING_RULES: readonly RuleSpec[] = [
  {
    id: 'ms-run-away',
    category: 'missing',
    severity: 'medium',
    match: [
      '{I} ~4 (run|running|ran|runs) (away|off) ~3 (tonight|again|and|from|to|forever|for good|this weekend|after school|today|tomorrow|when|if|now)',
      '(ran|run|running|runs) (away|off) from (my|the|home|placement|care|foster|here|there|the home|my carers)',
      '(run*|ran) (away|off) ~7 (not allowed|no one knows|nobody knows|without telling|and not tell*|and not come back|and never come back)',
      '(do|doing|did|done) a runner',
      '(leg it|legging it|leg*ing it|go awol|going awol|gone awol|went awol|abscond*|bolt|bolting|do a bunk|doing a bunk) ~3 (from|tonight|placement|home|the home|and not|for good|this weekend|after|again|later|when)',
      '(dont|do not|no point|dont even) (bother|try|come) (looking|searching) (for me)?',
      '(running away|run away|runaway|leaving|do a runner) ~3 (only|option|way out|choice|answer)',
      '(not|without|dont|wont|never) (tell|telling|asking|letting) ~1 (my)? (carers|carer|staff|foster carers|foster mum|foster dad|social worker|worker|key worker|mum|dad|anyone|nobody) ~6 (stay|staying|sleep|sleeping|tonight|go|going|leave|leaving|where|home)',
      '(stay|staying|sleep|sleeping|go|going|wont be|not be|not going to be) ~6 (and|but)? (not|without|dont|wont|never) (tell|telling|asking|letting) ~1 (my)? (carers|carer|staff|foster carers|foster mum|foster dad|social worker|worker|key worker|anyone|nobody)',
      '(thinking of|thinking about|think about|going to|want to|wanted to|planning to|plan to|planing to|might|about to|ready to) (run*|ran) (away|off)',
    ],
    unless: [
      '(ran|run|running) (away|off) with (the|a|my|his|her) (ball|game|trophy|prize|win|lead|title|show)',
      '(dog|cat|puppy|kitten|horse|rabbit|hamster|pet) ~2 (ran|run|runs|running) (away|off)',
      'ran off (the|my|his|her) (feet|legs)',
      '(run|running|ran) (off|away) (to|at) the (shop|shops|toilet|loo|bus|car|park) ~3',
      'did a runner from (the)? ~1 (restaurant|chippy|cafe|taxi|cab)',
      '(film|book|story|show|episode|series|character|novel|play|song|movie|documentary|soap) ~6 (runs|ran|running|run) (away|off)',
    ],
  },
  {
    id: 'ms-not-going-back',
    category: 'missing',
    severity: 'medium',
    match: [
      '(leaving|leave|left|run*|ran|going|go|pack*|walk*) ~4 (and|n) (not|never) (come|coming|go|going) (back|home)',
      '(im not|i am not|i will not|i wont|im never|i am never|never|not) (going|coming|go|come) back (to)? ~1 (the home|home|my placement|placement|my carers|care|foster*|there|that house|that place)',
      '(not|never) (going|coming|go|come) home (tonight|again|ever|anymore)',
      '(pack*) ~2 (bag|bags|stuff|things|rucksack) ~4 (leave|leaving|go|going|run|tonight|and)',
      '(sleeping|slept|sleep) (rough|on the streets|outside|in the park|on a bench|in a car|on the street|in a stairwell|at a bus stop)',
      '(went|gone|go|going|been|was|were|got reported|reported|report*) missing',
      '(didnt|havent|never|did not|have not|wont|will not) (go|gone|been|went|come) (back|home) ~4 (for|in) ~1 (days|nights|weeks|week|night|weekend|ages)',
      '(havent|have not|not|never|aint) (been|gone|went) (back|home) (to)? ~2 (since|for|in) ~2 (days|nights|weeks|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|the weekend|ages|two days|three days)',
      '(staying|stay|stayed) out (all night|tonight|till morning|overnight|all weekend)',
      '(no one|nobody|noone|they|staff|police) (knows|will know|wont know|will find|will ever find|wont find|cant find|can not find|wont ever find|never find|will never find) (me|where i am|where im going|where i am going|where i went|im gone)',
    ],
    unless: [
      '(cat|dog|pet|phone|keys|bag|wallet|sock|socks|homework|charger|remote|shoe|shoes|hamster|rabbit|parcel|book|ball) ~2 (went|gone|is|was|go|goes) missing',
      'missing (person|persons|poster|posters|piece|link|out|you|home|my|the bus|school|lessons)',
      '(went|gone|go|going|been|was|were) missing (from|in|on|off) (the|a|my|our|this)? ~1 (group chat|groupchat|gc|chat|chats|photo|pic|picture|team|squad|lineup|line up|register|game|list|results|leaderboard|socials|social media|insta|snap|tiktok|internet|server|discord|call|lobby|stream|pictures|photos|group pic)',
      '(went|gone) missing (in action)',
      '(not|never) (going|coming|go|come) back (to)? ~1 there ~2 (again)? ~1 (lol|haha|its|the food|that)',
    ],
  },
  {
    id: 'ms-no-one-knows',
    category: 'missing',
    severity: 'medium',
    match: ['(no one|nobody|noone) (knows|will know|knows where)'],
    needs: ['(leave|leaving|left|going|train|bus|coach|tonight|run|ran|away|off|staying|hide|hiding|disappear)'],
    unless: ['(no one|nobody) knows (the|what|how|why|who|which|answer|anything about)'],
  },
  {
    id: 'ms-left-placement',
    category: 'missing',
    severity: 'medium',
    // Leaving a placement without leave, in care's own words ("ran from the unit", "went awol from resi").
    match: [
      '(ran|run|runing|runs|legged it|leg it|bolted|bolt|did one|done one|escaped|escape|absconded|abscond|walked out|went awol|gone awol|go awol|done a runner|did a runner|climbed out) (off|away)? (from|out of|outta) (the|my|this|that)? ~1 (unit|home|placement|resi|residential|childrens home|carers|carers house|hostel|foster*|secure|secure unit|ward|house|flat|supported accommodation|semi independent)',
      '(awol|absconded|missing) (from|again from) (the|my) ~1 (unit|home|placement|resi|residential|childrens home|hostel|carers)',
    ],
    unless: [
      '(ran|run|walked|escaped) (out of|from) (the|my) (house|flat|home) ~3 (to|for) (the|a|my)? ~1 (bus|shop|shops|school|car|door|post|ice cream van)',
      '(film|book|story|show|episode|series|character|novel|play|song|movie|documentary|soap) ~6 (runs|ran|running|run|escapes|escaped) (away|off)? (from|out of)',
    ],
  },
  {
    id: 'ms-no-fixed-place',
    category: 'missing',
    severity: 'medium',
    // No settled place to sleep: sofa surfing, sleeping rough, a different floor each night.
    match: [
      '(sofa|couch) (surf*|hop*)',
      '(sleep*|slept|stay*|stayed|kip*|crash*|crashing) (on|at|in|under) ~1 (different|random|peoples|mates|friends|strangers|someones|whoevers|any) ~1 (sofas|floors|houses|places|couches|flats|sofa|floor)',
      '(nowhere|no where|no place|noplace|nowhere safe) (to|i can) (sleep|stay|live|go tonight|go)',
      '(sleep*|slept|kip*|stay*|stayed|crash*|crashing|spent the night|spend the night) (in|on|at|under|by) (the|a) (park|bench|bus stop|bus shelter|stairwell|car park|garage|shed|doorway|station|underpass|woods|streets|street|subway|phone box|launderette|playground)',
      '(kicked|chucked|thrown|threw) (me)? out ~4 (nowhere|on the street|streets|sleep|stay|tonight)',
    ],
    unless: [
      '(sleep*|slept|stay*|stayed|camp*|spent the night) ~4 (festival|tent|camping|camp|dofe|duke of edinburgh|sleepover|scouts|guides|cadets|trip|holiday|glastonbury|reading fest)',
      '(nowhere|no where) to (go|sit|put|park|plug|hide) ~2 (in|at|on|for) (the)? ~1 (canteen|lunch|class|bus|train|room|party|game|map)',
      '(nowhere|no where) to (go|sit|stay) (for|on) (the)? ~1 (holiday|holidays|half term|trip)',
    ],
  },
  {
    id: 'ms-disappear',
    category: 'missing',
    severity: 'medium',
    match: ['{I} ~3 ({INTENT}|just|gonna|going to) ~2 (disappear|vanish|go missing|go off grid|leave and not come back)'],
    unless: ['(disappear|vanish|hide) (under|into|in) (my|the) (duvet|covers|blanket|bed|hoodie|room|bedroom|headphones)', '(disappear|vanish) (for a bit|for a while|for an hour|for a minute|lol)'],
  },
];

export const WEAPONS_RULES: readonly RuleSpec[] = [
  {
    id: 'wp-carrying',
    category: 'weapons',
    severity: 'high',
    match: [
      '({WEAPON}) ~3 (on me|in my (bag|pocket|room|coat|jacket|drawer|bedroom|locker|waistband|sock|trackies|school bag)|under my (pillow|bed|mattress)|at home|at mine|for protection|to school|to college|for school|to the park|in case|if anyone|just in case|to sort|to stab|for (him|them|her|someone|anyone)|tomorrow|later)',
      '(carry|carrying|carries|carried|bring|bringing|brought|got|have|has|keep|keeps|kept|hide|hiding|borrow|buy|bought|get|getting|sell*|selling|pull*|pulled|draw*|take|taking|took|sneak*|snuck|sort|sorts|sorting|sorted|source|sourced|cop|copped|copping|tuck*|holding|hold) (a|my|his|her|the|mine|me|their|an|my dads|my brothers|my mums|his dads|a big)? ~1 ({WEAPON})',
      '(everyone|every1|all my mates|my mates|everybody|loads of people|people|half my year) (carry|carries|carrying|is carrying|are carrying|carrys) (now|these days|nowadays|a blade|a knife|knives|blades|round here|on the estate|at my school|at school)',
      '(bat|hammer|bottle|screwdriver|pole|metal bar|crowbar|pipe) ~3 (in case|for protection|if they come|if anyone|just in case|to sort)',
      '(showed|shown|show|showing|flashed|pulled) (me|us) (a|his|their|the|her) ~1 ({WEAPON})',
      '({I}|to|stay|staying|go|going|come|came|always|he is|hes|theyre|they are|everyone is|were) ~1 strapped',
    ],
    unless: [
      '(knife|knives|fork|cutlery) (and fork|and spoon|skills|crime|workshop|session|amnesty|awareness|class|bin|drawer in the kitchen|block)',
      '(butter|bread|cheese|steak|plastic|pizza) (knife|knives)',
      '(water|nerf|toy|glue|bb|paintball|laser|hot glue|staple|spud|bubble|super soaker) (gun|guns)',
      '(gun|guns) (show|game|emoji|shaped)',
      '(strap|straps) (on|for) (my|the|his|her) ~1 (bag|watch|phone|guitar|camera|helmet)',
      '(guitar|bag|watch|camera|phone|helmet|backpack|bra|shoulder|chin|wrist|ankle|shoe|sandal) strap*',
      'strapped (for|in|into|up|down|to) ~2',
      '(cake|bread|butter|cheese|pizza|steak|fish|palette|craft|plastic|dinner|fruit|carving|kitchen|chefs|table|paper|putty|pen|vegetable|veg) (knife|knives)',
      '(bake sale|baking|bake off|cooking|cook|food tech|food technology|picnic|birthday|cake|art|craft|crafts|woodwork|dt) ~6 (knife|knives)',
      '(cricket|baseball|rounders|ping pong|table tennis|softball) (bat|bats)',
      '(got|have) a (bat|racket) (for|at) (cricket|rounders|baseball|training|pe)',
      '(learnt|learned|talked|talking|heard|session|lesson|workshop|talk) (about|on) ~3 (knife|knives|gun|guns|weapons|blades|carrying)',
      'knife crime',
      'acid (reflux|test|rain|house|attack awareness)',
      'carry on',
      '(in|at|on) (the|a) (game|fortnite|cod|minecraft|gta|roblox|film|movie)',
      '(got|have|get|getting|bought|buy) (a|the|my|an|his|her)? ~1 (new)? (gun|guns|knife|blade|shank|strap) (skin|skins|in (the)? (game|fortnite|cod|gta|roblox|minecraft|warzone))',
    ],
  },
];

export const WEAPON_CONTEXT_RULES: readonly RuleSpec[] = [
  {
    id: 'wp-slang',
    category: 'weapons',
    severity: 'high',
    // Street words that only mean a weapon next to getting one and a feud ("sort me a ting if the opps pull up").
    match: ['(sort*|get|got|gets|getting|cop*|buy|bought|borrow*|hold*|carry*|tuck*|pull* out|bring*|brought|have|has|keep*|kept) (me|us|him|them)? ~1 (a|the|my|his|their|one|another)? (ting|tings|strap|straps|piece|shotty|shotgun|nine|9mm|matic|spinner|wap)'],
    needs: ['(opps|opp|the ops|them ops|our ops|my ops|pull* up|pulling up|slide|sliding|slid|beef|on sight|strapped|loaded|bullets|shells|rounds|protection|on me|ends|postcode|smoke|war|ride out|rideout|drill)'],
    unless: ['(piece|nine|matic) of ~2', 'pull up (to|at|for) (the)? ~1 (party|function|shop|maccies|mine|yours|school|ends)'],
  },
  {
    id: 'wp-mine-on-me',
    category: 'weapons',
    severity: 'high',
    match: ['(got|have) mine on me', '(got|have|carry|carrying|keep) (one|it) on me (at all times|always|everywhere|for protection|just in case|24 7)'],
    needs: ['(carry|carries|carrying|blade|knife|shank|strap|gun|protection|weapon)'],
  },
];

export const VIOLENCE_RULES: readonly RuleSpec[] = [
  {
    id: 'vi-threat',
    category: 'violence',
    severity: 'medium',
    match: [
      'jump (him|her|them|you|that kid|that boy|that girl) ~3 (after|when|outside|tomorrow|tonight|later|at)',
      '(watch|see) me (stab|shank|batter|punch|smash|hurt|kill|slap|knock out|glass|bottle|wet|bore|jump|deck|burst) (him|her|them|you|that)',
      'knock (him|her|them|you|ur|his|their) (out|spark out|teeth out|head off)',
      '(ride|riding|rode|slide|sliding|slid|spin|spinning|spun) (out|on|through|thru|up on)? ~2 (opps|opp|the opps|their block|their ends)',
      '(catch|caught|catching|cop|copped) (him|her|them|you|that boy|an opp|the opp|opps) (lacking|slipping|on his own|on their own|alone)',
      '(going to|gonna|wil|il|will|about to|want to|swear|finna|gon|im going to|imma|ima) ~2 (wet|wetting|bore|dip|dipping|splash|poke|juke|ching|chinging|nank|ping|cheff|drill|back out on|pull up on) (him|her|them|you|that boy|that guy|the opps|an opp|opps|up)',
      '(going to|gonna|wil|il|will|about to|want to|swear|swear down|gona|ready to|finna|gon|im going to|imma|ima|mean to|could|might|would) ~3 (kill|stab|shoot|batter|smash|punch|beat|hurt|slap|glass|shank|merk|murk|burn|bottle|deck|break|strangle|choke|cut|acid|run over|attack|end|wipe|boot|leather|bang up|slice|bury) ~4 (him|her|them|you|his|their|anyone|everyone|someone|somebody|that (teacher|guy|girl|kid|boy|lad|man|woman|bitch|prick|dickhead|idiot|cow|snitch|grass|brother|sister|kid)|my (dad|mum|brother|sister|carer|carers|foster|teacher|stepdad|stepmum|social worker|worker)|the (teacher|staff|head|headteacher|kid|boy|girl)|ur|your|you)',
      '(next time|when|if|wait till|wait until|once) (i|we) (see|catch|get|find) (him|her|them|you|that) ~3 (hes|shes|theyre|youre|your|he is|she is|you are|they are|ur|its) (dead|getting it|done|finished|getting battered|getting stabbed|getting shanked|getting merked|a dead man|getting jumped)',
      '({I}) ~2 (want|wish|hope) (him|her|them|you) ~1 (dead|to die)',
      '(break|breaking|smash|smashing|bust|busting|crack|cracking|cave in|caving in|kick in|kicking in|stamp on|stamping on|burst|bursting|split|splitting|knock out|knocking out|rearrange|rearranging) (his|her|their|your|ur|ya|that kids|that guys|that girls|them|him) ~1 (jaw|jaws|nose|face|face in|head|head in|heads|skull|teeth|ribs|kneecaps|legs|neck|lip|eye socket|fingers)',
      '(cave|caving|kick|kicking|smash|smashing|bash|bashing|punch|punching|stamp|stamping) (his|her|their|your|ur|ya|that kids|that guys) (head|face|teeth|skull|jaw) in',
      '(opps|the ops|them ops|our ops|my ops) ~4 (pull* up|pulling up|slide|sliding|slid|keep coming|coming through|on sight|lacking|catch*|ride|riding)',
      '(pull*|pulling|pulled|slide|sliding|slid|ride|riding) (up)? (on|to) (the|them|their|that) ~1 (opps|ops|ends|block|estate)',
    ],
    unless: [
      '(kill|smash|batter|beat|destroy|murder|hammer|bang) (it|this|that|the|my|your|ur|his|her|them)? ~1 (test|exam|exams|game|match|quiz|interview|audition|performance|show|gym|workout|level|boss|homework|driving test|presentation|song|beat|tune|track|competition|race)',
      '(kill|beat|batter|smash|destroy|hammer|thrash|murder|wreck|end|bury) (you|u|him|her|them|everyone|ur|your) ~2 (at|in|on) (fifa|fortnite|cod|warzone|the game|chess|pool|football|ping pong|the quiz|the race|mario kart|smash bros|minecraft|roblox|apex|valorant|darts|table tennis|rounders|xbox|ps5|tekken)',
      '(kill|murder) (for|a) ~2 (pizza|kebab|burger|chips|maccies|mcdonalds|kfc|nandos|greggs|cup of tea|brew|drink|lie in|nap|sleep|holiday)',
      '(mum|dad|nan|carer|carers|teacher|she|he|they|my mum|my dad) (will|is going to|gonna|going to|wil|il) (kill|murder) me',
      '(would|will|wil|could|going to|gonna|might) (never|not|no way) ~2',
      '(kill|murder|strangle|batter) (my|him|her) ~1 (brother|sister|bro|sis|mate|best mate|bestie|cousin|mum|dad)? ~4 (he|she|they|cos|because|for) ~2 (ate|took|stole|broke|nicked|used|borrowed|ruined|spoiled|told|finished|drank|wore)',
      // a trivial household cause: "kill my brother if he eats my last yogurt"
      '(kill|murder|strangle|batter|throttle) (my|him|her|them|you|u) ~1 (brother|sister|bro|sis|mate|best mate|bestie|cousin|mum|dad|flatmate|roommate|twin)? ~2 (if|when|once|the next time|next time) (he|she|they|you|u|it)? ~1 (eat*|ate|take*|took|steal*|stole|break*|broke|nick*|use*|used|borrow*|ruin*|spoil*|finish*|drink*|drank|wear*|wore|touch*|mov*|hog*|chang*|unplug*|delet*|read*|spoil*|lose|lost|sit*|sat|pinch*|spill*|spilt|hid*|hide*) ~3 (my|the|our|his|her)? ~1 (last|food|yogurt|yoghurt|crisps|chocolate|biscuits|sweets|pizza|chips|drink|charger|hoodie|clothes|makeup|controller|xbox|ps5|phone|remote|seat|spot|stuff|things|snacks|cereal|milk|juice|game|save|room|bed)?',
      '(cut|do|dye|brush|straighten|braid|burn) (his|her|their|your|ur|my) (hair|fringe|nails|hair for)',
      'cut (him|her|them|you|u) (off|some slack|out|in)',
      'break (the news|it to)',
      '(shoot|shot) (you|u|him|her|them|me) (a|an|the) (message|text|msg|dm|email|link|pic)',
      '(beat|smash|break) (your|his|her|their|my|the|ur) (score|record|time|high score|pb|best)',
      'burn (you|him|her|them) (a|some) ~1 (cd|copy)',
      '(hurt|hurting) (his|her|their|your|ur) (feelings)',
      '(break|broke) (his|her|their|your) (heart|record|phone screen)',
      '(youll|ull|you will|youre going to|careful|nearly|almost|dont) (break|crack|bust|smash|split) (your|ur|his|her) ~1 (neck|head|leg|legs|face|teeth|nose|lip)',
      '(break|breaking|smash|smashing|crack|cracking|bust|busting) (his|her|their|your|ur|them|him) ~1 (face|head|jaw|nose|skull|legs|teeth) ~3 (in|at|on) (the)? ~1 (game|fortnite|gta|fifa|ufc|wwe|mma|boxing|tekken|film|movie|cartoon|animation)',
      '(dentist|doctor|surgeon|nurse|orthodontist|brace|braces) ~6',
      '(opps|ops) ~3 (in|on) (the)? ~1 (fortnite|cod|game|gta|warzone|apex|roblox|minecraft|valorant|lobby|server|map)',
    ],
  },
  {
    id: 'vi-serious-harm',
    category: 'violence',
    severity: 'high',
    // A threat of serious injury: "put him in hospital", "gonna do him proper".
    match: [
      '({I}|gonna|going to|wil|il|swear|about to|finna|ima|imma|want to|next time) ~4 (put|putting|send|sending|land|landing) (him|her|them|you|u|that (guy|lad|kid|boy|girl|man)|someone) (in|into) (hospital|a and e|intensive care|icu|a wheelchair|a coffin|the ground|the grave|a box|a body bag)',
      '(gonna|going to|wil|il|swear|about to|finna|ima|imma|want to|im going to|im gona|gon) ~2 do (him|her|them|you|u|that (guy|lad|kid|boy|girl|man)) (proper|properly|in|over|bad|dirty|like)',
    ],
    unless: [
      '(would|will|wil|could|going to|gonna|might) (never|not|no way) ~2',
      '(do|doing) (him|her|them|you|u) ~1 (proper|properly|bad|dirty) ~3 (in|at|on) (fifa|fortnite|cod|warzone|the game|chess|pool|football|the final|the match|mario kart|tekken|ufc)',
      '(do|doing) (her|his|their|your|ur) (hair|nails|makeup|eyebrows|lashes)',
    ],
  },
  {
    id: 'vi-threat-to-me',
    category: 'violence',
    severity: 'medium',
    // Threats made to me: "know where i live and gonna do me in", "said im next".
    match: [
      '(know|knows|found out|find out|found|got|have|worked out) (where i live|where i stay|where im staying|my address|where my (mum|family|nan|carers) (live|lives)|what school i go to|where i go to school|which school i go to)',
      '(gona|going to|wil|coming to|theyd|theyl|hel|hed|shel|shed|said theyd|wants to|want to|gonna|are going to|is going to) ~2 do (me|us|my mum|my brother|my sister) (in|over|proper|properly)',
      '(said|saying|says|told me|telling me|texted|messaged|threatened|threatening) ~2 (that)? (im|i am|your|youre|ur|you are|me) next',
    ],
    needs: ['(threat*|gona|going to|coming|come for|watch|better|or else|said|saying|says|told|messages|messaged|texts|snap|dms|keep|next|do me|jumped|stabbed|hospital|beat|batter)'],
    unless: [
      '(im|i am|your|youre|ur|you are|me) next (in|to|up|on|for|turn|at|go|after)',
      '(know|knows|found out) where i live ~4 (parcel|delivery|pizza|uber|taxi|postman|invite|party|christmas card|birthday)',
    ],
  },
  {
    id: 'vi-witnessed',
    category: 'violence',
    severity: 'medium',
    // Serious violence to someone I know: "jumped my mate and stamped on his head, hes in hospital".
    match: [
      '(stamp*|kick*|jump*|stab*|slash*|batter*|glass*|bottl*|knock* out|shank*) (on)? (his|her|their|my mates|my friends|someones|me) ~1 (head|face|neck|chest)? ~8 (hospital|a and e|ambulance|bleeding|unconscious|knocked out|police|coma|stitches|intensive care|next)',
      '(jumped|stabbed|slashed|battered|glassed|shanked|rushed|attacked) (my|our) (mate|mates|friend|friends|brother|sister|cousin|boyfriend|bf|girlfriend|gf)',
    ],
    unless: ['{SESSION} ~4', '(in|on) (the)? ~1 (game|fortnite|cod|gta|film|movie|show|episode)'],
  },
  {
    id: 'vi-mass',
    category: 'violence',
    severity: 'high',
    match: [
      '(shoot|stab|bomb|blow up|kill|attack|burn down|set fire to) (up)? ~1 (everyone|people|everybody|the whole|all of them) ~2 (at|in)? ~1 (school|college|the school|the hub|the home|class|church|mosque|the centre)?',
      '(shoot|bomb|blow) up (the|my) (school|college|hub|home|centre|church|mosque)',
      '(burn|burnt|set fire to) (his|her|their|the) (house|car|flat|school) ~1 (down)?',
    ],
    needs: ['({I}|going to|gonna|want to|will|wil|il|gona|plan*|swear|wish i could)'],
    unless: ['(in|at|on) (the|a) (game|fortnite|cod|minecraft|gta|roblox|film|movie)', 'the (game|film|movie|show) (where|when)'],
  },
];

export const BULLYING_RULES: readonly RuleSpec[] = [
  {
    id: 'al-aimed-insult',
    category: 'abusive-language',
    severity: 'low',
    action: 'block',
    escalate: false,
    // Mild British insults the swear-word list does not hold, only when aimed at someone
    // ("you absolute muppet"); "im such a muppet" and "the muppet show" stay quiet.
    match: ['(you|u|ya|youre|ur|shut up|oi|stop being) (an|a|such a|absolute|total|complete|proper|massive|utter|fucking|bloody|little|big|fat|stupid|absolute fucking)? ~1 (muppet|muppets|numpty|numpties|plonker|plonkers|pillock|pillocks|prat|prats|melt|melts|wasteman|bellend|div)'],
    unless: ['(muppet|muppets) (show|movie|film|babies|christmas|treasure|most wanted)'],
  },
  {
    id: 'bl-persistent',
    category: 'bullying',
    severity: 'medium',
    // Name-calling or messages that never stop, with a sign it is unwanted.
    match: [
      '(they|people|everyone|everybody|kids|girls|boys|lads|the others|my year|my class|my form|the group|someone|somebody) ~3 (call|calls|calling|shout|shouts|shouting|message|messages|messaging|text|texts|post|posts|posting) (me|at me|about me)? ~4 (every day|every single day|everyday|all the time|constantly|non stop|daily|every lesson|every break|every night|every time i|whenever i)',
    ],
    needs: ['(found out|because im|cos im|coz im|since im|in care|care kid|foster|laugh*|mock*|bully*|bullied|picking|wont stop|dont stop|hate|cry|crying|upset|horrible|nasty|names|reject|fake|rumours|about me|of me|spreading|threat*|scared)'],
    unless: ['(mates|friends|bestie|nan|mum|dad|family|coach|teacher|sir|miss|grandad|boyfriend|girlfriend|bf|gf) ~3 (call|calls|calling|message|messages|text|texts)'],
  },
  {
    id: 'bl-kill-yourself',
    category: 'bullying',
    severity: 'medium',
    action: 'block',
    match: [
      '(kill|hang|drown|stab|shoot|poison|unaliv*|neck|end) (yourself|yourselves|urself|your self)',
      'go (die|and die|die in a hole|hang yourself|jump off ~3 (bridge|cliff|building|roof)|drown|jump in front of ~3|neck yourself)',
      '(you|u|youre|ur|your) ~3 (should|need to|needs to|ought to|deserve to|better|gotta|got to|can|could|should just|should go) ~2 (die|be dead|kill yourself|disappear|not exist|go die|drop dead|rot)',
      '(no one|nobody|noone) (would|will|wud)? ~1 (miss|care about|notice|cry for|care if) (you|u) ~3',
      'if (you|u) (died|were dead|was dead|disappeared|killed yourself|killed urself)',
      '(the world|everyone) (would be|is) better (off)? without (you|u)',
      'drop dead',
    ],
    unless: [
      'drop dead (gorgeous|beautiful|fit)','(dont|do not|never|please dont) (kill|hurt|hang) (yourself|urself)', 'go (die|hang) ~2 (in|on) (the)? (game|fortnite|cod)'],
  },
  {
    id: 'bl-nobody-likes-you',
    category: 'bullying',
    severity: 'low',
    action: 'block',
    match: [
      '(no one|nobody|noone|everyone|every1|everybody) (likes|loves|wants|hates|cares about|can stand) (you|u)',
      '(you|u|youre|ur|you are) (a|such a|an)? ~1 (waste of space|waste of oxygen|worthless|pathetic|a nobody|unlovable|disgusting|freak|a freak)',
    ],
    unless: ['(everyone|everybody) (loves|likes) (you|u) ~2'],
  },
  {
    id: 'bl-told-to-self-harm',
    category: 'bullying',
    severity: 'medium',
    match: [
      '(telling|told|tell|tells|said|say|says|saying|messages saying|message saying|calling) (me)? ~1 (to|i should|that i should|i need to|i ought to|me to|i deserve to|i must) ~2 (kill myself|kill my self|hang myself|die|go die|cut myself|drown myself|end it|unalive myself|jump off)',
      '(telling|told|tell|tells|said|say|says|saying) me (to)? kill myself',
    ],
  },
  {
    id: 'bl-disclosure',
    category: 'bullying',
    severity: 'medium',
    match: [
      '(getting|being|been|get|got|was|im|am) (bullied|picked on|ganged up on|left out|targeted|trolled|harassed)',
      '(bully|bullies|bullying|bullied) (me|us)',
      '(calls|calling|call|called) me (a|an)? ~1 (smelly|fat|ugly|care kid|tramp|freak|loser|weirdo|slag|gay|retard|nonce|scrounger|orphan|unwanted|dirty|poor|stinky|paedo|rat|grass|snitch|minger|mong|spaz|reject|rejects|charity case|foster kid|foster child|social services kid|stray|dumped|unloved|beggar|skank|sket|whore|pig|fatty|fatso|lardo|goblin|terrorist|bomber|pikey|gypsy|tranny|lesbo|emo|psycho|schizo|nutter|crackhead|junkie|smackhead|druggie|bastard)',
      '(calling me|call me|called me) (names|fat|ugly|a freak|freak|gay|a slag|a slut|a loser|loser|weird|a weirdo|poor|a tramp|smelly|a care kid|care kid|a retard|retard|a nonce|thick|stupid|dumb)',
      '(keep|keeps|kept|always|constantly|every day|all the time|still|they) ~2 (picking on me|pick on me|bullying me|bully me|laughing at me|laugh at me|pushing me|push me|hitting me|spreading rumours|spread rumours|taking my stuff|take my stuff|ganging up|leaving me out|ignoring me|making fun of me|mocking me|threatening me|following me|spitting at me|tripping me)',
      '(laugh*|laughed) at me',
      '(post*|posted|sharing|shared|share|spreading|spread) ~3 (pics|pictures|photos|videos|stuff|things|rumours|lies|screenshots|memes|video|picture|photo|pic|clip|vid) (of|about) me',
      'fake (account*|acc|accs|page*|profile*|insta*|snap*|tiktok*) ~4 (bully|about me|of me|to|pretending|as me)',
      '(pretend*|pretending|posing|posed) (to be|as) me ~4 (messag*|texting|dming|sending|talking|posting|online|snap|insta|tiktok|my friends|my mates|people|everyone)',
      '(spread*|spreading) (rumours|lies|stuff) about me',
      '(rating|rate|ranking|rank|rates|rated) ~4 (people|girls|boys|kids|us|everyone|care kids) ~8 (put me|me on|include me|and me|about me|on it)',
      '(slag*|slagging|slagged|dissing|diss|mugging|mugged|mug) (me|us) (off)?',
      '(group chat|groupchat|gc|chat|page|account|video|tiktok) ~4 (about me|to slag me|to bully me|to make fun of me|to take the piss|to mock me|to laugh at me|to rate me)',
      '(everyone|every1|everybody|people|they|the girls|the boys|the kids) ~3 (at school|in my year|in my class|in my form|in my group)? ~1 (hate|hates) me',
      '(picking|picked|pick) on me',
      '(take|taking|took|steal|stole|stealing) my (lunch money|money|phone|stuff|things|bag|dinner money) ~3 (every day|again|all the time|at school)',
      '(beat|beats|beating|batter|jump|jumped|attack*) (me|us) (up)? ~3 (at school|after school|on the way home|in the park|outside school|in the toilets)',
    ],
    unless: ['(we|they|you) (all)? laugh* at me (and|cos|because) (my|i) ~2 (joke|jokes|funny|dance|dancing)', 'laugh* at me (dancing|singing|joke|jokes)'],
  },
];
