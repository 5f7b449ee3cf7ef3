// Authorizes the payment. Orders over 1,000 are declined (caught: the order is cancelled);
// otherwise the payment gateway is unavailable twice and answers on the third attempt, which
// the state's Retry absorbs.
export default async function (event, context) {
  await context.sleep(300);
  if (event.amount > 1000) {
    throw context.error('Payment.UnsufficientFunds', `The card cannot cover ${event.amount}`);
  }
  if (context.attempt < 3) {
    throw context.error('Payment.GatewayUnavailable', `The payment gateway timed out (attempt ${context.attempt})`);
  }
  return { authorizationId: 'auth-7731', amount: event.amount, status: 'AUTHORIZED' };
}
