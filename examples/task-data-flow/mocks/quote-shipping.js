// The quote-shipping Lambda function: prices a parcel by weight. It also returns internal
// fields (rate table, debug) that the workflow does not need: ResultSelector drops them.
export default async function (event, context) {
  await context.sleep(180);
  return {
    orderId: event.orderId,
    carrier: 'DHL',
    priceEur: Math.round((4.9 + 3 * event.weightKg) * 100) / 100,
    etaDays: event.destination === 'Lyon' ? 2 : 4,
    rateTable: 'EU-2026-01',
    debug: { requestedAt: event.requestedAt, cacheHit: false },
  };
}
