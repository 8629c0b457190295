/** `/^\d+$/.test(text)`: ASCII digits only, at least one (comment and story ids). Without a regular expression: it runs per element on big pages. */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
