// Plain-text material for generated comments: nicknames, subjects, sentences, links, signatures.
// Everything is built from small word banks with the seeded PRNG, so pages are varied but
// reproducible. Output is plain text (no markup) unless a function says it returns HTML.

import type { Rng } from './prng';

const NOUNS = [
  'kernel', 'license', 'patent', 'driver', 'compiler', 'distro', 'desktop', 'server', 'browser', 'codec',
  'filesystem', 'scheduler', 'lawyer', 'vendor', 'market', 'developer', 'user', 'company', 'court', 'court case',
  'GPL', 'BSD license', 'source code', 'binary blob', 'update', 'release', 'version', 'toolkit', 'window manager',
  'package manager', 'bug', 'patch', 'benchmark', 'laptop', 'phone', 'network', 'firewall', 'router', 'database',
  'cloud', 'mainframe', 'terminal', 'shell', 'script', 'library', 'API', 'standard', 'format', 'protocol',
  'monopoly', 'shareholder', 'contract', 'clause', 'agreement', 'community', 'project', 'maintainer', 'fork',
];
const VERBS = [
  'ships', 'breaks', 'fixes', 'ignores', 'replaces', 'requires', 'forbids', 'allows', 'covers', 'supports',
  'compiles', 'crashes', 'scales', 'runs', 'leaks', 'locks in', 'depends on', 'competes with', 'undercuts',
  'duplicates', 'outperforms', 'slows down', 'protects', 'exposes', 'documents', 'hides', 'rewrites',
];
const ADJECTIVES = [
  'proprietary', 'open', 'closed', 'free', 'legacy', 'modern', 'bloated', 'lean', 'stable', 'buggy', 'secure',
  'insecure', 'cheap', 'expensive', 'portable', 'obscure', 'popular', 'broken', 'shiny', 'ancient', 'new',
  'default', 'optional', 'mandatory', 'vague', 'clear', 'reasonable', 'ridiculous', 'typical', 'entire',
];
const OPENERS = [
  'Actually,', 'Frankly,', 'In my experience,', 'As far as I know,', 'IANAL, but', 'To be fair,', 'Honestly,',
  'Funny thing is,', 'Last time I checked,', 'The problem is that', 'Sure, but', 'Meanwhile,', 'Of course,',
  'Then again,', 'Back in the day,', 'In Soviet Russia,', 'Let me get this straight:', 'Correct me if I am wrong, but',
];
const CLOSERS = [
  'and nobody seems to care', 'which is the whole point', 'for the next ten years', 'until the lawyers get involved',
  'in practice', 'on paper at least', 'if you read the fine print', 'at least on my machine', 'every single time',
  'without telling anyone', 'as usual', 'whether they like it or not', 'for most people', 'right now',
];
const SUBJECT_WORDS = [
  'Enlighten me', 'Not so fast', 'Obligatory', 'Wrong', 'Interesting', 'I call BS', 'So what', 'Missing the point',
  'Read the license', 'Nothing new', 'Old news', 'Predictable', 'Good riddance', 'About time', 'Question',
  'Some perspective', 'Typical', 'Meh', 'Finally', 'Not really', 'The real question', 'My experience',
  'Mod parent up', 'Summary is wrong', 'It depends', 'Simple answer', 'Bad analogy', 'Car analogy', 'FUD',
];
const NICK_PARTS = [
  'morgan', 'grey', 'wolf', 'just', 'another', 'sean', 'vig', 'meister', 'somer', 'sault', 'froggero', 'aqua',
  'bat', 'kc', 'brown', 'swill', 'den', 'maxwell', 'demon', 'the', 'cisco', 'kid', 'hax0r', 'jim', 'sam', 'andreas',
  'ninja', 'penguin', 'tux', 'daemon', 'byte', 'pixel', 'null', 'void', 'root', 'admin', 'unix', 'beard', 'cow',
  'boy', 'neal', 'zed', 'spitz', 'ak', 'moo', 'uk', 'lally', 'singh', 'willy', 'chips', 'cmdr', 'taco', 'hemos',
];
const DOMAINS = [
  'groklaw.net', 'wikipedia.org', 'lwn.net', 'kernel.org', 'gnu.org', 'fsf.org', 'microsoft.com', 'eweek.com',
  'arstechnica.com', 'theregister.co.uk', 'apache.org', 'kde.org', 'gnome.org', 'debian.org', 'xkcd.com',
  'blogspot.com', 'sourceforge.net', 'mozilla.org', 'opensource.org', 'cnet.com',
];
const SIGNATURES = [
  'There are 10 types of people in the world.', 'I doubt, therefore I might be.', 'Slashdot: News for nerds.',
  'Support your local free software project.', 'Warning: this sig may contain traces of sarcasm.',
  'Any sufficiently advanced bug is indistinguishable from a feature.', 'RTFA? Where would be the fun in that?',
  'My other computer is a Beowulf cluster.', 'I for one welcome our new overlords.', 'Hanlon was right.',
];

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A Slashdot-style nickname: "morgan_greywolf", "The Cisco Kid", "kcbrown", "tux42". */
export function nickname(rng: Rng): string {
  const a = rng.pick(NICK_PARTS);
  const b = rng.pick(NICK_PARTS);
  switch (rng.int(0, 5)) {
    case 0:
      return `${a}_${b}`;
    case 1:
      return `${capitalize(a)} ${capitalize(b)}`;
    case 2:
      return `${a}${b}${rng.int(1, 99)}`;
    case 3:
      return `The ${capitalize(a)} ${capitalize(b)}`;
    default:
      return `${a}${b}`;
  }
}

