import type { TierCounts as Counts } from '../shared/messages';

/** "12 full / 30 abbreviated / 100 hidden", each with a swatch matching the chart tint. */
export function TierCounts({ tiers }: { tiers: Counts }) {
  return (
    <p class="tiers">
      <span class="tiers__item tiers__item--full" data-tier="full">
        <strong>{tiers.full}</strong> full
      </span>
      <span class="tiers__sep" aria-hidden="true">
        {' / '}
      </span>
      <span class="tiers__item tiers__item--abbreviated" data-tier="abbreviated">
        <strong>{tiers.abbreviated}</strong> abbreviated
      </span>
      <span class="tiers__sep" aria-hidden="true">
        {' / '}
      </span>
      <span class="tiers__item tiers__item--hidden" data-tier="hidden">
        <strong>{tiers.hidden}</strong> hidden
      </span>
    </p>
  );
}
