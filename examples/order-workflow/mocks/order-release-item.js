// Puts the reserved quantity back in stock.
export default async function (event, context) {
  await context.sleep(120);
  return { released: true, sku: event.sku, quantity: event.quantity };
}
