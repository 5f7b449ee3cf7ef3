// Charges one batch of orders. The card processor declines a batch holding an order over
// 1,000: the whole batch fails, and the Map counts its failure against the tolerance.
export default async function (event, context) {
  await context.sleep(300);
  const declined = event.Items.find((order) => order.amount > 1000);
  if (declined) {
    throw context.error('Payment.Declined', `order ${declined.orderId} needs manual review`);
  }
  const total = event.Items.reduce((sum, order) => sum + order.amount, 0);
  return {
    merchant: event.BatchInput.merchant,
    charged: event.Items.map((order) => order.orderId),
    total: Math.round(total * 100) / 100,
  };
}
