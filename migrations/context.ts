/**
 * What the installation's configuration tells the migrations (set by `runMigrations` before they run;
 * migrations never read the environment themselves). `regionCode`: the office every row written before
 * offices existed belongs to.
 */
export const migrationContext: { regionCode: string } = { regionCode: '1671' };
