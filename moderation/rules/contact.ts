/**
 * Phrases that swap contact details ("add me on snap", "what's your number"),
 * and grooming hints that turn a contact swap into a safeguarding concern.
 * Formats (phone numbers, emails, postcodes, handles) are found by the
 * contact-details stage itself, on the `lite` view where digits survive.
 */
import type { RuleSpec } from './engine.js';

const PLATFORM =
  'snap|sc|snapchat|insta|ig|instagram|tiktok|whatsapp|whats app|watsapp|wa|discord|facebook|fb|twitter|kik|telegram|' +
  'signal|threads|bereal|wickr|wizz|yubo|omegle|bigo|viber|wechat|messenger|imessage|facetime|xbox|psn|steam|roblox|' +
  'reddit|tumblr|youtube|twitch|spotify|hinge|tinder|grindr|onlyfans|email|gmail|hotmail|outlook|dms|dm';
/** The platforms without "dm": a bare "dm me" is the bare rule's (it has the peer-support exceptions). */
const NAMED_PLATFORM = PLATFORM.replace('|dms|dm', '');

const CONTACT_UNLESS: readonly string[] = [
  '(message|msg|dm|text|ring|call|find|add) (me|us) (on|in|at) (here|this|the app|voicebox|the group|the chat|this chat|the session)',
  '(your|ur|my|his|her) (snap|insta|tiktok|instagram|snapchat) (story|stories|streak|streaks|filter|filters|video|videos|post|posts|reel|reels|feed|dance|trend)',
  '(my|your) (number|phone number) (changed|has changed) ~3 (told|tell|social worker|staff|worker)',
  'my (email|address|number) (changed|is on|is with|with the) (my)? ~1 (social worker|staff|worker|file)',
  '(post|share) (your|ur) (ideas|idea|answers|answer|views|thoughts|vote|votes)',
  'my (tt|sc) (grade|grades)',
  '(add|put) (me|us) (to|on|in|onto|into) (the|this|your|ur|a) (group|list|team|rota|register|chat|poll|quiz|game|party|lobby|squad)',
  '({NUMBER}) (road|rd|street) (trip|trips|safety|sign|signs)',
];

export const CONTACT_RULES: readonly RuleSpec[] = [
  {
    id: 'pi-contact-request',
    category: 'contact-details',
    severity: 'low',
    match: [
      `(add|follow|message|msg|dm|pm|text|txt|ring|call|phone|find|inbox|snap|facetime|hit) (me|us) (up)? ~1 (on|at|via|over|thru|through) ~1 (${PLATFORM})`,
      `(add|follow|message|msg|dm|pm) (my) (${PLATFORM}|number|account|acc|page)`,
      `(what|whats|wats|wots|wat|give me|drop|send|send me|post|share|got) ~2 (your|ur|yo|you|ya|his|her) (${PLATFORM}|number|num|digits|phone number|mobile|mobile number|handle|addy|address|email|user|username|postcode|deets|details)`,
      `my (${PLATFORM}|number|num|digits|phone number|mobile|mobile number|email|addy|address|user|username|handle|postcode) (is|s|its|it is)`,
      `(${NAMED_PLATFORM}) (me|name|username|user|handle|id)`,
      '(dms|dm) (name|username|user|handle|id)',
      '(here is|heres|this is|take) my (number|num|digits|snap|insta|email|address|addy)',
      'hit me up ~1 (on|at) ~2',
      '(come|come round|come over|come to|pop round|meet me) ~2 (mine|my house|my flat|my place|my address|my street)',
      '{I} (live|living|stay|staying) (at|on|in) ~1 ({NUMBER})? ~2 (road|rd|street|avenue|ave|lane|close|drive|crescent|court|grove|gardens|terrace|square|mews|rise)',
      '({NUMBER}) ~2 (road|rd|street|avenue|ave|lane|close|drive|crescent|court|grove|gardens|terrace|square|mews|rise|way|walk|place|park|hill|view)',
      '(my|the) (address|addy) (is|s)',
      '(at) (gmail|hotmail|outlook|yahoo|icloud|live|aol|btinternet|protonmail|googlemail|sky|mail) (dot)? ~1 (com|co|uk|net|org)',
    ],
    ignoreBenign: true,
    unless: CONTACT_UNLESS,
  },
  {
    id: 'pi-contact-bare',
    category: 'contact-details',
    severity: 'low',
    // "add me", "dm me" with no platform named: held, except peer support inside the app.
    match: ['(add|follow|snap|dm|pm|text|message|msg) (me|us)'],
    ignoreBenign: true,
    unless: [
      ...CONTACT_UNLESS,
      // peer support inside the app ("if u ever feel low u can message me"), with no platform or number
      '(if|when|whenever) (you|u|ya|anyone|anybody|someone) ~2 (feel|feeling|need|want|are|get|r|ever) ~3 (low|down|sad|lonely|alone|upset|rubbish|crap|shit|bad|worried|anxious|stressed|scared|to talk|someone to talk to|a chat|to vent|a rant|a moan|support|help|overwhelmed|like talking) ~4 (message|msg|text|dm|pm|talk to) (me|us)',
      '(message|msg|text|dm|pm|talk to) (me|us) ~3 (if|when|whenever|anytime|any time) (you|u|ya) ~2 (feel|feeling|need|want|are|get|r|ever) ~3 (low|down|sad|lonely|alone|upset|rubbish|crap|bad|worried|anxious|stressed|scared|to talk|someone to talk to|a chat|to vent|a rant|a moan|support|help|overwhelmed)',
    ],
  },
];

/**
 * Grooming hints: harmless alone ("how old are you" in a youth group), but with
 * a contact swap in the same message they make it a safeguarding concern.
 */
export const GROOMING_HINTS: readonly string[] = [
  'how old (are|r) (you|u)',
  '(are|r) (you|u) (alone|on your own|home alone|by yourself)',
  '(are|r) (your|ur) (parents|carers|mum|dad|staff) (home|in|around|there|watching|asleep)',
  '(dont|do not|never) tell (anyone|anybody|no one|your|ur)',
  '(our|a|little) secret',
  '(buy|get|give|send) (you|u) ~2 (something|anything|stuff|a present|gifts|money|cash|vouchers|robux|vbucks|clothes|a phone|vapes|a vape)',
  '(mature|grown up) for (your|ur) age',
  '({ADULT_AGE}) (year old|yr old|yo|years old|m|f)',
  '(im|i am) ({ADULT_AGE})',
  '(send|show) (me|us) ~2 (pictures|pic|photo|photos|a selfie|selfies|video|what you look like|your body)',
  '(meet|meet up|link up|link) ~3 (alone|secret|just us|just me and you|without)',
  '(i can|ill|il|i will|can) (pick|come and get) (you|u) up',
  '(cute|pretty|beautiful|sexy|hot|fit) (girl|boy|babe|baby)',
  '(you|u) (look|are|r) (so)? (sexy|hot|fit|gorgeous|peng)',
];
