// Builds the .xlsx fixtures from the seeds before any test runs (they are not committed).
export default async function setup(): Promise<void> {
  const mod = await import('../scripts/build-fixtures').catch(() => null);
  if (mod && typeof mod.buildAll === 'function') await mod.buildAll();
}
