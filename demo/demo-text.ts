// Word material for generated demo comments, on the seed story's subject (a US court
// ordering Microsoft to hand over e-mail stored in Ireland). All people here are invented;
// the seed's real commenters are never reused, so no real person is given invented words.

import type { Inline } from './mirror-html';

export interface DemoAuthor {
  name: string;
  signature: string | null;
  /** How often this person posts, relative to others. */
  weight: number;
}

/** A few regulars post a lot, so highlighting a user has something to show. */
export const AUTHORS: readonly DemoAuthor[] = [
  { name: 'plaintext_pat', signature: 'Encrypt everything. Trust nothing. Back up twice.', weight: 9 },
  { name: 'lawnerd_esq', signature: 'IANAL, but I play one on the Internet.', weight: 8 },
  { name: 'OldTimerNo1', signature: 'I was on Usenet before it was cool.\nIt was never cool.', weight: 7 },
  { name: 'RedmondWatcher', signature: null, weight: 7 },
  { name: 'sysadmin_sam', signature: "There's no place like 127.0.0.1", weight: 6 },
  { name: 'Cheesy Grits', signature: null, weight: 2 },
  { name: 'byte_rot', signature: 'Bits decay. So do institutions.', weight: 2 },
  { name: 'quantum_ferret', signature: null, weight: 2 },
  { name: 'MidnightOil', signature: null, weight: 2 },
  { name: 'parity_error', signature: 'Odd, isn\'t it?', weight: 2 },
  { name: 'Grumbly Bear', signature: null, weight: 2 },
  { name: 'nullpointer99', signature: null, weight: 2 },
  { name: 'ElmerFuddsShotgun', signature: null, weight: 1 },
  { name: 'kilobaud', signature: '300 baud was fast enough for anybody.', weight: 1 },
  { name: 'Wanderlust2k', signature: null, weight: 1 },
  { name: 'frobnicator', signature: null, weight: 1 },
  { name: 'LinuxLurker', signature: null, weight: 1 },
  { name: 'tapeworm_backup', signature: null, weight: 1 },
  { name: 'CaptainObvious', signature: 'Water is wet. You heard it here first.', weight: 1 },
  { name: 'sudo_sandwich', signature: null, weight: 1 },
  { name: 'DeepPacketInspector', signature: null, weight: 1 },
  { name: 'fjord_prefect', signature: null, weight: 1 },
  { name: 'AnalogKid', signature: null, weight: 1 },
  { name: 'mirrorball', signature: null, weight: 1 },
  { name: 'Sir Reginald Bitflip', signature: 'Per ardua ad ASCII.', weight: 1 },
  { name: 'grepmaster', signature: null, weight: 1 },
];

export const TOP_TITLES: readonly string[] = [
  'Jurisdiction follows control',
  'What about the Irish courts?',
  'Cloud customers are watching',
  'Contempt is the whole point',
  'The SCA was written in 1986',
  'Would Google do the same?',
  'PR stunt or principle?',
  'MLATs exist for a reason',
  'This is why I self-host',
  'Data sovereignty',
  'Encryption makes this moot',
  'Subpoena or warrant?',
  'Let the appeals court sort it out',
  'Follow the money',
  'Europe is not amused',
  'Not the first time',
  'Who holds the keys?',
  'A rare moment of agreement',
  'The real audience is overseas',
  'Civil contempt costs nothing',
  'Read the actual order',
  'Physical location is a fiction',
  'Think of the precedent',
  'So much for the Patriot Act',
  'Corporate citizenship, 2014 edition',
];

export const REASONS_UP: readonly (readonly [string, number])[] = [
  ['Insightful', 30],
  ['Interesting', 30],
  ['Informative', 20],
  ['Funny', 15],
  ['Underrated', 5],
];

export const REASONS_DOWN: readonly (readonly [string, number])[] = [
  ['Troll', 30],
  ['Flamebait', 20],
  ['Offtopic', 25],
  ['Redundant', 15],
  ['Overrated', 10],
];

