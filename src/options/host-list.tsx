export interface HostListProps {
  hosts: string[];
  onRemove: (host: string) => void;
  dirty: boolean;
}

/** Sites where the user switched Threshold off (from the popup), each with a Remove button. */
export function HostList({ hosts, onRemove, dirty }: HostListProps) {
  return (
    <div class="field">
      <h3 class="field__label" id="hosts-title">
        Sites where Threshold is off
        {dirty && <span class="field__dirty"> (unsaved)</span>}
      </h3>
      {hosts.length === 0 ? (
        <p class="field__hint">None. Switch Threshold off for a site from the toolbar button on one of its pages.</p>
      ) : (
        <ul class="hosts" aria-labelledby="hosts-title">
          {hosts.map((host) => (
            <li class="hosts__item" key={host}>
              <span class="hosts__name">{host}</span>
              <button type="button" class="button" aria-label={`Remove ${host}`} onClick={() => onRemove(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
