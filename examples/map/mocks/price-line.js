// The price-line Lambda function: one order line's total, with a 10% wholesale discount.
// Lines take different times, so the graph shows two of them running at once (MaxConcurrency 2).
export default async function (event, context) {
  await context.sleep(200 + 150 * (event.index % 3));
  const gross = event.line.quantity * event.line.unitPrice;
  const discount = event.customerTier === 'wholesale' ? 0.1 : 0;
  const total = Math.round(gross * (1 - discount) * 100) / 100;
  return { index: event.index, sku: event.line.sku, total, currency: event.currency };
}
