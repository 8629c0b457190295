import { tierOf, type Tier } from '../model/thresholds';
import { MIN_SCORE, type Thresholds } from '../model/types';

export interface ScoreChartProps {
  /** Index 0 is score -1 ... index 6 is score 5. */
  byScore: number[];
  unknownScore: number;
  /** Tints each bar by the tier its score falls in; null before settings load. */
  thresholds: Thresholds | null;
}

interface Bar {
  key: string;
  label: string;
  count: number;
  /** The tier the score alone earns under the thresholds; null before settings load. */
  tier: Tier | null;
}

/**
 * Comments per score as plain elements: one column per score, bars scaled to the largest.
 * The drawn numbers are hidden from screen readers, which read one sentence per column.
 */
export function ScoreChart({ byScore, unknownScore, thresholds }: ScoreChartProps) {
  const bars: Bar[] = byScore.map((count, i) => {
    const score = MIN_SCORE + i;
    return {
      key: String(score),
      label: String(score),
      count,
      tier: thresholds ? tierOf(score, thresholds) : null,
    };
  });
  if (unknownScore > 0) {
    // The model never hides what it cannot rank, so unknown scores tint as "full".
    bars.push({ key: 'unknown', label: '?', count: unknownScore, tier: thresholds ? tierOf(null, thresholds) : null });
  }
  const max = Math.max(0, ...bars.map((b) => b.count));

  return (
    <figure class="chart">
      <figcaption class="chart__caption" id="chart-caption">
        Comments by score
      </figcaption>
      <ul class="chart__bars" aria-labelledby="chart-caption">
        {bars.map((bar) => (
          <li class={`chart__col chart__col--${bar.tier ?? 'none'}`} key={bar.key} data-score={bar.key}>
            <span class="chart__count" aria-hidden="true">
              {bar.count}
            </span>
            <span class="chart__track" aria-hidden="true">
              <span class="chart__bar" style={{ height: `${max === 0 ? 0 : (bar.count / max) * 100}%` }} />
            </span>
            <span class="chart__score" aria-hidden="true">
              {bar.label}
            </span>
            <span class="sr-only">{describeBar(bar)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

const TIER_WORDS: Record<Tier, string> = {
  full: 'shown in full',
  abbreviated: 'shown as one line',
  hidden: 'hidden',
};

function describeBar(bar: Bar): string {
  const what = bar.key === 'unknown' ? 'Unknown score' : `Score ${bar.label}`;
  const count = `${bar.count} ${bar.count === 1 ? 'comment' : 'comments'}`;
  return bar.tier === null ? `${what}: ${count}` : `${what}: ${count}, ${TIER_WORDS[bar.tier]}`;
}
