// Hands the order to the carrier.
export default async function (event, context) {
  await context.sleep(400);
  return { trackingNumber: '1Z999AA10123456784', carrier: 'UPS', orderId: event.orderId };
}
