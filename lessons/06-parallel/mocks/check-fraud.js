// The check-fraud Lambda function: scores the order's fraud risk from 0 to 100.
// The scoring service takes 3 seconds.
export default async function (event, context) {
  await context.sleep(3000);
  return { customerId: event.customerId, score: event.amount > 500 ? 64 : 12, model: 'risk-2026-01' };
}
