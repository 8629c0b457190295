/** Command-line options of the bench scripts: `--name=value`, or `--flag` for true. */
export function parseOptions(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k, v ?? true];
    }),
  );
}
