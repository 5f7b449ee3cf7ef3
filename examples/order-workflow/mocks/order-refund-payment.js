// Refunds a captured payment.
export default async function (event, context) {
  await context.sleep(200);
  return { refundId: 'ref-3301', authorizationId: event.authorizationId, amount: event.amount };
}
