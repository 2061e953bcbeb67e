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
      '(carry|carrying|carries|carried|bring|bringing|brought|got|have|has|keep|keeps|kept|hide|hiding|borrow|buy|bought|get|getting|sell*|selling|pull*|pulled|draw*|take|taking|took|sneak*|snuck) (a|my|his|her|the|mine|me|their|an|my dads|my brothers|my mums|his dads|a big)? ~1 ({WEAPON})',
      '(everyone|every1|all my mates|my mates|everybody|loads of people|people|half my year) (carry|carries|carrying|is carrying|are carrying|carrys) (now|these days|nowadays|a blade|a knife|knives|blades|round here|on the estate|at my school|at school)',
      '(bat|hammer|bottle|screwdriver|pole|metal bar|crowbar|pipe) ~3 (in case|for protection|if they come|if anyone|just in case|to sort)',
      '(showed|shown|show|showing|flashed|pulled) (me|us) (a|his|their|the|her) ~1 ({WEAPON})',
    ],
    unless: [
      '(knife|knives|fork|cutlery) (and fork|and spoon|skills|crime|workshop|session|amnesty|awareness|class|bin|drawer in the kitchen|block)',
      '(butter|bread|cheese|steak|plastic|pizza) (knife|knives)',
      '(water|nerf|toy|glue|bb|paintball|laser|hot glue|staple|spud|bubble|super soaker) (gun|guns)',
      '(gun|guns) (show|game|emoji|shaped)',
      '(strap|straps) (on|for) (my|the|his|her) ~1 (bag|watch|phone|guitar|camera|helmet)',
      '(guitar|bag|watch|camera|phone|helmet|backpack) strap*',
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
    ],
    unless: [
      '(kill|smash|batter|beat|destroy|murder|hammer|bang) (it|this|that|the|my|your|ur|his|her|them)? ~1 (test|exam|exams|game|match|quiz|interview|audition|performance|show|gym|workout|level|boss|homework|driving test|presentation|song|beat|tune|track|competition|race)',
      '(kill|beat|batter|smash|destroy|hammer|thrash|murder|wreck|end|bury) (you|u|him|her|them|everyone|ur|your) ~2 (at|in|on) (fifa|fortnite|cod|warzone|the game|chess|pool|football|ping pong|the quiz|the race|mario kart|smash bros|minecraft|roblox|apex|valorant|darts|table tennis|rounders|xbox|ps5|tekken)',
      '(kill|murder) (for|a) ~2 (pizza|kebab|burger|chips|maccies|mcdonalds|kfc|nandos|greggs|cup of tea|brew|drink|lie in|nap|sleep|holiday)',
      '(mum|dad|nan|carer|carers|teacher|she|he|they|my mum|my dad) (will|is going to|gonna|going to|wil|il) (kill|murder) me',
      '(would|will|wil|could|going to|gonna|might) (never|not|no way) ~2',
      '(kill|murder|strangle|batter) (my|him|her) ~1 (brother|sister|bro|sis|mate|best mate|bestie|cousin|mum|dad)? ~4 (he|she|they|cos|because|for) ~2 (ate|took|stole|broke|nicked|used|borrowed|ruined|spoiled|told|finished|drank|wore)',
      '(cut|do|dye|brush|straighten|braid|burn) (his|her|their|your|ur|my) (hair|fringe|nails|hair for)',
      'cut (him|her|them|you|u) (off|some slack|out|in)',
      'break (the news|it to)',
      '(shoot|shot) (you|u|him|her|them|me) (a|an|the) (message|text|msg|dm|email|link|pic)',
      '(beat|smash|break) (your|his|her|their|my|the|ur) (score|record|time|high score|pb|best)',
      'burn (you|him|her|them) (a|some) ~1 (cd|copy)',
      '(hurt|hurting) (his|her|their|your|ur) (feelings)',
      '(break|broke) (his|her|their|your) (heart|record|phone screen)',
    ],
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
    id: 'bl-kill-yourself',
    category: 'bullying',
    severity: 'medium',
    action: 'block',
    match: [
      '(kill|hang|drown|stab|shoot|poison|unalive|neck|end) (yourself|yourselves|urself|your self)',
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
      '(calls|calling|call|called) me (a|an)? ~1 (smelly|fat|ugly|care kid|tramp|freak|loser|weirdo|slag|gay|retard|nonce|scrounger|orphan|unwanted|dirty|poor|stinky|paedo|rat|grass|snitch|minger|mong|spaz)',
      '(calling me|call me|called me) (names|fat|ugly|a freak|freak|gay|a slag|a slut|a loser|loser|weird|a weirdo|poor|a tramp|smelly|a care kid|care kid|a retard|retard|a nonce|thick|stupid|dumb)',
      '(keep|keeps|kept|always|constantly|every day|all the time|still|they) ~2 (picking on me|pick on me|bullying me|bully me|laughing at me|laugh at me|pushing me|push me|hitting me|spreading rumours|spread rumours|taking my stuff|take my stuff|ganging up|leaving me out|ignoring me|making fun of me|mocking me|threatening me|following me|spitting at me|tripping me)',
      '(laugh*|laughed) at me',
      '(post*|posted|sharing|shared|share|spreading|spread) ~3 (pics|pictures|photos|videos|stuff|things|rumours|lies|screenshots|memes|video|picture|photo|pic|clip|vid) (of|about) me',
      'fake (account|acc|page|profile|insta|snap) ~4 (bully|about me|of me|to|pretending)',
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
