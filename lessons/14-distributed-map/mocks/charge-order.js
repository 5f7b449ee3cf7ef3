// The charge-order Lambda function: charges one order's card. The card processor declines
// any order over 1,000 until someone reviews it.
export default async function (event, context) {
  await context.sleep(250);
  if (event.amount > 1000) {
    throw context.error('Payment.Declined', `Order ${event.orderId} (${event.amount}) needs a manual review`);
  }
  return { orderId: event.orderId, charged: event.amount, chargeId: `ch-${event.orderId}` };
}