/** Plain sentences, mixed into paragraphs. */
export const SENTENCES: readonly string[] = [
  'The data sits on servers in Dublin, but the company that controls those servers is in Redmond.',
  'A warrant is supposed to describe the place to be searched, and Ireland is not in the Southern District of New York.',
  'If this stands, every foreign customer of a US cloud provider has to assume their mail is one subpoena away.',
  'The mutual legal assistance treaty with Ireland exists precisely for this kind of request.',
  'Nobody is defending the suspect here; the argument is about which government gets to ask.',
  'Contempt in a case like this is a formality that lets the appeals court hear it.',
  'The judge agreed to hold the order while the appeal goes forward, which tells you she expects a higher court to decide.',
  'Microsoft is not doing this out of love for privacy; they are doing it because they sell cloud services in Europe.',
  'Then again, motives matter less than outcomes, and the outcome here is good for users.',
  'Banks have dealt with this question for decades and the answer was always control, not location.',
  'Storage location is an implementation detail that can change between one request and the next.',
  'If location decided everything, criminals would simply pick the right datacenter.',
  'European regulators have been very clear that they consider this data to be under their jurisdiction.',
  'Either way the company ends up breaking somebody\'s law.',
  'The Stored Communications Act was written when e-mail meant a dial-up connection and a mailbox on one machine.',
  'Congress could fix this in a week if it wanted to, which is exactly why it will not.',
  'The real fix is end-to-end encryption, so that the provider has nothing useful to hand over.',
  'Most people will never encrypt their mail, so the legal question still matters.',
  'Remember this the next time someone tells you the cloud is just someone else\'s computer in your own country.',
  'It is refreshing to see a large company take a position that costs it something.',
  'Let us see how long the principled stand lasts once the fines start.',
  'I would love to know how many similar orders were quietly complied with.',
  'The NSA does not need a court order for this, which makes the whole show a little absurd.',
  'Parallel construction exists because the evidence has to be usable in court.',
  'A clean chain of custody is worth more to prosecutors than a secret copy.',
  'The government will lose this on appeal and then try again with a different statute.',
  'Irish courts would almost certainly grant the request if it went through proper channels.',
  'The proper channels are slow, and that is a feature, not a bug.',
  'A foreign government demanding data from a US company\'s servers here would cause an outcry.',
  'Reciprocity is the argument nobody in the government wants to talk about.',
  'I self-host my mail and sleep fine at night, apart from the spam.',
  'Self-hosting does not help if the other end of the conversation uses a big provider.',
  'This is why companies keep separate subsidiaries for each jurisdiction.',
  'The subsidiary trick works until a judge decides the parent controls the subsidiary.',
  'Every lawyer I know thinks this case goes to the Supreme Court eventually.',
  'Meanwhile the person whose mail this is has no say at all.',
  'The customer is the one party not represented in the courtroom.',
  'Customer-centric is a strange word for a legal strategy, but it fits.',
  'Call it marketing if you like; marketing that protects users is fine by me.',
  'Nobody would have predicted in 2000 that Microsoft would be the privacy hero of the story.',
  'The reputation damage from Snowden is still being paid off, and this is one of the installments.',
  'Trust, once lost, is expensive to rebuild, and fighting a court order is a cheap way to start.',
  'The order itself is only a few pages long and worth reading before commenting.',
  'Most of the comments here are arguing about a case that the article does not describe accurately.',
  'The same logic would let a French court order an American company to hand over mail stored in Ohio.',
  'Webmail providers moved data overseas for latency, not for legal cover, at least at first.',
  'A lot of small European businesses chose Office 365 specifically because of the Dublin datacenter.',
  'If the company loses, expect every contract renewal in Europe to come with a new clause about this.',
  'The government could have asked the Irish authorities years ago and had the mail by now.',
  'The suspect is the least interesting person in this whole story.',
  'Prosecutors pick test cases carefully, and this one was picked to look sympathetic.',
  'There is a difference between records a company keeps about you and records it keeps for you.',
  'My employer keeps its mail on premises for exactly this reason, and the lawyers sleep better for it.',
  'Nobody in the original 1986 debate imagined a single company running datacenters on three continents.',
  'A ruling either way will be quoted in privacy cases for the next twenty years.',
  'The amicus briefs in this case read like a who is who of the tech industry.',
  'Apple, Cisco and Verizon all filed in support, which tells you how worried the industry is.',
  'It is not defiance if both sides agreed to the contempt order as a procedural step.',
  'The headline makes it sound like a standoff; the filings make it sound like paperwork.',
  'If you want privacy, do not outsource your mail to a company with a legal department.',
];

