// The quote-shipping Lambda function: prices a parcel by weight. Besides the quote it returns
// internal fields (the rate table, debug data) that the workflow does not need.
export default async function (event, context) {
  await context.sleep(180);
  const carrier = event.destination === 'Lyon' ? 'DHL' : 'UPS';
  return {
    carrier,
    priceEur: Math.round((4.9 + 3 * event.weightKg) * 100) / 100,
    etaDays: event.destination === 'Lyon' ? 2 : 4,
    rateTable: 'EU-2026-01',
    debug: { cacheHit: false, region: 'eu-west-3' },
  };
}
