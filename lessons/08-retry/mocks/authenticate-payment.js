// The authenticate-payment Lambda function: the payment gateway is overloaded and the first
// three calls time out; the fourth call (the third retry) goes through.
export default async function (event, context) {
  if (context.attempt <= 3) {
    throw context.error('Payment.GatewayUnavailable', `The gateway did not answer (call ${context.attempt})`);
  }
  return { authorizationId: `auth-${event.paymentId}`, amount: event.amount };
}
