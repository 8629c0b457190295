export interface SiteSwitchProps {
  host: string;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  disabled?: boolean;
}

/** "Threshold on <host>": a checkbox exposed as a switch, so Space toggles it and AT says on/off. */
export function SiteSwitch({ host, enabled, onToggle, disabled = false }: SiteSwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        name="site-enabled"
        checked={enabled}
        disabled={disabled}
        onChange={(e) => onToggle(e.currentTarget.checked)}
      />
      <span class="switch__track" aria-hidden="true" />
      <span class="switch__label">Threshold on {host}</span>
    </label>
  );
}
