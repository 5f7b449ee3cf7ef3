// The check-stock Lambda function: every item is on the shelf, except the out-of-print BK-999.
export default async function (event, context) {
  await context.sleep(300);
  const missing = event.items.filter((item) => item.sku === 'BK-999').map((item) => item.sku);
  return { available: missing.length === 0, missing };
}
