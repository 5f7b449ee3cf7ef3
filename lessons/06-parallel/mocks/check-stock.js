// The check-stock Lambda function: asks the warehouse whether every item is on the shelf.
// The warehouse system is slow: it takes 2 seconds.
export default async function (event, context) {
  await context.sleep(2000);
  const skus = event.items.map((item) => item.sku);
  return { available: true, skus, warehouse: 'DUB-1' };
}
