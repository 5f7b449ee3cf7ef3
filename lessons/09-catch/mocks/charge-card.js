// The charge-card Lambda function: the bank declines the test card tok_declined and accepts
// every other card.
export default async function (event, context) {
  await context.sleep(500);
  if (event.cardToken === 'tok_declined') {
    throw context.error('Payment.Declined', `The bank declined the card for order ${event.orderId}: insufficient funds`);
  }
  return { chargeId: `ch-${event.orderId}`, amount: event.amount };
}
