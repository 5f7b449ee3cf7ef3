// The quote-delivery Lambda function: a fee per parcel, by destination country.
const perParcel = { PT: 4.5, ES: 4.5, FR: 5.5, SE: 7.75 };
export default async function (event, context) {
  await context.sleep(200);
  const rate = perParcel[event.country] ?? 9.5;
  return {
    orderId: event.orderId,
    carrier: event.country === 'PT' ? 'CTT' : 'DHL',
    fee: rate * event.parcels,
  };
}
