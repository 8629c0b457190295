import type { PageStatus } from '../shared/messages';

type Recognized = Extract<PageStatus, { recognized: true }>;

/** Title, site name and the count, noting when the page itself claims a different one. */
export function StorySummary({ status }: { status: Recognized }) {
  const differs = status.declaredCount !== null && status.declaredCount !== status.total;
  return (
    <header class="story">
      <h1 class="story__title">{status.title || 'Untitled story'}</h1>
      <p class="story__meta">
        <span class="story__site">{status.siteName}</span>
        {' · '}
        <span class="story__count">{plural(status.total, 'comment')}</span>
        {differs && <span class="story__declared"> (page says {status.declaredCount})</span>}
      </p>
    </header>
  );
}

export function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