export function subject(rng: Rng): string {
  const base = rng.pick(SUBJECT_WORDS);
  switch (rng.int(0, 3)) {
    case 0:
      return `${base}...`;
    case 1:
      return `${capitalize(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}?`;
    case 2:
      return `${base}: the ${rng.pick(NOUNS)}`;
    default:
      return base;
  }
}

/** One sentence of 5–20 words. */
export function sentence(rng: Rng): string {
  const parts: string[] = [];
  if (rng.chance(0.3)) parts.push(rng.pick(OPENERS));
  parts.push(`the ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.pick(VERBS)} the ${rng.pick(NOUNS)}`);
  if (rng.chance(0.5)) parts.push(`because the ${rng.pick(NOUNS)} ${rng.pick(VERBS)} every ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`);
  if (rng.chance(0.4)) parts.push(rng.pick(CLOSERS));
  const text = parts.join(' ');
  const end = rng.weighted([8, 1, 1]);
  return `${capitalize(text)}${['.', '?', '!'][end]}`;
}

export function domain(rng: Rng): string {
  return rng.pick(DOMAINS);
}

/** A link target on a domain, e.g. http://www.groklaw.net/article.php?story=20070705205728953 */
export function urlOn(rng: Rng, host: string): string {
  return `http://www.${host}/${rng.pick(['article.php?story=', 'wiki/', 'news/', 'doc/', '~'])}${rng.int(1000, 99999999)}`;
}

export function linkText(rng: Rng): string {
  return rng.pick(['here', 'this article', 'the FAQ', 'a quick Google search', 'their own page', 'the source', 'TFA']);
}

export function signature(rng: Rng): string {
  return rng.pick(SIGNATURES);
}

/** Slashdot's comment date: "Friday July 06, @08:55AM" (the year is left out within the year). */
export function slashdotDate(ms: number): string {
  const d = new Date(ms);
  const day = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()];
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'][d.getUTCMonth()];
  const h24 = d.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${pad(d.getUTCDate())}, @${pad(h12)}:${pad(d.getUTCMinutes())}${h24 < 12 ? 'AM' : 'PM'}`;
}
