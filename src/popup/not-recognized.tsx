/** The content script ran but left the page alone; say why, in its own words. */
export function NotRecognized({ host, reason }: { host: string; reason: string }) {
  return (
    <section class="notice" aria-labelledby="notice-title">
      <h1 id="notice-title" class="notice__title">
        Nothing to reflow on {host}
      </h1>
      <p>Threshold left this page as it was: {reason}</p>
    </section>
  );
}