/** Sentence starts that keep their capital behind an opener ("Honestly, Microsoft …"): names and "I". */
const PROPER_START = /^(I|Microsoft|Congress|European|Europe|Irish|Ireland|Apple|Google|NSA|EU|US)\b/;
/** Imperatives and asides read badly behind an opener. */
const NO_OPENER = /^(Then again|Remember|Let us|Call it|If you want|Either way)\b/;

export const SENTENCE_OPENERS: readonly string[] = ['Honestly,', 'Frankly,', 'As far as I can tell,', 'To be fair,', 'In my experience,', 'Then again,', 'Realistically,'];

/** A sentence, sometimes behind an opener, so the same material reads less repetitively. */
export function varySentence(sentence: string, opener: string | null): string {
  if (!opener || NO_OPENER.test(sentence)) return sentence;
  const lowered = PROPER_START.test(sentence) ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
  return `${opener} ${lowered}`;
}

/** Openers for replies, to make them read like replies. */
export const REPLY_OPENERS: readonly string[] = [
  'Exactly.',
  'Not quite.',
  'Citation needed.',
  'This.',
  'I am not a lawyer, but I did read the order.',
  'That is the naive reading.',
  'Sort of.',
  'You are missing the point.',
  'Good point, but consider the other side.',
  'Came here to say this.',
  'Wrong, and here is why.',
  'I used to think that too.',
  'Funny, but true.',
  'Have you actually read the statute?',
];

export const ONE_LINERS: readonly string[] = [
  'In Soviet Russia, e-mail subpoenas you.',
  'I, for one, welcome our new jurisdictional overlords.',
  'Imagine a Beowulf cluster of these subpoenas.',
  'Step 1: store mail in Ireland. Step 2: ??? Step 3: contempt.',
  'Does this mean I can finally stop paying my Outlook license?',
  'Somewhere a Microsoft lawyer just bought a boat.',
  'Obligatory: the cloud is just other people\'s jurisdictions.',
  'First time I have rooted for Microsoft since Windows 2000.',
];

export const LINKS: readonly { url: string; text: string }[] = [
  { url: 'https://en.wikipedia.org/wiki/Stored_Communications_Act', text: 'the Stored Communications Act' },
  { url: 'https://en.wikipedia.org/wiki/Mutual_legal_assistance_treaty', text: 'mutual legal assistance treaties' },
  { url: 'https://en.wikipedia.org/wiki/Data_Protection_Directive', text: 'the EU Data Protection Directive' },
  { url: 'https://www.eff.org/issues/privacy', text: 'what the EFF has written on this' },
  { url: 'https://www.law.cornell.edu/uscode/text/18/2703', text: '18 U.S.C. 2703' },
  { url: 'https://en.wikipedia.org/wiki/Contempt_of_court', text: 'how civil contempt works' },
];

/** A sentence carrying a link. */
export function linkSentence(target: { url: string; text: string }, form: number): Inline[] {
  const link = { link: target.url, text: target.text };
  switch (form % 3) {
    case 0:
      return [' See ', link, ' for the background.'];
    case 1:
      return [' Anyone arguing about this should read up on ', link, ' first.'];
    default:
      return [' Relevant: ', link, '.'];
  }
}
