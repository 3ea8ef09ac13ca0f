// The search benchmark's four representative queries, as HTTP paths (search.bench.mjs) and as the driver's
// query objects (search-driver.mjs): the same variants in the same order.
export const KECAMATAN = Array.from({ length: 18 }, (_, i) => `16.71.${String(i + 1).padStart(2, '0')}`);
export const WORDS = [
  'kasir minimarket',
  'teknisi listrik',
  'mekanik motor',
  'staf administrasi',
  'juru masak',
  'sopir pengiriman',
  'pelayanan pelanggan',
  'gudang forklift',
];

export const QUERY_OBJECTS = [
  { name: 'no filter', queries: [{}] },
  { name: 'q, two words', queries: WORDS.map((q) => ({ q })) },
  {
    name: 'education + kecamatan',
    queries: KECAMATAN.map((k, i) => ({ educationLevel: ['SMA', 'SMK', 'D3', 'S1'][i % 4], kecamatanCode: k })),
  },
  {
    name: 'salaryMin + sort=salary',
    queries: [
      { salaryMin: 5000000, sort: 'salary' },
      { salaryMin: 4000000, sort: 'salary' },
    ],
  },
];

/** The same queries as paths of GET /api/v1/vacancies. */
export const QUERIES = QUERY_OBJECTS.map(({ name, queries }) => ({
  name,
  paths: queries.map((q) => {
    const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
    return qs ? `/api/v1/vacancies?${qs}` : '/api/v1/vacancies';
  }),
}));
