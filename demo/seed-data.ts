// The page the project started from (/work/shared/seed/slashdot-mirror-page.txt, a text
// rendering of a Slashdot mirror): its story and its three comments, word for word. The
// mirror fixture (test/fixtures/mirror/seed.html) and the demo generator both start from it.
// The seed shows no dates (its header lines read "by AUTHOR · · Score"), so none are invented.

import type { MirrorComment, MirrorStory } from './mirror-html';

export const SEED_TOTAL = 419;

export const SEED_STORY: MirrorStory = {
  siteName: "Slashdot Mirror",
  title: "Microsoft Defies Court Order, Will Not Give Emails To US Government",
  submitter: { name: 'schwit1', url: 'https://slashdot.org/~schwit1' },
  paragraphs: [
    [{ link: 'https://slashdot.org/~schwit1', text: 'schwit1' }, " sends this excerpt from a report about Microsoft: Despite a federal court order directing Microsoft to turn overseas-held email data to federal authorities, the software giant said Friday it will continue to withhold that information as it waits for the case to wind through the appeals process. The judge has now ordered both Microsoft and federal prosecutors to advise her how to proceed by next Friday, September 5."],
    ["Let there be no doubt that Microsoft's actions in this controversial case are customer-centric. The firm isn't just standing up to the US government on moral principles. It's now defying a federal court order. \"Microsoft will not be turning over the email and plans to appeal,\" a Microsoft statement notes. \"Everyone agrees this case can and will proceed to the appeals court. This is simply about finding the appropriate procedure for that to happen.\""],
  ],
};

export const SEED_COMMENTS: readonly MirrorComment[] = [
  {
    id: '1',
    parent: null,
    title: "That's nice, but...",
    author: 'SternisheFan',
    authorUrl: 'https://slashdot.org/~SternisheFan',
    date: null,
    score: 5,
    reason: 'Interesting',
    blocks: [{ kind: 'p', parts: ["Isn't there a NSA backdoor to MS?"] }],
    signature: null,
  },
  {
    id: '2',
    parent: '1',
    title: "Re:That's nice, but...",
    author: 'PPH',
    authorUrl: 'https://slashdot.org/~PPH',
    date: null,
    score: 5,
    reason: 'Interesting',
    blocks: [
      { kind: 'p', parts: ["What, is this all just for show?"] },
      {
        kind: 'p',
        parts: [
          "Its either plausible deniability or the need to demonstrate an unbroken and untainted chain of evidence. The NSA may in fact already have access to this data. But acting like they don't, or even loosing a minor case might set other criminals at ease about the security of their data within the Microsoft infrastructure. And they won't switch to a more secure platform. The chain of evidence might be needed to keep a subsequent trial from being thrown out due to tainted evidence. The NSA may already have the evidence (through questionable means), but getting a clean copy removes issues of it being fruit of the poisonous tree.",
        ],
      },
    ],
    signature: "Have gnu, will travel.",
  },
  {
    id: '3',
    parent: null,
    title: 'Re:customer-centric',
    author: 'Dcnjoe60',
    authorUrl: 'https://slashdot.org/~Dcnjoe60',
    date: null,
    score: 5,
    reason: 'Interesting',
    blocks: [
      { kind: 'p', parts: ["You mean \"Kill every company on the internet's business that serves customers in Europe and America.\""] },
      {
        kind: 'p',
        parts: [
          "Legal precedent would compel Google, and everyone else, to do the same stupid thing this judge has ordered, who is apparently unaware of international laws and seems to assume that US law is the only thing that exists or even should exist. If MS loses, everyone loses.",
        ],
      },
      {
        kind: 'p',
        parts: [
          "Actually, this same scenario happened with the banking industry and what the judge is proposing actually follows the international law and treaties that came out of it. In short, it doesn't matter where the assets are stored as to who has jurisdiction, but as to who has control over them. For instance if the IRA had deposits in Irish Allied Bank, but the cash was stored in the US, then the Irish Government could still freeze the account. So, if the data is stored somewhere else, but the company is headquartered in their land, why not the same thing?",
        ],
      },
    ],
    signature: null,
  },
];
